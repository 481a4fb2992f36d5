package vn.loa.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server on a loopback port that accepts every message and keeps none: it reads a
 * whole message before answering, as a real server does, and is never the bottleneck. Its
 * sockets keep the platform defaults (no {@code TCP_NODELAY}), like most servers.
 */
final class LoopbackSmtpSink implements AutoCloseable {

	private final ServerSocket server;

	private final AtomicLong accepted = new AtomicLong();

	LoopbackSmtpSink() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread thread = new Thread(this::serve, "loopback-smtp-sink");
		thread.setDaemon(true);
		thread.start();
	}

	String host() {
		return this.server.getInetAddress().getHostAddress();
	}

	int port() {
		return this.server.getLocalPort();
	}

	long accepted() {
		return this.accepted.get();
	}

	private void serve() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				Thread connection = new Thread(() -> converse(socket), "loopback-smtp-connection");
				connection.setDaemon(true);
				connection.start();
			}
			catch (IOException ex) {
				// Closed.
			}
		}
	}

	private void converse(Socket socket) {
		try (socket) {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1), 64 * 1024);
			OutputStream out = socket.getOutputStream();
			reply(out, "220 sink.localhost ESMTP");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.toUpperCase(Locale.ROOT);
				if (command.equals("DATA")) {
					reply(out, "354 end with <CRLF>.<CRLF>");
					while ((line = in.readLine()) != null && !line.equals(".")) {
						// Discarded: only the count matters.
					}
					reply(out, "250 2.0.0 accepted " + this.accepted.incrementAndGet());
				}
				else if (command.equals("QUIT")) {
					reply(out, "221 2.0.0 bye");
					return;
				}
				else {
					reply(out, "250 ok");
				}
			}
		}
		catch (IOException ex) {
			// The client hung up.
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
