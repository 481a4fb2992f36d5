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

	/**
	 * When kept: how many times each (recipient, subject) was accepted, so a benchmark
	 * can tell a duplicate from a second bulletin.
	 */
	private final java.util.concurrent.ConcurrentHashMap<String, Integer> received = new java.util.concurrent.ConcurrentHashMap<>();

	private volatile boolean keep;

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

	/** From now on, counts each (recipient, subject) accepted. */
	LoopbackSmtpSink keepingRecipients() {
		this.keep = true;
		return this;
	}

	/** Each (recipient, subject) accepted, with how many times; empty unless kept. */
	java.util.Map<String, Integer> received() {
		return this.received;
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
			java.util.List<String> recipients = new java.util.ArrayList<>();
			while ((line = in.readLine()) != null) {
				String command = line.toUpperCase(Locale.ROOT);
				if (command.startsWith("RCPT TO:")) {
					recipients.add(line.substring(8).strip());
					reply(out, "250 ok");
				}
				else if (command.equals("DATA")) {
					reply(out, "354 end with <CRLF>.<CRLF>");
					String subject = "";
					boolean headers = true;
					boolean inSubject = false;
					while ((line = in.readLine()) != null && !line.equals(".")) {
						// Only the count (and, when kept, recipient and subject) matters.
						if (headers && this.keep) {
							if (line.isEmpty()) {
								headers = false;
							}
							else if (line.regionMatches(true, 0, "Subject:", 0, 8)) {
								subject = line.substring(8).strip();
								inSubject = true;
							}
							else if (inSubject && (line.startsWith(" ") || line.startsWith("\t"))) {
								subject = subject + line.strip();
							}
							else {
								inSubject = false;
							}
						}
					}
					if (this.keep) {
						for (String recipient : recipients) {
							this.received.merge(recipient.toLowerCase(Locale.ROOT) + " " + subject, 1, Integer::sum);
						}
					}
					recipients.clear();
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
