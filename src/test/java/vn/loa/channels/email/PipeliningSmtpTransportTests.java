package vn.loa.channels.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import vn.loa.channels.email.BulletinTransport.Outgoing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulletins over SMTP with command pipelining: against a server that offers it and holds
 * back every reply until it has read {@code DATA} (a client that waited for the reply to
 * {@code MAIL} would wait for ever: its read times out after 2 s), and against one that
 * does not offer it and checks that each command came alone.
 */
class PipeliningSmtpTransportTests {

	@Test
	void sendsMailRcptAndDataTogetherWhenTheServerOffersPipelining() throws Exception {
		try (ScriptedServer server = new ScriptedServer(true)) {
			List<SendResult> results = transport(server).send(messages("an@xa.vn", "binh@xa.vn", "chi@xa.vn"));

			assertThat(results).extracting(SendResult::outcome).containsOnly(SendResult.Outcome.SENT);
			assertThat(results).extracting(SendResult::reply).allSatisfy((reply) -> assertThat(reply).contains("250"));
			assertThat(server.delivered).containsExactly("an@xa.vn", "binh@xa.vn", "chi@xa.vn");
			assertThat(server.problems).isEmpty();
		}
	}

	@Test
	void aRefusedRecipientFailsForGoodWithItsOwnReplyAndTheConnectionGoesOn() throws Exception {
		try (ScriptedServer server = new ScriptedServer(true)) {
			List<SendResult> results = transport(server)
				.send(messages("an@xa.vn", "tuchoi@xa.vn", "tam@xa.vn", "chi@xa.vn"));

			assertThat(results).extracting(SendResult::outcome)
				.containsExactly(SendResult.Outcome.SENT, SendResult.Outcome.PERMANENT_FAILURE,
						SendResult.Outcome.TEMPORARY_FAILURE, SendResult.Outcome.SENT);
			assertThat(results.get(1).reply()).startsWith("550 5.1.1");
			assertThat(results.get(2).reply()).startsWith("452 4.2.2");
			assertThat(server.delivered).containsExactly("an@xa.vn", "chi@xa.vn");
			assertThat(server.connections).isEqualTo(1);
			assertThat(server.resets).as("each refused transaction reset").isEqualTo(2);
			assertThat(server.problems).isEmpty();
		}
	}

	@Test
	void aServerThatDoesNotOfferPipeliningGetsOneCommandAtATime() throws Exception {
		try (ScriptedServer server = new ScriptedServer(false)) {
			List<SendResult> results = transport(server).send(messages("an@xa.vn", "tuchoi@xa.vn", "binh@xa.vn"));

			assertThat(results).extracting(SendResult::outcome)
				.containsExactly(SendResult.Outcome.SENT, SendResult.Outcome.PERMANENT_FAILURE,
						SendResult.Outcome.SENT);
			assertThat(server.delivered).containsExactly("an@xa.vn", "binh@xa.vn");
			assertThat(server.problems).isEmpty();
		}
	}

	private static SmtpBulletinTransport transport(ScriptedServer server) {
		return new SmtpBulletinTransport("smtp", "127.0.0.1", server.port(), null, null,
				Map.of("mail.smtp.timeout", "2000"));
	}

	private static List<Outgoing> messages(String... recipients) throws Exception {
		SmtpBulletinTransport composer = new SmtpBulletinTransport("smtp", "127.0.0.1", 25, null, null, Map.of());
		List<Outgoing> messages = new ArrayList<>();
		long id = 1;
		for (String recipient : recipients) {
			MimeMessage message = new MimeMessage(composer.session());
			message.setFrom(new InternetAddress("loa@tinh.vn"));
			message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
			message.setSubject("Bản tin " + id, "UTF-8");
			message.setText("Kỷ niệm 80 năm Ngày Quốc khánh.", "UTF-8");
			message.saveChanges();
			messages.add(new Outgoing(id++, message));
		}
		return messages;
	}

	/**
	 * One connection at a time. With pipelining offered it reads the whole group (up to
	 * {@code DATA}) before answering any of it; without, it checks after each command
	 * that nothing more has come before it answers. Refuses {@code tuchoi@} with 550 and
	 * {@code tam@} with 452, and {@code DATA} when no recipient was accepted.
	 */
	private static final class ScriptedServer implements AutoCloseable {

		final List<String> delivered = new CopyOnWriteArrayList<>();

		final List<String> problems = new CopyOnWriteArrayList<>();

		volatile int connections;

		volatile int resets;

		private final ServerSocket socket;

		private final boolean pipelining;

		ScriptedServer(boolean pipelining) throws IOException {
			this.pipelining = pipelining;
			this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
			Thread thread = new Thread(this::serve, "scripted-smtp");
			thread.setDaemon(true);
			thread.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		private void serve() {
			while (!this.socket.isClosed()) {
				try (Socket client = this.socket.accept()) {
					this.connections++;
					converse(client);
				}
				catch (IOException ex) {
					// Closed.
				}
			}
		}

		private void converse(Socket client) throws IOException {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
			OutputStream out = client.getOutputStream();
			send(out, "220 scripted ESMTP");
			List<String> held = new ArrayList<>();
			String recipient = null;
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				String command = line.toUpperCase(Locale.ROOT);
				String reply;
				if (command.startsWith("EHLO")) {
					reply = this.pipelining ? "250-scripted\r\n250 PIPELINING" : "250 scripted";
				}
				else if (command.startsWith("MAIL FROM:")) {
					recipient = null;
					reply = "250 2.1.0 ok";
				}
				else if (command.startsWith("RCPT TO:")) {
					String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
					boolean refused = address.startsWith("tuchoi@") || address.startsWith("tam@");
					recipient = refused ? null : address;
					reply = address.startsWith("tuchoi@") ? "550 5.1.1 no such mailbox"
							: address.startsWith("tam@") ? "452 4.2.2 mailbox full" : "250 2.1.5 ok";
				}
				else if (command.equals("DATA")) {
					reply = (recipient != null) ? "354 go ahead" : "554 5.5.1 no valid recipients";
				}
				else if (command.equals("RSET")) {
					this.resets++;
					recipient = null;
					reply = "250 2.0.0 reset";
				}
				else if (command.equals("QUIT")) {
					send(out, "221 bye");
					return;
				}
				else {
					reply = "250 ok";
				}
				if (!this.pipelining) {
					sleepBriefly();
					if (in.ready()) {
						this.problems.add("more came after " + line + " before its reply");
					}
					send(out, reply);
				}
				else {
					held.add(reply);
					if (!command.startsWith("MAIL FROM:") && !command.startsWith("RCPT TO:")) {
						send(out, String.join("\r\n", held));
						held.clear();
					}
				}
				if (reply.startsWith("354")) {
					for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
						// The message itself is of no interest here.
					}
					this.delivered.add(recipient);
					send(out, "250 2.0.0 queued");
				}
			}
		}

		private static void sleepBriefly() {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private static void send(OutputStream out, String reply) throws IOException {
			out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
