package vn.loa.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.loa.LoaApplication;
import vn.loa.channels.radio.RadioStations;
import vn.loa.content.ContentActor;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentWorkflow;
import vn.loa.organisations.Audience;
import vn.loa.organisations.NewOrganisation;
import vn.loa.organisations.Organisation;
import vn.loa.organisations.OrganisationChange;
import vn.loa.organisations.OrganisationKind;
import vn.loa.organisations.Organisations;
import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;

/**
 * 02/9 at 06:00 in every commune of the country. The whole hierarchy (34 provinces and
 * 3,320 communes and wards from the shipped 2025 list, under one central body), a radio
 * station and {@code --subscribers S} (default 2) confirmed mailboxes in every commune;
 * one national item for all below and one own item per commune, all due at the same
 * second on feed, e-mail and radio. Timed from the due second until every publication is
 * recorded, every radio entry queued, every feed current (the last commune's feed, as a
 * reader fetches it, carries both its items) and every bulletin delivered to a loopback
 * SMTP sink; on H2 and on PostgreSQL (embedded, as the tests use), each a fresh Loa in
 * this JVM. The reference, in the same run: a Quartz scheduler on a RAMJobStore with
 * Loa's thread count firing as many no-op triggers due at one second. Checks: exact
 * counts everywhere, nothing twice (publications, feed entries per organisation, radio
 * entries per station, deliveries, and each (mailbox, subject) at the sink), every
 * organisation's feed over HTTP carrying what it should. Run with
 * {@code bench/run national [--database h2|postgresql|both] [--subscribers 2]}.
 */
public final class NationalBenchmark {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final String CENTRAL = "trung-uong";

	private static final String NATIONAL = "quoc-khanh-toan-quoc";

	private static final double GOAL_SECONDS = 2.0;

	private static final double GOAL_RATIO = 2.0;

	/** Loa's own Quartz thread count (application.yml). */
	private static final int QUARTZ_THREADS = 4;

	private NationalBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int perCommune = BenchOptions.intOption(args, "subscribers", 2, 0, 20);
		body = body(BenchOptions.intOption(args, "body-chars", 0, 0, 20_000));
		Duration timeout = Duration.ofSeconds(BenchOptions.intOption(args, "timeout", 300, 10, 1800));
		String database = BenchOptions.option(args, "database", "both");
		List<String> databases = database.equals("both") ? List.of("h2", "postgresql") : List.of(database);
		List<Run> runs = new ArrayList<>();
		for (String db : databases) {
			runs.add(run(db, perCommune, timeout));
		}
		report(runs);
	}

	/**
	 * The reference: as many no-op triggers as items, due at one second, fired by Quartz
	 * from memory; seconds from that second until the last has run (median of three).
	 */
	static double ramJobStore(int triggers) throws Exception {
		double[] times = new double[3];
		for (int round = 0; round < times.length; round++) {
			Properties properties = new Properties();
			properties.setProperty("org.quartz.scheduler.instanceName", "bench-ram-" + round);
			properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
			properties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(QUARTZ_THREADS));
			properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
			Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
			NoOp.latch = new CountDownLatch(triggers);
			JobDetail job = JobBuilder.newJob(NoOp.class).withIdentity("no-op").storeDurably().build();
			scheduler.addJob(job, false);
			long dueMillis = (System.currentTimeMillis() / 1000 + 2) * 1000;
			for (int i = 0; i < triggers; i++) {
				scheduler.scheduleJob(TriggerBuilder.newTrigger()
					.withIdentity("t-" + i)
					.forJob(job)
					.startAt(new Date(dueMillis))
					.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
					.build());
			}
			scheduler.start();
			Thread.sleep(Math.max(0, dueMillis - System.currentTimeMillis()));
			long origin = System.nanoTime();
			if (!NoOp.latch.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("RAMJobStore did not fire " + triggers + " triggers in 60 s");
			}
			times[round] = (NoOp.last.get() - origin) / 1e9;
			scheduler.shutdown(true);
		}
		Arrays.sort(times);
		return times[1];
	}

	/** A job that only says it ran. */
	public static final class NoOp implements Job {

		static volatile CountDownLatch latch = new CountDownLatch(0);

		static final AtomicLong last = new AtomicLong();

		@Override
		public void execute(JobExecutionContext context) {
			last.accumulateAndGet(System.nanoTime(), Math::max);
			latch.countDown();
		}

	}

	private static Run run(String database, int perCommune, Duration timeout) throws Exception {
		Path dir = Files.createTempDirectory("loa-bench-national");
		EmbeddedPostgres postgres = database.equals("postgresql") ? EmbeddedPostgres.builder().start() : null;
		try (LoopbackSmtpSink sink = new LoopbackSmtpSink().keepingRecipients();
				ConfigurableApplicationContext loa = start(dir, sink, postgres)) {
			Organisations organisations = loa.getBean(Organisations.class);
			long setupStart = System.nanoTime();
			organisations.importShipped(List.of(), "bench");
			organisations.create(new NewOrganisation(CENTRAL, "Ban Tuyên giáo Trung ương", "central", null), "bench");
			for (Organisation root : organisations.roots()) {
				if (root.kind() == OrganisationKind.PROVINCE) {
					organisations.update(root.id(), new OrganisationChange(null, null, CENTRAL, null, null), "bench");
				}
			}
			List<String> communes = organisations.descendants(CENTRAL)
				.stream()
				.filter((o) -> o.kind() != OrganisationKind.PROVINCE && o.kind() != OrganisationKind.CENTRAL)
				.map(Organisation::id)
				.toList();
			RadioStations stations = loa.getBean(RadioStations.class);
			Subscribers subscribers = loa.getBean(Subscribers.class);
			for (int c = 0; c < communes.size(); c++) {
				stations.create(new RadioStations.StationForm("dai-" + communes.get(c), "Đài " + communes.get(c),
						communes.get(c), "06:00/30, 17:00/30", null, true), "bench");
				for (int s = 0; s < perCommune; s++) {
					subscribers.add(communes.get(c), "cu-dan-" + c + "-" + s + "@example.vn", "Cư dân " + s,
							SubscriberStatus.CONFIRMED, "api");
				}
			}
			int reached = organisations.resolve(CENTRAL, Audience.ALL).size();
			Run run = new Run(database, communes.size() + 1, reached, communes.size(), perCommune);
			run.setup = (System.nanoTime() - setupStart) / 1e9;

			// Hold Quartz while the items are stored, so nothing fires before all are in;
			// the due second leaves room for storing them at the rate just measured.
			Scheduler scheduler = loa.getBean(Scheduler.class);
			scheduler.standby();
			ContentWorkflow workflow = loa.getBean(ContentWorkflow.class);
			Clock clock = loa.getBean(Clock.class);
			ZoneId zone = loa.getBean(ZoneId.class);
			long calibrate = System.nanoTime();
			String later = LOCAL.format(clock.instant().plus(Duration.ofDays(300)).atZone(zone));
			for (int i = 0; i < 20; i++) {
				create(workflow, "hieu-chinh-" + i, "Hiệu chỉnh " + i, communes.get(i), "own", later);
			}
			double perItem = (System.nanoTime() - calibrate) / 1e9 / 20;
			Instant due = clock.instant()
				.plusMillis((long) (2000 + perItem * 1000 * run.items * 1.5))
				.truncatedTo(ChronoUnit.SECONDS)
				.plusSeconds(1);
			String when = LOCAL.format(due.atZone(zone));
			long itemsStart = System.nanoTime();
			create(workflow, NATIONAL, "Kỷ niệm 80 năm Ngày Quốc khánh (02/9/1945 - 02/9/2025)", CENTRAL, "all", when);
			for (int c = 0; c < communes.size(); c++) {
				create(workflow, "xa-" + c, "Lịch treo cờ của xã " + c, communes.get(c), "own", when);
			}
			run.itemsSetup = (System.nanoTime() - itemsStart) / 1e9;
			scheduler.start();
			long wait = Duration.between(clock.instant(), due).toMillis();
			run.onTime = wait > 0;
			Thread.sleep(Math.max(0, wait));
			measure(run, loa, sink, communes.get(communes.size() - 1), timeout);
			check(run, loa, sink, communes);
			return run;
		}
		finally {
			if (postgres != null) {
				postgres.close();
			}
			Bench.delete(dir);
		}
	}

	private static final String SENTENCE = "Đề nghị bà con các xã, phường treo cờ Tổ quốc từ 6 giờ sáng ngày 02/9.";

	/**
	 * Each item's text (its radio script too): one sentence, or as many as fill
	 * {@code --body-chars}.
	 */
	private static String body = SENTENCE;

	private static String body(int chars) {
		StringBuilder text = new StringBuilder(SENTENCE);
		while (text.length() + SENTENCE.length() + 1 <= chars) {
			text.append(' ').append(SENTENCE);
		}
		return text.toString();
	}

	private static void create(ContentWorkflow workflow, String id, String title, String organisation, String audience,
			String when) {
		workflow.create(new ContentDraft(id, title, "Đề nghị bà con treo cờ Tổ quốc.", body, null,
				List.of("feed", "email", "radio"), when, Map.of(), organisation, "scheduled", List.of(audience)),
				ContentActor.API);
	}

	/**
	 * Polls the tables (and the last commune's feed) every 25 ms from the due second,
	 * with counts H2 and PostgreSQL answer from their statistics or an index, so that the
	 * watching does not take the cores it measures.
	 */
	private static void measure(Run run, ConfigurableApplicationContext loa, LoopbackSmtpSink sink, String lastCommune,
			Duration timeout) throws Exception {
		JdbcTemplate jdbc = loa.getBean(JdbcTemplate.class);
		HttpClient http = HttpClient.newHttpClient();
		URI feed = URI.create(baseUrl(loa) + "/o/" + lastCommune + "/feed.xml");
		String own = "xa-" + (run.communes - 1);
		long origin = System.nanoTime();
		long deadline = origin + timeout.toNanos();
		while (true) {
			long[] counts = jdbc.queryForObject(
					"SELECT (SELECT COUNT(*) FROM publication), "
							+ "(SELECT COUNT(*) FROM feed_entry), (SELECT COUNT(*) FROM radio_entry), "
							+ "(SELECT COUNT(*) FROM bulletin_delivery WHERE status = 'SENT'), "
							+ "(SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL)",
					(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
							rs.getLong(5) });
			long now = System.nanoTime();
			double at = (now - origin) / 1e9;
			run.last = counts;
			if (run.first == null && counts[0] > 0) {
				run.first = at;
			}
			if (run.published == null && counts[0] >= 3L * run.items) {
				run.published = at;
			}
			if (run.feedEntries == null && counts[1] >= run.expectedFeedEntries()) {
				run.feedEntries = at;
			}
			if (run.radio == null && counts[2] >= 2L * run.communes) {
				run.radio = at;
			}
			if (run.feedCurrent == null && run.feedEntries != null) {
				String body = http.send(HttpRequest.newBuilder(feed).build(), HttpResponse.BodyHandlers.ofString())
					.body();
				if (carries(body, NATIONAL) && carries(body, own)) {
					run.feedCurrent = (System.nanoTime() - origin) / 1e9;
				}
			}
			if (run.bulletins == null && counts[3] >= run.expectedBulletins()
					&& sink.accepted() >= run.expectedBulletins()) {
				run.bulletins = at;
			}
			if (run.published != null && run.radio != null && run.feedCurrent != null && run.bulletins != null
					&& counts[4] == 0) {
				run.allDone = at;
				return;
			}
			if (now > deadline) {
				return;
			}
			Thread.sleep(25);
		}
	}

	/** Exactly once, everywhere; and what every feed carries, as a reader fetches it. */
	private static void check(Run run, ConfigurableApplicationContext loa, LoopbackSmtpSink sink, List<String> communes)
			throws Exception {
		Thread.sleep(1000);
		JdbcTemplate jdbc = loa.getBean(JdbcTemplate.class);
		List<String> problems = new ArrayList<>();
		long publications = count(jdbc, "SELECT COUNT(DISTINCT item_id || '/' || outlet) FROM publication "
				+ "WHERE item_id NOT LIKE 'hieu-chinh-%'");
		expect(problems, "publications (item, outlet)", publications, 3L * run.items);
		run.outcomes = String.join(", ", jdbc.queryForList(
				"SELECT outcome || ' ' || COUNT(*) FROM publication GROUP BY outcome ORDER BY outcome", String.class));
		expect(problems, "publications on time",
				count(jdbc, "SELECT COUNT(*) FROM publication WHERE outcome = 'ON_TIME'"), 3L * run.items);
		expect(problems, "feed entries", count(jdbc, "SELECT COUNT(*) FROM feed_entry"), run.expectedFeedEntries());
		expect(problems, "feed entries (item, organisation)",
				count(jdbc, "SELECT COUNT(DISTINCT item_id || '/' || organisation) FROM feed_entry"),
				run.expectedFeedEntries());
		expect(problems, "radio entries", count(jdbc, "SELECT COUNT(*) FROM radio_entry"), 2L * run.communes);
		expect(problems, "radio entries (station, item)",
				count(jdbc, "SELECT COUNT(DISTINCT station_id || '/' || item_id) FROM radio_entry"), 2L * run.communes);
		expect(problems, "deliveries", count(jdbc, "SELECT COUNT(*) FROM bulletin_delivery"), run.expectedBulletins());
		expect(problems, "deliveries sent", count(jdbc, "SELECT COUNT(*) FROM bulletin_delivery WHERE status = 'SENT'"),
				run.expectedBulletins());
		expect(problems, "messages at the sink", sink.accepted(), run.expectedBulletins());
		expect(problems, "(mailbox, subject) at the sink", sink.received().size(), run.expectedBulletins());
		expect(problems, "(mailbox, subject) received twice",
				sink.received().values().stream().filter((n) -> n > 1).count(), 0);
		// Every organisation's feed, as a reader fetches it.
		HttpClient http = HttpClient.newHttpClient();
		String base = baseUrl(loa);
		long feedsChecked = 0;
		long feedsWrong = 0;
		List<String> reached = jdbc.queryForList(
				"SELECT organisation FROM publication_audience WHERE item_id = ? ORDER BY organisation", String.class,
				NATIONAL);
		java.util.Set<String> ownOf = new java.util.HashSet<>(communes);
		long feedStart = System.nanoTime();
		for (String organisation : reached) {
			String body = http
				.send(HttpRequest.newBuilder(URI.create(base + "/o/" + organisation + "/feed.xml")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
			boolean ok = carries(body, NATIONAL);
			if (ownOf.contains(organisation)) {
				ok &= carries(body, "xa-" + communes.indexOf(organisation));
			}
			feedsChecked++;
			if (!ok) {
				feedsWrong++;
			}
		}
		run.feedsRead = (System.nanoTime() - feedStart) / 1e9;
		expect(problems, "feeds read", feedsChecked, run.reached);
		expect(problems, "feeds without their items", feedsWrong, 0);
		run.problems = problems;
	}

	/** Whether a feed carries the item: its page address ends an element. */
	private static boolean carries(String feed, String itemId) {
		return feed.contains("/" + itemId + "<");
	}

	private static long count(JdbcTemplate jdbc, String sql) {
		Long value = jdbc.queryForObject(sql, Long.class);
		return (value != null) ? value : -1;
	}

	private static void expect(List<String> problems, String what, long actual, long expected) {
		if (actual != expected) {
			problems.add(what + ": " + actual + ", expected " + expected);
		}
	}

	private static void report(List<Run> runs) throws Exception {
		int items = runs.get(0).items;
		double ram = ramJobStore(items);
		System.out.println();
		System.out.printf(Locale.ROOT,
				"The whole country: %d items (one national for %d organisations, one own per commune) on feed, "
						+ "e-mail and radio, due at one second; %d stations, %d mailboxes.%n",
				items, runs.get(0).reached, runs.get(0).communes, (long) runs.get(0).communes * runs.get(0).perCommune);
		System.out.printf(Locale.ROOT, "Reference: Quartz RAMJobStore, %d threads, %d no-op triggers due at one "
				+ "second: all fired %.3f s after it (median of 3).%n%n", QUARTZ_THREADS, items, ram);
		System.out.printf(Locale.ROOT, "%-11s %7s %7s %6s %10s %7s %8s %9s %9s %10s %9s %8s%n", "database", "setup",
				"items", "first", "published", "radio", "feed rows", "feeds up", "recorded", "bulletins", "msg/s",
				"all done");
		boolean failed = false;
		for (Run run : runs) {
			System.out.printf(Locale.ROOT, "%-11s %6.0fs %6.0fs %6s %10s %7s %9s %9s %9s %10s %9s %8s%s%n",
					run.database, run.setup, run.itemsSetup, Bench.seconds(run.first), Bench.seconds(run.published),
					Bench.seconds(run.radio), Bench.seconds(run.feedEntries), Bench.seconds(run.feedCurrent),
					Bench.seconds(run.recorded()), Bench.seconds(run.bulletins),
					(run.bulletins != null)
							? String.format(Locale.ROOT, "%.0f", run.expectedBulletins() / run.bulletins) : "-",
					Bench.seconds(run.allDone), run.onTime ? "" : "  (items stored after the due second)");
		}
		System.out.println();
		for (Run run : runs) {
			System.out.printf(Locale.ROOT, "%s: publications %s; every feed read over HTTP (%d) in %.1f s%n",
					run.database, run.outcomes, run.reached, run.feedsRead);
			if (run.allDone == null) {
				failed = true;
				System.out.println("  TIMED OUT: last counts " + Arrays.toString(run.last));
			}
			if (!run.problems.isEmpty()) {
				failed = true;
				run.problems.forEach((problem) -> System.out.println("  WRONG: " + problem));
			}
			else {
				System.out.println("  checks: exact counts, nothing twice, every feed carries its items");
			}
		}
		System.out.println();
		for (Run run : runs) {
			Double recorded = run.recorded();
			String value = (recorded != null && !failed) ? String.format(Locale.ROOT, "%.2f", recorded) : "NaN";
			String ratio = (recorded != null && !failed) ? String.format(Locale.ROOT, "%.2f", recorded / ram) : "NaN";
			System.out.printf(Locale.ROOT, "RATIO national-recorded-seconds-%s %s goal <= %.1f%n", run.database, value,
					GOAL_SECONDS);
			System.out.printf(Locale.ROOT, "RATIO national-recorded-vs-ramjobstore-%s %s goal <= %.1f%n", run.database,
					ratio, GOAL_RATIO);
		}
		if (failed) {
			System.exit(1);
		}
	}

	private static ConfigurableApplicationContext start(Path dir, LoopbackSmtpSink sink, EmbeddedPostgres postgres)
			throws IOException {
		Files.createDirectories(dir.resolve("content"));
		Files.createDirectories(dir.resolve("calendar"));
		List<String> args = new ArrayList<>(List.of("--loa.data-dir=" + dir,
				"--loa.content-dir=" + dir.resolve("content"), "--loa.calendar-dir=" + dir.resolve("calendar"),
				"--server.port=0", "--server.address=127.0.0.1", "--loa.api.token=bench",
				// Only the trigger publishes: the sweep would race it.
				"--loa.publishing.sweep-interval=PT1H", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
				"--logging.level.org.flywaydb=ERROR", "--spring.mail.host=" + sink.host(),
				"--spring.mail.port=" + sink.port()));
		if (postgres != null) {
			args.addAll(List.of("--spring.profiles.active=postgresql",
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password="));
		}
		else {
			args.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("loa") + ";WRITE_DELAY=0");
		}
		return new SpringApplicationBuilder(LoaApplication.class).run(args.toArray(String[]::new));
	}

	private static String baseUrl(ConfigurableApplicationContext loa) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) loa).getWebServer().getPort();
	}

	/** One database's run: milestones in seconds from the due second. */
	private static final class Run {

		final String database;

		final int items;

		final int reached;

		final int communes;

		final int perCommune;

		double setup;

		double itemsSetup;

		boolean onTime;

		Double first;

		Double published;

		Double radio;

		Double feedEntries;

		Double feedCurrent;

		Double bulletins;

		Double allDone;

		double feedsRead;

		long[] last = new long[5];

		String outcomes = "";

		List<String> problems = List.of();

		Run(String database, int items, int reached, int communes, int perCommune) {
			this.database = database;
			this.items = items;
			this.reached = reached;
			this.communes = communes;
			this.perCommune = perCommune;
		}

		long expectedFeedEntries() {
			return (long) this.reached + this.communes;
		}

		long expectedBulletins() {
			return 2L * this.communes * this.perCommune;
		}

		/** Every publication recorded, every radio entry queued, every feed current. */
		Double recorded() {
			if (this.published == null || this.radio == null || this.feedCurrent == null) {
				return null;
			}
			return Math.max(this.published, Math.max(this.radio, this.feedCurrent));
		}

	}

}
