package vn.loa.channels.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough of an SMTP server on a loopback socket to refuse recipients: {@code 550}
 * for addresses starting with {@code refused}, {@code 451} for those starting with
 * {@code deferred}, {@code 250} for the rest. It offers pipelining, and so refuses
 * {@code DATA} when no recipient was accepted.
 */
final class FlakySmtpServer implements AutoCloseable {

	private final ServerSocket server;

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger accepted = new AtomicInteger();

	FlakySmtpServer() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread thread = new Thread(this::serve, "flaky-smtp");
		thread.setDaemon(true);
		thread.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	int connections() {
		return this.connections.get();
	}

	int accepted() {
		return this.accepted.get();
	}

	private void serve() {
		while (!this.server.isClosed()) {
			try (Socket socket = this.server.accept()) {
				this.connections.incrementAndGet();
				converse(socket);
			}
			catch (IOException ex) {
				// Closed, or the client hung up.
			}
		}
	}

	private void converse(Socket socket) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
		OutputStream out = socket.getOutputStream();
		reply(out, "220 flaky.test ESMTP");
		String line;
		boolean recipient = false;
		while ((line = in.readLine()) != null) {
			String command = line.toUpperCase(Locale.ROOT);
			if (command.startsWith("RCPT TO:")) {
				String address = line.substring(line.indexOf('<') + 1).toLowerCase(Locale.ROOT);
				boolean refused = address.startsWith("refused") || address.startsWith("deferred");
				recipient |= !refused;
				reply(out, address.startsWith("refused") ? "550 5.1.1 mailbox unavailable"
						: address.startsWith("deferred") ? "451 4.3.0 try again later" : "250 2.1.5 ok");
			}
			else if (command.equals("DATA") && !recipient) {
				// As RFC 2920 asks of a server that offers pipelining.
				reply(out, "554 5.5.1 no valid recipients");
			}
			else if (command.equals("DATA")) {
				recipient = false;
				reply(out, "354 go ahead");
				while ((line = in.readLine()) != null && !line.equals(".")) {
					// The message itself is of no interest here.
				}
				this.accepted.incrementAndGet();
				reply(out, "250 2.0.0 queued as " + this.accepted.get());
			}
			else if (command.equals("QUIT")) {
				reply(out, "221 bye");
				return;
			}
			else {
				recipient = recipient && !command.startsWith("RSET") && !command.startsWith("MAIL");
				reply(out, command.startsWith("EHLO") ? "250-flaky.test\r\n250 PIPELINING" : "250 ok");
			}
		}
	}

	private static void reply(OutputStream out, String reply) throws IOException {
		out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
