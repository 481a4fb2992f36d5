package vn.loa.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.loa.LoaApplication;
import vn.loa.channels.email.BulletinBenchmarkAccess;
import vn.loa.content.ContentActor;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentWorkflow;
import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.Subscribers;

/**
 * One bulletin to {@code --subscribers} readers (20,000) into Postfix's {@code smtp-sink}
 * on loopback, next to Postfix's {@code smtp-source} writing as many messages of the same
 * size over as many connections into a fresh sink of its own. Loa runs in this JVM on a
 * fresh H2 file with {@code loa.email.connections} set to {@code --connections}; it is
 * timed from the item's due second until the sink has counted every message and every
 * delivery is recorded sent, after a first bulletin to every reader that is not timed
 * (the JIT compiler's warm-up). Checks in the same run that the sink counted exactly one
 * message per reader and that Loa recorded exactly one sent delivery per reader.
 */
public final class EmailBenchmark {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final Pattern MESSAGES = Pattern.compile("mesg=(\\d+)");

	private EmailBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int readers = BenchOptions.intOption(args, "subscribers", 20_000, 1, 1_000_000);
		int connections = BenchOptions.intOption(args, "connections", 4, 1, 64);
		Duration timeout = Duration.ofSeconds(BenchOptions.intOption(args, "timeout", 300, 10, 3600));
		Path tools = tools();
		Path dir = Files.createTempDirectory("loa-email-bench-");
		List<String> problems = new ArrayList<>();
		try {
			double loaSeconds;
			int size;
			long loaCounted;
			long recorded;
			try (Sink sink = Sink.start(tools, dir.resolve("sink-loa.out"));
					ConfigurableApplicationContext loa = start(dir, sink.port(), connections)) {
				long added = subscribe(loa, readers);
				check(problems, "subscribers added: " + added, added == readers);
				JdbcTemplate jdbc = loa.getBean(JdbcTemplate.class);
				// A bulletin to every reader first, not timed: Loa is a long-running
				// server, and a JVM fresh from start spends a quarter of the two cores
				// compiling the sending code during the first twenty thousand messages.
				Instant warmUp = schedule(loa, "ban-tin-lam-nong", "Bản tin làm nóng").dueAt();
				Thread.sleep(Math.max(0, Duration.between(Instant.now(), warmUp).toMillis()));
				long warmDeadline = System.nanoTime() + timeout.toNanos();
				while ((sink.messages() < readers || sent(jdbc) < readers) && System.nanoTime() < warmDeadline) {
					Thread.sleep(20);
				}
				check(problems, "warm-up bulletin: sink counted " + sink.messages(), sink.messages() == readers);
				ContentItem item = schedule(loa, "ban-tin-quoc-khanh", "Bản tin kỷ niệm 80 năm Quốc khánh");
				Instant due = item.dueAt();
				Subscriber first = loa.getBean(Subscribers.class).list(null, null).get(0);
				size = BulletinBenchmarkAccess.size(loa, item, first);
				Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()));
				long origin = System.nanoTime();
				long deadline = origin + timeout.toNanos();
				while (sink.messages() < 2L * readers || sent(jdbc) < 2L * readers) {
					if (System.nanoTime() > deadline) {
						problems.add("Loa did not send " + readers + " within " + timeout.toSeconds() + " s");
						break;
					}
					Thread.sleep(20);
				}
				loaSeconds = (System.nanoTime() - origin) / 1e9;
				Thread.sleep(1000);
				loaCounted = sink.messages() - readers;
				recorded = jdbc.queryForObject("SELECT COUNT(DISTINCT subscriber_id) FROM bulletin_delivery "
						+ "WHERE item_id = 'ban-tin-quoc-khanh' AND status = 'SENT'", Long.class);
				long rows = jdbc.queryForObject(
						"SELECT COUNT(*) FROM bulletin_delivery WHERE item_id = 'ban-tin-quoc-khanh'", Long.class);
				check(problems, "sink counted " + loaCounted + " messages from Loa", loaCounted == readers);
				check(problems, "Loa recorded " + recorded + " readers sent, in " + rows + " rows",
						recorded == readers && rows == readers);
			}
			double referenceSeconds;
			long referenceCounted;
			try (Sink sink = Sink.start(tools, dir.resolve("sink-reference.out"))) {
				long origin = System.nanoTime();
				source(tools, sink.port(), connections, size, readers);
				long deadline = System.nanoTime() + timeout.toNanos();
				while (sink.messages() < readers && System.nanoTime() < deadline) {
					Thread.sleep(20);
				}
				referenceSeconds = (System.nanoTime() - origin) / 1e9;
				Thread.sleep(1000);
				referenceCounted = sink.messages();
				check(problems, "sink counted " + referenceCounted + " messages from smtp-source",
						referenceCounted == readers);
			}
			System.out.printf(Locale.ROOT, "%-22s %11s %9s %11s %11s %9s%n", "sender", "connections", "messages",
					"bytes each", "seconds", "msg/s");
			System.out.printf(Locale.ROOT, "%-22s %11d %9d %11d %11.2f %9.0f%n", "Loa", connections, loaCounted, size,
					loaSeconds, readers / loaSeconds);
			System.out.printf(Locale.ROOT, "%-22s %11d %9d %11d %11.2f %9.0f%n", "smtp-source (Postfix)", connections,
					referenceCounted, size, referenceSeconds, readers / referenceSeconds);
			problems.forEach((problem) -> System.out.println("WRONG: " + problem));
			System.out.println(problems.isEmpty()
					? "checks: exactly one message per reader at the sink, one sent delivery per reader in Loa"
					: "checks: " + problems.size() + " failed");
			System.out.printf(Locale.ROOT, "RATIO email-vs-smtp-source %.2f goal >= 0.5%n",
					referenceSeconds / loaSeconds);
			if (!problems.isEmpty()) {
				System.exit(1);
			}
		}
		finally {
			Bench.delete(dir);
		}
	}

	/** About 3 kB of text, so that the bulletin (text and HTML) is about 8 kB. */
	private static String body() {
		StringBuilder body = new StringBuilder();
		for (int i = 1; i <= 8; i++) {
			body.append("Hoạt động ")
				.append(i)
				.append(": Đề nghị bà con các xã, phường treo cờ Tổ quốc từ 6 giờ sáng, tham gia các hoạt động ")
				.append("văn hóa, thể thao chào mừng kỷ niệm **80 năm** Ngày Quốc khánh 2/9.\n\n");
		}
		return body.toString();
	}

	/** An e-mail item for every reader, due three seconds from now. */
	private static ContentItem schedule(ConfigurableApplicationContext loa, String id, String title) {
		Instant due = loa.getBean(Clock.class).instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
		return loa.getBean(ContentWorkflow.class)
			.create(new ContentDraft(id, title, "Các hoạt động kỷ niệm trong tỉnh.", body(), null, List.of("email"),
					LOCAL.format(due.atZone(loa.getBean(ZoneId.class))), Map.of(), null, null), ContentActor.API);
	}

	private static long subscribe(ConfigurableApplicationContext loa, int readers) {
		List<Subscribers.NewSubscriber> rows = new ArrayList<>(readers);
		for (int i = 0; i < readers; i++) {
			rows.add(new Subscribers.NewSubscriber(i + 2, "ban-doc-" + i + "@example.vn", "Bạn đọc " + i, "confirmed"));
		}
		return loa.getBean(Subscribers.class).importAll(rows, 0, "bench").added();
	}

	private static long sent(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM bulletin_delivery WHERE status = 'SENT'", Long.class);
	}

	private static ConfigurableApplicationContext start(Path dir, int smtpPort, int connections) throws IOException {
		Files.createDirectories(dir.resolve("content"));
		Files.createDirectories(dir.resolve("calendar"));
		return new SpringApplicationBuilder(LoaApplication.class).run("--loa.data-dir=" + dir,
				"--loa.content-dir=" + dir.resolve("content"), "--loa.calendar-dir=" + dir.resolve("calendar"),
				"--spring.datasource.url=jdbc:h2:file:" + dir.resolve("loa"), "--server.port=0",
				"--server.address=127.0.0.1", "--loa.api.token=bench", "--loa.publishing.sweep-interval=PT1H",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.org.flywaydb=ERROR",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
				"--loa.email.connections=" + connections);
	}

	/** Postfix's smtp-source: {@code count} messages of {@code size} bytes. */
	private static void source(Path tools, int port, int connections, int size, int count) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(tools.resolve("usr/sbin/smtp-source").toString(), "-s",
				Integer.toString(connections), "-l", Integer.toString(size), "-m", Integer.toString(count), "-f",
				"loa@example.vn", "-t", "ban-doc@example.vn", "127.0.0.1:" + port)
			.redirectErrorStream(true);
		builder.environment().put("LD_LIBRARY_PATH", tools.resolve("usr/lib/postfix").toString());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("smtp-source failed:\n" + output);
		}
	}

	/** nginx, wrk and postfix from Debian, unpacked by {@code bench/tools}. */
	private static Path tools() throws Exception {
		Process process = new ProcessBuilder("bench/tools").redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String dir = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		if (process.waitFor() != 0 || dir.isEmpty()) {
			throw new IllegalStateException("bench/tools could not unpack postfix");
		}
		return Path.of(dir);
	}

	private static void check(List<String> problems, String what, boolean holds) {
		if (!holds) {
			problems.add(what);
		}
	}

	/**
	 * Postfix's smtp-sink on a loopback port, counting what it accepts ({@code -c}); run
	 * as {@code nobody} when this JVM is root, as it asks.
	 */
	private record Sink(Process process, int port, Path output) implements AutoCloseable {

		static Sink start(Path tools, Path output) throws Exception {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			List<String> command = new ArrayList<>(List.of(tools.resolve("usr/sbin/smtp-sink").toString(), "-c"));
			if ("root".equals(System.getProperty("user.name"))) {
				command.addAll(List.of("-u", "nobody"));
			}
			command.addAll(List.of("127.0.0.1:" + port, "1024"));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile());
			builder.environment().put("LD_LIBRARY_PATH", tools.resolve("usr/lib/postfix").toString());
			Process process = builder.start();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (System.nanoTime() < deadline) {
				try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
					return new Sink(process, port, output);
				}
				catch (IOException ex) {
					if (!process.isAlive()) {
						throw new IllegalStateException("smtp-sink stopped: " + Files.readString(output));
					}
					Thread.sleep(50);
				}
			}
			process.destroyForcibly();
			throw new IllegalStateException("smtp-sink did not listen within 10 s");
		}

		/** The messages counted so far: the last {@code mesg=} of its counter line. */
		long messages() throws IOException {
			String tail;
			try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(this.output.toFile(), "r")) {
				long length = file.length();
				byte[] bytes = new byte[(int) Math.min(length, 512)];
				file.seek(length - bytes.length);
				file.readFully(bytes);
				tail = new String(bytes, StandardCharsets.ISO_8859_1);
			}
			Matcher matcher = MESSAGES.matcher(tail);
			long last = 0;
			while (matcher.find()) {
				last = Long.parseLong(matcher.group(1));
			}
			return last;
		}

		@Override
		public void close() throws InterruptedException {
			this.process.destroy();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}

	}

}
