package vn.loa.channels.email;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * Plain sockets with {@code TCP_NODELAY} on. Angus Mail never sets it, and Nagle's
 * algorithm meeting the server's delayed ACK caps one SMTP connection at a couple of
 * dozen messages a second. STARTTLS layers on top of these sockets, so it keeps the
 * option.
 */
final class NoDelaySocketFactory extends SocketFactory {

	@Override
	public Socket createSocket() throws IOException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		return socket;
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return connect(createSocket(), new InetSocketAddress(host, port), null);
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return connect(createSocket(), new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return connect(createSocket(), new InetSocketAddress(host, port), null);
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return connect(createSocket(), new InetSocketAddress(address, port),
				new InetSocketAddress(localAddress, localPort));
	}

	private static Socket connect(Socket socket, InetSocketAddress remote, @Nullable InetSocketAddress local)
			throws IOException {
		try {
			if (local != null) {
				socket.bind(local);
			}
			socket.connect(remote);
			return socket;
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

}
