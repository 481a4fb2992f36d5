package vn.loa.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Building and writing one bulletin-shaped message (Vietnamese subject, text and HTML
 * parts in UTF-8), with Jakarta Mail finding its stream provider through ServiceLoader on
 * every part (the reference: the library's default) and with Angus Mail's provider named
 * in the {@code jakarta.mail.util.StreamProvider} system property, as Loa's
 * {@code EmailConfiguration} names it. The two are timed in alternating rounds in one
 * JVM, so both see the same machine; messages are written to memory, not disk.
 * <p>
 * {@code bench/run mime [--messages 2000] [--rounds 5]}
 */
public final class MimeWriteBenchmark {

	private static final String PROPERTY = "jakarta.mail.util.StreamProvider";

	private static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

	private static final String PARAGRAPH = "Kính thưa bà con, nhân dịp kỷ niệm 80 năm Ngày Quốc khánh nước Cộng hòa xã hội "
			+ "chủ nghĩa Việt Nam (02/9/1945 - 02/9/2025), Ủy ban nhân dân xã kính đề nghị các hộ gia đình treo cờ Tổ "
			+ "quốc từ ngày 01/9 đến hết ngày 03/9/2025. ";

	private MimeWriteBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int messages = BenchOptions.intOption(args, "messages", 2000, 1, 100_000);
		int rounds = BenchOptions.intOption(args, "rounds", 5, 1, 50);
		Session session = Session.getInstance(new Properties());
		String text = PARAGRAPH.repeat(12);
		String html = "<p>" + PARAGRAPH.repeat(12) + "</p><p><a href=\"https://loa.example.vn/p/x\">Xem</a></p>";
		System.out.printf(
				"Bulletin-shaped messages (%d B text, %d B HTML, UTF-8), built and written to memory; "
						+ "%d messages a round, %d rounds of each, alternating.%n",
				text.getBytes(StandardCharsets.UTF_8).length, html.getBytes(StandardCharsets.UTF_8).length, messages,
				rounds);
		// Warm-up of both, not counted.
		run(session, text, html, Math.min(messages, 500), null);
		run(session, text, html, Math.min(messages, 500), ANGUS);
		List<Double> lookup = new ArrayList<>();
		List<Double> named = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			lookup.add(run(session, text, html, messages, null));
			named.add(run(session, text, html, messages, ANGUS));
		}
		double reference = median(lookup);
		double loa = median(named);
		System.out.printf("%-46s %10s%n", "run", "msg/s (median)");
		System.out.printf("%-46s %10.0f   rounds %s%n", "ServiceLoader on every part (reference)", reference,
				format(lookup));
		System.out.printf("%-46s %10.0f   rounds %s%n", "provider named in the property (Loa)", loa, format(named));
		System.out.printf("ratio: %.2fx the reference%n", loa / reference);
	}

	/** Messages per second for one round; {@code provider} null clears the property. */
	private static double run(Session session, String text, String html, int messages, String provider)
			throws Exception {
		if (provider == null) {
			System.clearProperty(PROPERTY);
		}
		else {
			System.setProperty(PROPERTY, provider);
		}
		long start = System.nanoTime();
		long bytes = 0;
		for (int i = 0; i < messages; i++) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
			write(session, i, text, html, out);
			bytes += out.size();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		if (bytes == 0) {
			throw new IllegalStateException("nothing written");
		}
		return messages / seconds;
	}

	private static void write(Session session, int i, String text, String html, OutputStream out) throws Exception {
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("loa@example.vn", "Loa — Thông tin tuyên truyền", "UTF-8"));
		message.setRecipient(Message.RecipientType.TO,
				new InternetAddress("nguoi" + i + "@example.vn", "Nguyễn Văn " + i, "UTF-8"));
		message.setSubject("Kỷ niệm 80 năm Ngày Quốc khánh (02/9/1945 - 02/9/2025)", "UTF-8");
		MimeMultipart alternative = new MimeMultipart("alternative");
		MimeBodyPart plain = new MimeBodyPart();
		plain.setText(text, "UTF-8", "plain");
		MimeBodyPart rich = new MimeBodyPart();
		rich.setText(html, "UTF-8", "html");
		alternative.addBodyPart(plain);
		alternative.addBodyPart(rich);
		message.setContent(alternative);
		message.saveChanges();
		message.writeTo(out);
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static String format(List<Double> values) {
		return values.stream().map((v) -> String.format("%.0f", v)).toList().toString();
	}

}
