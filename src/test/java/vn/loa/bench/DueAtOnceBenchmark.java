package vn.loa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.loa.LoaApplication;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentActor;
import vn.loa.content.ContentWorkflow;
import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;

/**
 * Starts Loa in-process and times thousands of items falling due at the same instant,
 * from that instant until every item is published and until every outlet has done its
 * work (feed entries, radio entries, bulletins sent). References: the latency of a single
 * item, and the naive design of one Quartz trigger per item, expressed by scheduling one
 * trigger per item for Loa's own publishing job. Run with {@code bench/run due}; options
 * {@code --items N} (default 500), {@code --subscribers S} (default 2),
 * {@code --timeout SECONDS} per run (default 60), {@code --smtp} to send bulletins to a
 * loopback SMTP sink instead of {@code .eml} files, and {@code --no-naive} to skip the
 * naive reference.
 */
public final class DueAtOnceBenchmark {

	private static final JobKey PUBLISH_DUE = JobKey.jobKey("publish-due", "loa");

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final long POLL_MILLIS = 20;

	private static final String BODY = """
			Ngày mai, **02/9/2025**, cả nước kỷ niệm 80 năm Ngày Quốc khánh nước Cộng hòa xã hội chủ \
			nghĩa Việt Nam. Đề nghị bà con treo cờ Tổ quốc từ 6 giờ sáng và tham gia các hoạt động \
			chào mừng do địa phương tổ chức.

			- 07:00: lễ chào cờ tại nhà văn hóa khu phố;
			- 08:00: giải bóng đá thiếu niên;
			- 19:30: chương trình văn nghệ quần chúng.

			Mọi chi tiết xin liên hệ Ban Tuyên giáo.
			""";

	private DueAtOnceBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int items = BenchOptions.intOption(args, "items", 500, 1, 20_000);
		int subscribers = BenchOptions.intOption(args, "subscribers", 2, 0, 1000);
		Duration timeout = Duration.ofSeconds(BenchOptions.intOption(args, "timeout", 60, 5, 900));
		boolean smtp = BenchOptions.flag(args, "smtp");
		boolean naive = !BenchOptions.flag(args, "no-naive");
		try (LoopbackSmtpSink sink = smtp ? new LoopbackSmtpSink() : null) {
			Setup setup = new Setup(subscribers, timeout, sink);
			System.out.printf(Locale.ROOT,
					"Loa in-process, H2 in a temp dir: items due at one instant on feed, email and radio; "
							+ "%d confirmed subscribers; bulletins to %s.%n"
							+ "Times from the due instant, polled every %d ms; each run starts a fresh Loa.%n%n",
					subscribers, smtp ? "a loopback SMTP sink" : ".eml files", POLL_MILLIS);
			List<Run> runs = new ArrayList<>();
			runs.add(run(setup, "1 item (reference)", 1, false));
			runs.add(run(setup, items + " items, 1 trigger (Loa)", items, false));
			if (naive) {
				runs.add(run(setup, items + " items, " + items + " triggers (naive)", items, true));
			}
			report(runs);
		}
	}

	private static Run run(Setup setup, String label, int items, boolean triggerPerItem) throws Exception {
		Path dir = Files.createTempDirectory("loa-bench");
		try (ConfigurableApplicationContext loa = start(dir, setup.sink())) {
			Scheduler scheduler = loa.getBean(Scheduler.class);
			ContentWorkflow editor = loa.getBean(ContentWorkflow.class);
			JdbcTemplate jdbc = loa.getBean(JdbcTemplate.class);
			Clock clock = loa.getBean(Clock.class);
			ZoneId zone = loa.getBean(ZoneId.class);
			for (int i = 0; i < setup.subscribers(); i++) {
				loa.getBean(Subscribers.class)
					.add("default", "ban-doc-" + i + "@example.vn", "Bạn đọc " + i, SubscriberStatus.CONFIRMED, "api");
			}

			// Hold Quartz while the items are stored, so nothing fires before all are in.
			scheduler.standby();
			long setupStart = System.nanoTime();
			Instant due = clock.instant()
				.plusMillis(1500 + items * (triggerPerItem ? 6L : 3L))
				.truncatedTo(ChronoUnit.SECONDS)
				.plusSeconds(1);
			String when = LOCAL.format(due.atZone(zone));
			for (int i = 0; i < items; i++) {
				editor.create(new ContentDraft("bench-" + i, "Thông báo số " + i + ": chào mừng Quốc khánh 2/9",
						"Đề nghị bà con treo cờ Tổ quốc.", BODY, null, List.of("feed", "email", "radio"), when,
						Map.of(), null, null), ContentActor.API);
			}
			if (triggerPerItem) {
				// Loa's ContentScheduled listener made one trigger for the instant; add
				// the
				// rest.
				for (int i = 1; i < items; i++) {
					scheduler.scheduleJob(TriggerBuilder.newTrigger()
						.withIdentity("per-item-" + i, "bench")
						.forJob(PUBLISH_DUE)
						.startAt(Date.from(due))
						.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
						.build());
				}
			}
			double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
			scheduler.start();
			long wait = Duration.between(clock.instant(), due).toMillis();
			boolean onTime = wait > 0;
			if (onTime) {
				Thread.sleep(wait);
			}
			long origin = System.nanoTime();
			Run run = measure(label, items, setup, jdbc, origin);
			run.setupSeconds = setupSeconds;
			run.onTime = onTime;
			run.checks = checks(jdbc, loa.getBean(vn.loa.channels.radio.RadioQueue.class));
			return run;
		}
		finally {
			Bench.delete(dir);
		}
	}

	private static ConfigurableApplicationContext start(Path dir, LoopbackSmtpSink sink) throws IOException {
		Files.createDirectories(dir.resolve("content"));
		Files.createDirectories(dir.resolve("calendar"));
		List<String> args = new ArrayList<>(List.of("--loa.data-dir=" + dir,
				"--loa.content-dir=" + dir.resolve("content"), "--loa.calendar-dir=" + dir.resolve("calendar"),
				// No AUTO_SERVER: it would listen on every interface.
				"--spring.datasource.url=jdbc:h2:file:" + dir.resolve("loa"), "--server.port=0",
				"--server.address=127.0.0.1", "--loa.api.token=bench",
				// Only the trigger publishes: the sweep would race it.
				"--loa.publishing.sweep-interval=PT1H", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
				"--logging.level.org.flywaydb=ERROR"));
		if (sink != null) {
			args.add("--spring.mail.host=" + sink.host());
			args.add("--spring.mail.port=" + sink.port());
		}
		return new SpringApplicationBuilder(LoaApplication.class).run(args.toArray(String[]::new));
	}

	/** Polls the tables until every outlet has done its work, or the timeout. */
	private static Run measure(String label, int items, Setup setup, JdbcTemplate jdbc, long origin)
			throws InterruptedException {
		long bulletins = (long) items * setup.subscribers();
		Run run = new Run(label, items, bulletins);
		long deadline = origin + setup.timeout().toNanos();
		while (true) {
			Counts counts = jdbc.queryForObject(
					"SELECT (SELECT COUNT(DISTINCT item_id) FROM publication), "
							+ "(SELECT COUNT(*) FROM feed_entry), (SELECT COUNT(*) FROM radio_entry), "
							+ "(SELECT COUNT(*) FROM bulletin_delivery WHERE status = 'SENT'), "
							+ "(SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL), "
							+ "(SELECT COUNT(*) FROM qrtz_triggers WHERE job_name = 'publish-due')",
					(rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
							rs.getLong(6)));
			long now = System.nanoTime();
			run.last = counts;
			run.firstPublished = mark(run.firstPublished, counts.published() >= 1, now, origin);
			run.published = mark(run.published, counts.published() >= items, now, origin);
			run.feed = mark(run.feed, counts.feed() >= items, now, origin);
			run.radio = mark(run.radio, counts.radio() >= items, now, origin);
			run.bulletinsSent = mark(run.bulletinsSent, counts.sent() >= bulletins, now, origin);
			run.triggers = mark(run.triggers, counts.triggers() == 0, now, origin);
			run.allDone = mark(
					run.allDone, run.published != null && run.feed != null && run.radio != null
							&& run.bulletinsSent != null && run.triggers != null && counts.pendingEvents() == 0,
					now, origin);
			if (run.allDone != null || now > deadline) {
				return run;
			}
			Thread.sleep(POLL_MILLIS);
		}
	}

	private static Double mark(Double seen, boolean reached, long now, long origin) {
		return (seen == null && reached) ? Double.valueOf((now - origin) / 1e9) : seen;
	}

	/** What a reader would want to know went right: outcomes and the radio order. */
	private static String checks(JdbcTemplate jdbc, vn.loa.channels.radio.RadioQueue radio) {
		String outcomes = String.join(", ", jdbc.queryForList(
				"SELECT outcome || ' ' || COUNT(*) FROM publication GROUP BY outcome ORDER BY outcome", String.class));
		// Positions as the announcer sees them: every slot numbered 1..n with no two
		// alike.
		long sharedOrder = 0;
		for (java.time.LocalDate day : jdbc.queryForList("SELECT DISTINCT slot_date FROM radio_entry",
				java.time.LocalDate.class)) {
			for (vn.loa.channels.radio.RadioStation station : radio.stations()) {
				Map<java.time.LocalTime, List<Integer>> positions = new java.util.HashMap<>();
				radio.entries(station, day)
					.forEach((e) -> positions.computeIfAbsent(e.slotTime(), (t) -> new ArrayList<>()).add(e.order()));
				for (List<Integer> slot : positions.values()) {
					sharedOrder += slot.size() - slot.stream().distinct().count();
				}
			}
		}
		String deliveries = String.join(", ",
				jdbc.queryForList(
						"SELECT status || ' ' || COUNT(*) FROM bulletin_delivery GROUP BY status ORDER BY status",
						String.class));
		return "publications " + outcomes + "; deliveries " + (deliveries.isEmpty() ? "none" : deliveries)
				+ "; radio entries sharing a slot position with another: " + sharedOrder;
	}

	private static void report(List<Run> runs) {
		System.out.printf(Locale.ROOT, "%-34s %8s %10s %9s %9s %10s %9s %9s %8s%n", "run", "setup", "first pub",
				"published", "feed", "bulletins", "radio", "triggers", "all done");
		for (Run run : runs) {
			System.out.printf(Locale.ROOT, "%-34s %7.1fs %10s %9s %9s %10s %9s %9s %8s%s%n", run.label,
					run.setupSeconds, Bench.seconds(run.firstPublished), Bench.seconds(run.published),
					Bench.seconds(run.feed), Bench.seconds(run.bulletinsSent), Bench.seconds(run.radio),
					Bench.seconds(run.triggers), Bench.seconds(run.allDone),
					run.onTime ? "" : "  (setup overran the due instant: timed from the scheduler's start)");
			if (run.allDone == null) {
				Counts last = run.last;
				System.out.printf(Locale.ROOT,
						"  timed out: %d/%d published, %d feed, %d radio, %d/%d bulletins sent, %d events pending, "
								+ "%d triggers left%n",
						last.published(), run.items, last.feed(), last.radio(), last.sent(), run.bulletins,
						last.pendingEvents(), last.triggers());
			}
			System.out.println("  " + run.checks);
		}
		System.out.println();
		Run single = runs.get(0);
		Run loa = runs.get(1);
		System.out.printf(Locale.ROOT,
				"Loa, %d items at once: %s items/s published, %s items/s with every outlet done, " + "%s bulletins/s%n",
				loa.items, rate(loa.items, loa.published), rate(loa.items, loa.allDone),
				rate(loa.bulletins, loa.bulletinsSent));
		System.out.printf(Locale.ROOT,
				"  vs one item alone (%s published, %s all done): %d items took %s and %s its latency%n",
				Bench.seconds(single.published), Bench.seconds(single.allDone), loa.items,
				ratio(loa.published, single.published), ratio(loa.allDone, single.allDone));
		if (runs.size() > 2) {
			Run naive = runs.get(2);
			System.out.printf(Locale.ROOT,
					"One trigger per item / Loa's one trigger, time ratio (>1: naive slower): published %s, "
							+ "all outlets done %s; triggers drained in %s vs %s%n",
					ratio(naive.published, loa.published), ratio(naive.allDone, loa.allDone),
					Bench.seconds(naive.triggers), Bench.seconds(loa.triggers));
		}
	}

	private static String rate(long count, Double seconds) {
		return (seconds != null && seconds > 0) ? String.format(Locale.ROOT, "%.0f", count / seconds) : "n/a";
	}

	private static String ratio(Double value, Double reference) {
		return (value != null && reference != null && reference > 0)
				? String.format(Locale.ROOT, "%.1fx", value / reference) : "n/a";
	}

	private record Setup(int subscribers, Duration timeout, LoopbackSmtpSink sink) {

	}

	private record Counts(long published, long feed, long radio, long sent, long pendingEvents, long triggers) {

	}

	/** One run's milestones, in seconds from the due instant; null when not reached. */
	private static final class Run {

		final String label;

		final int items;

		final long bulletins;

		double setupSeconds;

		boolean onTime;

		Double firstPublished;

		Double published;

		Double feed;

		Double radio;

		Double bulletinsSent;

		Double triggers;

		Double allDone;

		Counts last;

		String checks;

		Run(String label, int items, long bulletins) {
			this.label = label;
			this.items = items;
			this.bulletins = bulletins;
		}

	}

}
