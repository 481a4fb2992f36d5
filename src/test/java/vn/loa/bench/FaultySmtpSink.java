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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server on loopback that misbehaves on purpose, by the recipient's local part:
 * {@code tam-…} gets {@code 451} the first time, {@code tuchoi-…} {@code 550} always,
 * {@code rot-…} loses the connection after DATA the first time, {@code treo-…} never
 * answers the first time; everyone else {@code 250}. It counts what it accepted per
 * recipient, so a run can tell sent, duplicated and lost messages apart.
 */
final class FaultySmtpSink implements AutoCloseable {

	private final ServerSocket server;

	private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();

	private final Set<String> misbehaved = ConcurrentHashMap.newKeySet();

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	FaultySmtpSink() throws IOException {
		this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::serve, "faulty-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Messages accepted, per recipient address. */
	Map<String, Integer> accepted() {
		Map<String, Integer> counts = new java.util.TreeMap<>();
		this.accepted.forEach((address, count) -> counts.put(address, count.get()));
		return counts;
	}

	int total() {
		return this.accepted.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	private void serve() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.open.add(socket);
				Thread conversation = new Thread(() -> {
					try (socket) {
						converse(socket);
					}
					catch (IOException ex) {
						// The client hung up or was killed.
					}
					finally {
						this.open.remove(socket);
					}
				}, "faulty-smtp-conversation");
				conversation.setDaemon(true);
				conversation.start();
			}
			catch (IOException ex) {
				// Closed.
			}
		}
	}

	private void converse(Socket socket) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
		OutputStream out = socket.getOutputStream();
		reply(out, "220 faulty-smtp ESMTP");
		String recipient = null;
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			String command = line.toUpperCase(Locale.ROOT);
			if (command.startsWith("EHLO")) {
				reply(out, "250-faulty-smtp\r\n250-PIPELINING\r\n250 8BITMIME");
			}
			else if (command.startsWith("HELO") || command.startsWith("MAIL FROM") || command.startsWith("NOOP")) {
				reply(out, "250 OK");
			}
			else if (command.startsWith("RSET")) {
				recipient = null;
				reply(out, "250 OK");
			}
			else if (command.startsWith("RCPT TO")) {
				recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase(Locale.ROOT);
				reply(out, recipient.startsWith("tuchoi-") ? "550 5.1.1 no such user" : "250 OK");
			}
			else if (command.startsWith("DATA") && (recipient == null || recipient.startsWith("tuchoi-"))) {
				// As RFC 2920 asks of a server that pipelines: no DATA without a
				// recipient.
				reply(out, "554 5.5.1 no valid recipients");
			}
			else if (command.startsWith("DATA")) {
				reply(out, "354 go ahead");
				for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
					// The message itself does not matter here.
				}
				String address = String.valueOf(recipient);
				boolean first = this.misbehaved.add(address);
				if (first && address.startsWith("rot-")) {
					socket.close();
					return;
				}
				if (first && address.startsWith("treo-")) {
					// Never answers: the client's read timeout ends it.
					while (!socket.isClosed() && in.readLine() != null) {
						// Swallow whatever comes.
					}
					return;
				}
				if (first && address.startsWith("tam-")) {
					reply(out, "451 4.3.0 try again later");
					continue;
				}
				this.accepted.computeIfAbsent(address, (key) -> new AtomicInteger()).incrementAndGet();
				reply(out, "250 2.0.0 queued");
			}
			else if (command.startsWith("QUIT")) {
				reply(out, "221 bye");
				return;
			}
			else {
				reply(out, "502 command not implemented");
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
		for (Socket socket : this.open) {
			socket.close();
		}
	}

}
