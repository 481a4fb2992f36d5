package vn.loa.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import vn.loa.database.LoaProcess;

/**
 * The fault suite: the real Loa in a process of its own, against an SMTP server that
 * misbehaves on purpose ({@link FaultySmtpSink}), killed with SIGKILL at random points,
 * stopped across due times. One row per scenario (sent, unique, duplicates, lost), then
 * one {@code RATIO} line per goal. A reduced version of each runs in {@code ./mvnw
 * verify} ({@code BulletinCrashIntegrationTests},
 * {@code EmbeddedDatabaseIntegrationTests}).
 */
public final class FaultSuite {

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final List<String> rows = new ArrayList<>();

	private final List<String> ratios = new ArrayList<>();

	private final Path root;

	private FaultSuite(Path root) {
		this.root = root;
	}

	public static void main(String[] args) throws Exception {
		int recipients = BenchOptions.intOption(args, "recipients", 2000, 10, 100_000);
		int kills = BenchOptions.intOption(args, "kills", 20, 1, 200);
		int rounds = BenchOptions.intOption(args, "rounds", 5, 1, 100);
		String only = BenchOptions.option(args, "scenario", "all");
		FaultSuite suite = new FaultSuite(Files.createTempDirectory("loa-faults"));
		if (only.equals("all") || only.equals("kill-bulletin")) {
			suite.killDuringBulletin(recipients, kills);
		}
		if (only.equals("all") || only.equals("smtp")) {
			suite.smtpFaults();
		}
		if (only.equals("all") || only.equals("downtime")) {
			suite.downtime();
		}
		if (only.equals("all") || only.equals("ack-kill")) {
			suite.acknowledgedThenKilled(rounds);
		}
		System.out.printf("%-16s %8s %8s %10s %6s  %s%n", "scenario", "sent", "unique", "duplicates", "lost", "note");
		suite.rows.forEach(System.out::println);
		suite.ratios.forEach(System.out::println);
	}

	/** kill -9 at random points of one bulletin to many readers; restart each time. */
	private void killDuringBulletin(int recipients, int kills) throws Exception {
		Path data = this.root.resolve("kill-bulletin");
		try (FaultySmtpSink smtp = new FaultySmtpSink()) {
			// One connection: a kill then costs at most the one message in flight.
			String[] mail = mail(smtp, "--loa.email.lease=5s", "--loa.email.connections=1");
			try (LoaProcess loa = LoaProcess.start(data, mail)) {
				for (int i = 0; i < recipients; i++) {
					subscriber(loa, "ban-doc-" + i + "@example.vn", "confirmed");
				}
				content(loa, "ban-tin", WHEN.format(LocalDateTime.now(ZONE).minusMinutes(1)));
				loa.kill();
			}
			TreeSet<Integer> points = new TreeSet<>();
			Random random = new Random(2025_09_02);
			while (points.size() < Math.min(kills, recipients - 1)) {
				points.add(1 + random.nextInt(recipients - 1));
			}
			int done = 0;
			for (int point : points) {
				try (LoaProcess loa = LoaProcess.start(data, mail)) {
					await(Duration.ofMinutes(5), () -> smtp.total() >= point);
					loa.kill();
					done++;
				}
			}
			try (LoaProcess loa = LoaProcess.start(data, mail)) {
				await(Duration.ofMinutes(10), () -> count(data, "SELECT COUNT(*) FROM bulletin_delivery "
						+ "WHERE status IN ('SENT', 'FAILED', 'CANCELLED')") == recipients);
			}
			Map<String, Integer> accepted = smtp.accepted();
			int duplicates = accepted.values().stream().mapToInt((n) -> n - 1).sum();
			int lost = recipients - accepted.size();
			row("kill-bulletin", smtp.total(), accepted.size(), duplicates, lost,
					done + " kills, " + recipients + " readers, 1 connection");
			this.ratios.add("RATIO kill-bulletin-lost " + lost + " goal == 0");
			this.ratios
				.add("RATIO kill-bulletin-duplicates-per-kill %.2f goal <= 1".formatted((double) duplicates / done));
		}
	}

	/** 4xx, 5xx, a connection dropped after DATA and one that never answers. */
	private void smtpFaults() throws Exception {
		Path data = this.root.resolve("smtp");
		try (FaultySmtpSink smtp = new FaultySmtpSink()) {
			String[] mail = mail(smtp, "--loa.email.retry-initial=1s", "--loa.email.batch-size=10",
					"--spring.mail.properties.mail.smtp.timeout=3000");
			try (LoaProcess loa = LoaProcess.start(data, mail)) {
				int deliverable = 0;
				for (String kind : List.of("ok", "tam", "rot", "treo")) {
					for (int i = 0; i < 5; i++) {
						subscriber(loa, kind + "-" + i + "@example.vn", "confirmed");
						deliverable++;
					}
				}
				for (int i = 0; i < 5; i++) {
					subscriber(loa, "tuchoi-" + i + "@example.vn", "confirmed");
				}
				content(loa, "ban-tin-loi", WHEN.format(LocalDateTime.now(ZONE).minusMinutes(1)));
				await(Duration.ofSeconds(60), () -> smtp.total() > 0);
				Instant signUp = Instant.now();
				signUp(loa, "xacnhan@example.vn");
				await(Duration.ofSeconds(60), () -> smtp.accepted().containsKey("xacnhan@example.vn"));
				Duration confirmation = Duration.between(signUp, Instant.now());
				await(Duration.ofMinutes(3), () -> count(data,
						"SELECT COUNT(*) FROM bulletin_delivery " + "WHERE status IN ('SENT', 'FAILED')") == 25);
				Map<String, Integer> accepted = smtp.accepted();
				accepted.remove("xacnhan@example.vn");
				int duplicates = accepted.values().stream().mapToInt((n) -> n - 1).sum();
				int lost = deliverable - accepted.size();
				int failed = count(data, "SELECT COUNT(*) FROM bulletin_delivery WHERE status = 'FAILED'");
				row("smtp-faults", accepted.values().stream().mapToInt(Integer::intValue).sum(), accepted.size(),
						duplicates, lost,
						"4xx, drop after DATA, no answer retried; " + failed
								+ " refused with 5xx (expected 5); confirmation mail after " + confirmation.toMillis()
								+ " ms");
				this.ratios.add("RATIO smtp-faults-lost " + lost + " goal == 0");
				this.ratios.add("RATIO smtp-faults-duplicates " + duplicates + " goal == 0");
				this.ratios.add("RATIO smtp-faults-refused-5xx " + failed + " goal == 5");
				this.ratios.add("RATIO confirmation-seconds-beside-failing-bulletin %.1f goal <= 5"
					.formatted(confirmation.toMillis() / 1000.0));
			}
		}
	}

	/**
	 * Loa stopped across two due times: a fresh item goes out late, a stale one is
	 * missed.
	 */
	private void downtime() throws Exception {
		Path data = this.root.resolve("downtime");
		LocalDateTime due = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
		if (Duration.between(LocalDateTime.now(ZONE), due).toSeconds() < 20) {
			due = due.plusMinutes(1);
		}
		try (LoaProcess loa = LoaProcess.start(data)) {
			content(loa, "tre", WHEN.format(due));
			HttpResponse<String> stale = loa.post("/api/content",
					Map.of("id", "lo", "title", "Bài để lỡ", "body", "Nội dung.", "outlets", List.of("feed"), "when",
							WHEN.format(due), "staleAfter", Map.of("feed", "5s")));
			check(stale.statusCode() == 201, "creating 'lo': " + stale.body());
			loa.kill();
		}
		// Past loa.publishing.grace (1 minute), within which a late start still counts as
		// on time.
		Instant restart = due.atZone(ZONE).toInstant().plusSeconds(75);
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), restart).toMillis()));
		try (LoaProcess loa = LoaProcess.start(data)) {
			await(Duration.ofSeconds(60), () -> count(data, "SELECT COUNT(*) FROM publication") >= 3);
			String late = loa.get("/api/publications?outcome=late").body();
			String missed = loa.get("/api/publications?outcome=missed").body();
			boolean right = late.contains("\"tre\"") && missed.contains("\"lo\"") && !late.contains("\"lo\"");
			int feed = count(data, "SELECT COUNT(*) FROM feed_entry");
			row("downtime", feed, feed, 0, right ? 0 : 1, "fresh item late, stale item missed: " + right);
			this.ratios.add("RATIO downtime-wrong-outcomes " + (right ? 0 : 1) + " goal == 0");
		}
	}

	/** Acknowledged writes, then kill -9 at once; round after round. */
	private void acknowledgedThenKilled(int rounds) throws Exception {
		Path data = this.root.resolve("ack-kill");
		int acked = 0;
		for (int round = 0; round < rounds; round++) {
			try (LoaProcess loa = LoaProcess.start(data)) {
				for (int i = 0; i < 50; i++) {
					HttpResponse<String> created = loa.post("/api/content", Map.of("id", "vong-" + round + "-" + i,
							"title", "Bài " + i, "body", "Nội dung.", "outlets", List.of("feed"), "status", "draft"));
					check(created.statusCode() == 201, created.body());
					acked++;
				}
				loa.kill();
			}
		}
		int stored = count(data, "SELECT COUNT(*) FROM content_item");
		row("ack-kill", acked, stored, 0, acked - stored, rounds + " kills right after a 201");
		this.ratios.add("RATIO acknowledged-writes-lost " + (acked - stored) + " goal == 0");
	}

	private static String[] mail(FaultySmtpSink smtp, String... extra) {
		List<String> args = new ArrayList<>(
				List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port()));
		args.addAll(List.of(extra));
		return args.toArray(String[]::new);
	}

	private static void subscriber(LoaProcess loa, String email, String status) throws Exception {
		HttpResponse<String> response = loa.post("/api/subscribers",
				Map.of("email", email, "name", "Bạn đọc", "status", status));
		check(response.statusCode() == 201, email + ": " + response.body());
	}

	/** A resident signs up on the public form, which sends the confirmation mail. */
	private static void signUp(LoaProcess loa, String email) throws Exception {
		java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
			.cookieHandler(new java.net.CookieManager())
			.build();
		String form = http
			.send(java.net.http.HttpRequest.newBuilder(loa.uri("/subscribe")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(form);
		check(csrf.find(), "no CSRF field on /subscribe");
		HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(loa.uri("/subscribe"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString("email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)
						+ "&name=Ng%C6%B0%E1%BB%9Di+d%C3%A2n&_csrf=" + csrf.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		check(response.statusCode() < 400, "sign-up: " + response.statusCode());
	}

	private static void content(LoaProcess loa, String id, String when) throws Exception {
		HttpResponse<String> response = loa.post("/api/content", Map.of("id", id, "title", "Bản tin " + id, "body",
				"Nội dung **bản tin**.", "outlets", List.of("feed", "email"), "when", when));
		check(response.statusCode() == 201, id + ": " + response.body());
	}

	private static int count(Path data, String sql) {
		try {
			String password = Files.readString(data.resolve("db-password")).strip();
			try (Connection connection = DriverManager.getConnection(
					"jdbc:h2:file:" + data.toAbsolutePath().resolve("loa") + ";AUTO_SERVER=TRUE", "sa", password);
					ResultSet rows = connection.createStatement().executeQuery(sql)) {
				rows.next();
				return rows.getInt(1);
			}
		}
		catch (Exception ex) {
			return -1;
		}
	}

	private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("gave up after " + timeout);
			}
			Thread.sleep(5);
		}
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

	private void row(String scenario, int sent, int unique, int duplicates, int lost, String note) {
		this.rows.add("%-16s %8d %8d %10d %6d  %s".formatted(scenario, sent, unique, duplicates, lost, note));
	}

}
