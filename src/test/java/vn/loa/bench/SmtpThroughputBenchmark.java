package vn.loa.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import vn.loa.channels.email.SmtpBenchmarkAccess;

/**
 * How many bulletins one reused SMTP connection carries a second, with Loa's
 * {@code TCP_NODELAY} sockets against Angus Mail's default socket (the reference), to an
 * SMTP server on the loopback interface. Run with {@code bench/run smtp}; options
 * {@code --messages N} (default 500, at most 20000), {@code --time-limit S} per run
 * (default 60) and {@code --sink loopback|greenmail}.
 */
public final class SmtpThroughputBenchmark {

	private static final int WARM_UP = 200;

	private SmtpThroughputBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int messages = BenchOptions.intOption(args, "messages", 500, 1, 20_000);
		long limitNanos = BenchOptions.intOption(args, "time-limit", 60, 1, 600) * 1_000_000_000L;
		String sinkKind = BenchOptions.option(args, "sink", "loopback");
		try (Sink sink = Sink.start(sinkKind)) {
			SmtpBenchmarkAccess loa = SmtpBenchmarkAccess.loaTransport(sink.host(), sink.port());
			Session nodelay = loa.session();
			Session angusDefault = loa.angusDefaultSession();
			int size = compose(nodelay, 0).length;
			System.out.printf(Locale.ROOT,
					"SMTP throughput on one reused connection: %d messages of %.1f kB each to %s at %s:%d%n", messages,
					size / 1000.0, sink.name(), sink.host(), sink.port());

			// Warm up both paths (JIT, class loading); not counted.
			sendOverOneConnection(nodelay, sink, messages(nodelay, WARM_UP), limitNanos);
			sendOverOneConnection(angusDefault, sink, messages(angusDefault, 5), limitNanos);

			Result withNoDelay = sendOverOneConnection(nodelay, sink, messages(nodelay, messages), limitNanos);
			Result throughLoa = sendThroughLoa(loa, messages(nodelay, messages));
			Result reference = sendOverOneConnection(angusDefault, sink, messages(angusDefault, messages), limitNanos);

			print("nodelay  (Loa's session, NoDelaySocketFactory)", withNoDelay, "");
			print("nodelay  (Loa's SmtpBulletinTransport.send)", throughLoa, "");
			print("default  (same session, Angus Mail's own socket)", reference, "  <- reference");
			System.out.printf(Locale.ROOT, "nodelay %.0f msg/s vs default %.0f msg/s: %.0fx%n", withNoDelay.rate(),
					reference.rate(), withNoDelay.rate() / reference.rate());
			System.out.printf(Locale.ROOT, "Loa's transport %.0f msg/s vs default %.0f msg/s: %.0fx%n",
					throughLoa.rate(), reference.rate(), throughLoa.rate() / reference.rate());
		}
	}

	/** Connect once, send each message, close: the timed part. */
	private static Result sendOverOneConnection(Session session, Sink sink, List<MimeMessage> messages, long limitNanos)
			throws MessagingException {
		long before = sink.accepted();
		long start = System.nanoTime();
		int sent = 0;
		try (Transport transport = session.getTransport("smtp")) {
			transport.connect(sink.host(), sink.port(), null, null);
			for (MimeMessage message : messages) {
				transport.sendMessage(message, message.getAllRecipients());
				sent++;
				if (System.nanoTime() - start > limitNanos) {
					break;
				}
			}
		}
		long nanos = System.nanoTime() - start;
		if (sink.accepted() - before != sent) {
			throw new IllegalStateException("the sink accepted " + (sink.accepted() - before) + " of " + sent);
		}
		return new Result(sent, messages.size(), nanos);
	}

	private static Result sendThroughLoa(SmtpBenchmarkAccess loa, List<MimeMessage> messages) {
		long start = System.nanoTime();
		long sent = loa.send(messages);
		return new Result(sent, messages.size(), System.nanoTime() - start);
	}

	private static void print(String label, Result result, String note) {
		String count = (result.sent() < result.planned()) ? result.sent() + " of " + result.planned() + " (time limit)"
				: String.valueOf(result.sent());
		System.out.printf(Locale.ROOT, "  %-50s %7s msg in %7.2f s %8.0f msg/s%s%n", label, count, result.nanos() / 1e9,
				result.rate(), note);
	}

	/** Messages composed before timing starts, each to its own recipient. */
	private static List<MimeMessage> messages(Session session, int count) throws MessagingException {
		List<MimeMessage> messages = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			messages.add(message(session, i));
		}
		return messages;
	}

	/**
	 * A message shaped like a bulletin: UTF-8 subject, text and HTML alternatives of a
	 * few kilobytes of Vietnamese.
	 */
	private static MimeMessage message(Session session, int i) throws MessagingException {
		String paragraph = "Ngày mai, 02/9/2025, cả nước kỷ niệm 80 năm Ngày Quốc khánh nước CHXHCN Việt Nam. "
				+ "Đề nghị bà con treo cờ Tổ quốc và tham gia các hoạt động chào mừng tại địa phương. ";
		String text = paragraph.repeat(12);
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("loa@localhost"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("ban-doc-" + i + "@example.vn"));
		message.setSubject("Chuẩn bị kỷ niệm 80 năm Ngày Quốc khánh (" + i + ")", StandardCharsets.UTF_8.name());
		message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		MimeMultipart alternative = new MimeMultipart("alternative");
		MimeBodyPart plain = new MimeBodyPart();
		plain.setText(text, StandardCharsets.UTF_8.name(), "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText("<html><body><p>" + text + "</p></body></html>", StandardCharsets.UTF_8.name(), "html");
		alternative.addBodyPart(plain);
		alternative.addBodyPart(html);
		message.setContent(alternative);
		message.saveChanges();
		return message;
	}

	private static byte[] compose(Session session, int i) throws MessagingException, IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		message(session, i).writeTo(bytes);
		return bytes.toByteArray();
	}

	private record Result(long sent, int planned, long nanos) {

		double rate() {
			return this.sent / (this.nanos / 1e9);
		}

	}

	/** The server the messages go to: the loopback sink, or GreenMail. */
	private interface Sink extends AutoCloseable {

		String name();

		String host();

		int port();

		long accepted();

		@Override
		void close() throws IOException;

		static Sink start(String kind) throws IOException {
			if (kind.equals("greenmail")) {
				GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
				greenMail.start();
				return new Sink() {

					public String name() {
						return "GreenMail";
					}

					public String host() {
						return "127.0.0.1";
					}

					public int port() {
						return greenMail.getSmtp().getPort();
					}

					public long accepted() {
						return greenMail.getReceivedMessages().length;
					}

					public void close() {
						greenMail.stop();
					}

				};
			}
			if (!kind.equals("loopback")) {
				throw new IllegalArgumentException("--sink is loopback or greenmail, not " + kind);
			}
			LoopbackSmtpSink sink = new LoopbackSmtpSink();
			return new Sink() {

				public String name() {
					return "a loopback sink";
				}

				public String host() {
					return sink.host();
				}

				public int port() {
					return sink.port();
				}

				public long accepted() {
					return sink.accepted();
				}

				public void close() throws IOException {
					sink.close();
				}

			};
		}

	}

}
