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
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.loa.LoaApplication;
import vn.loa.content.ContentActor;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentWorkflow;
import vn.loa.channels.radio.RadioStations;
import vn.loa.organisations.NewOrganisation;
import vn.loa.organisations.Organisation;
import vn.loa.organisations.OrganisationChange;
import vn.loa.organisations.OrganisationKind;
import vn.loa.organisations.Organisations;
import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;

/**
 * One province item for all its communes, timed from its due instant until every outlet
 * of every commune has done its work: the shipped example province (Thái Nguyên, 92
 * communes and wards), or with {@code --country} all 34 provinces under one central body,
 * a radio station (added through the stations service, as the desk does) and
 * {@code --subscribers S} (default 3) confirmed mailboxes in each commune, one resident
 * following two communes. Printed next to the same publication for one commune alone, in
 * the same Loa. Bulletins go over SMTP to a loopback sink. Exact counts are checked: one
 * publication per outlet, the audience recorded once, one feed entry per organisation,
 * one radio entry per station, one bulletin per mailbox. Run with
 * {@code bench/run cascade}.
 */
public final class CascadeBenchmark {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final String PROVINCE = "thai-nguyen";

	private static final String CENTRAL = "trung-uong";

	/** 92 communes' work in at most ten times one commune's time. */
	private static final double GOAL = 10.0;

	/** 3,321 communes' work in at most a hundred times one commune's time. */
	private static final double COUNTRY_GOAL = 100.0;

	private static String name(boolean country) {
		return country ? "cascade-country-vs-one-commune" : "cascade-all-communes-vs-one-commune";
	}

	private static double goal(boolean country) {
		return country ? COUNTRY_GOAL : GOAL;
	}

	private CascadeBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int perCommune = BenchOptions.intOption(args, "subscribers", 3, 1, 200);
		Duration timeout = Duration.ofSeconds(BenchOptions.intOption(args, "timeout", 120, 10, 900));
		boolean country = BenchOptions.flag(args, "country");
		Path dir = Files.createTempDirectory("loa-bench-cascade");
		try (LoopbackSmtpSink sink = new LoopbackSmtpSink(); ConfigurableApplicationContext loa = start(dir, sink)) {
			Organisations organisations = loa.getBean(Organisations.class);
			String top = PROVINCE;
			if (country) {
				// The whole country under one central body, as a national item is sent.
				organisations.importShipped(List.of(), "bench");
				organisations.create(new NewOrganisation(CENTRAL, "Ban Tuyên giáo Trung ương", "central", null),
						"bench");
				for (Organisation root : organisations.roots()) {
					if (root.kind() == OrganisationKind.PROVINCE) {
						organisations.update(root.id(), new OrganisationChange(null, null, CENTRAL, null, null),
								"bench");
					}
				}
				top = CENTRAL;
			}
			else {
				organisations.importShipped(List.of(PROVINCE), "bench");
			}
			// Every commune, ward and special zone: a station and its residents.
			List<String> communes = organisations.descendants(top)
				.stream()
				.filter((o) -> o.kind() != OrganisationKind.PROVINCE && o.kind() != OrganisationKind.CENTRAL)
				.map(Organisation::id)
				.toList();
			RadioStations stations = loa.getBean(RadioStations.class);
			Subscribers subscribers = loa.getBean(Subscribers.class);
			long setup = System.nanoTime();
			for (int c = 0; c < communes.size(); c++) {
				stations.create(new RadioStations.StationForm("dai-" + communes.get(c), "Đài " + communes.get(c),
						communes.get(c), "06:00/30, 17:00/30", null, true), "bench");
				for (int s = 0; s < perCommune; s++) {
					subscribers.add(communes.get(c), "cu-dan-" + c + "-" + s + "@example.vn", "Cư dân " + s,
							SubscriberStatus.CONFIRMED, "api");
				}
			}
			// A resident of the first commune also follows the second: one bulletin.
			subscribers.add(communes.get(1), "cu-dan-0-0@example.vn", "Cư dân 0", SubscriberStatus.CONFIRMED, "api");
			int organisationsReached = organisations.resolve(top, vn.loa.organisations.Audience.ALL).size();
			System.out.printf(Locale.ROOT,
					"Loa in-process, H2; %s: %d organisations, %d communes and wards with a station and %d confirmed "
							+ "mailboxes each (one following two communes; set up in %.0f s); bulletins over SMTP to "
							+ "a loopback sink.%n%n",
					country ? "the whole country under one central body" : PROVINCE, organisationsReached,
					communes.size(), perCommune, (System.nanoTime() - setup) / 1e9);
			Run one = run(loa, "one commune, own item", "bench-xa", communes.get(0), "own", 1, 1, perCommune, timeout);
			Run all = run(loa, (country ? "national" : "province") + " item, all below", "bench-tinh", top, "all",
					organisationsReached, communes.size(), (long) communes.size() * perCommune, timeout);
			report(one, all, country);
		}
		finally {
			Bench.delete(dir);
		}
	}

	private static Run run(ConfigurableApplicationContext loa, String label, String id, String organisation,
			String audience, int organisations, int stations, long mailboxes, Duration timeout) throws Exception {
		JdbcTemplate jdbc = loa.getBean(JdbcTemplate.class);
		Clock clock = loa.getBean(Clock.class);
		ZoneId zone = loa.getBean(ZoneId.class);
		Instant due = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
		loa.getBean(ContentWorkflow.class)
			.create(new ContentDraft(id, "Treo cờ mừng Quốc khánh 2/9", "Đề nghị bà con treo cờ Tổ quốc.",
					"Đề nghị bà con các xã, phường treo cờ Tổ quốc từ 6 giờ sáng.", null,
					List.of("feed", "email", "radio"), LOCAL.format(due.atZone(zone)), Map.of(), organisation,
					"scheduled", List.of(audience)), ContentActor.API);
		Thread.sleep(Math.max(0, Duration.between(clock.instant(), due).toMillis()));
		long origin = System.nanoTime();
		long deadline = origin + timeout.toNanos();
		Run run = new Run(label, organisations, stations, mailboxes);
		while (true) {
			long[] counts = jdbc.queryForObject(
					"SELECT (SELECT COUNT(*) FROM publication WHERE item_id = ?), "
							+ "(SELECT COUNT(*) FROM publication_audience WHERE item_id = ?), "
							+ "(SELECT COUNT(*) FROM feed_entry WHERE item_id = ?), "
							+ "(SELECT COUNT(*) FROM radio_entry WHERE item_id = ?), "
							+ "(SELECT COUNT(*) FROM bulletin_delivery WHERE item_id = ? AND status = 'SENT'), "
							+ "(SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL)",
					(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
							rs.getLong(6) },
					id, id, id, id, id);
			long now = System.nanoTime();
			run.counts = counts;
			if (run.published == null && counts[0] == 3) {
				run.published = (now - origin) / 1e9;
			}
			if (counts[0] == 3 && counts[1] == organisations && counts[2] == organisations && counts[3] == stations
					&& counts[4] == mailboxes && counts[5] == 0) {
				run.done = (now - origin) / 1e9;
				break;
			}
			if (now > deadline) {
				break;
			}
			Thread.sleep(20);
		}
		Thread.sleep(1000);
		run.counts = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM publication WHERE item_id = ?), "
				+ "(SELECT COUNT(*) FROM publication_audience WHERE item_id = ?), "
				+ "(SELECT COUNT(DISTINCT organisation) FROM feed_entry WHERE item_id = ?), "
				+ "(SELECT COUNT(DISTINCT station_id) FROM radio_entry WHERE item_id = ?), "
				+ "(SELECT COUNT(DISTINCT email_key) FROM bulletin_delivery WHERE item_id = ? AND status = 'SENT'), "
				+ "(SELECT COUNT(*) FROM bulletin_delivery WHERE item_id = ?)",
				(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
						rs.getLong(6) },
				id, id, id, id, id, id);
		return run;
	}

	private static void report(Run one, Run all, boolean country) {
		System.out.printf(Locale.ROOT, "%-30s %6s %8s %8s %9s %10s %11s %11s%n", "run", "orgs", "stations", "mailboxes",
				"published", "all done", "per org", "exact");
		boolean exact = true;
		for (Run run : List.of(one, all)) {
			boolean ok = run.exact();
			exact &= ok;
			System.out.printf(
					Locale.ROOT, "%-30s %6d %8d %8d %9s %10s %11s %11s%n", run.label, run.organisations, run.stations,
					run.mailboxes, Bench.seconds(run.published), Bench.seconds(run.done), (run.done != null)
							? String.format(Locale.ROOT, "%.1f ms", run.done * 1000 / run.organisations) : "-",
					ok ? "yes" : "NO " + java.util.Arrays.toString(run.counts));
		}
		System.out.println();
		if (!exact || one.done == null || all.done == null) {
			System.out.println("FAILED: a count was not exact or a run timed out");
			System.out.printf(Locale.ROOT, "RATIO %s %s goal <= %.1f%n", name(country), "NaN", goal(country));
			System.exit(1);
		}
		double ratio = all.done / one.done;
		System.out.printf(Locale.ROOT,
				"The item for all reached %d organisations' feeds, %d stations and %d mailboxes in %.2fs; "
						+ "one commune's own item took %.2fs.%n",
				all.organisations, all.stations, all.mailboxes, all.done, one.done);
		System.out.printf(Locale.ROOT, "RATIO %s %.2f goal <= %.1f%n", name(country), ratio, goal(country));
	}

	private static ConfigurableApplicationContext start(Path dir, LoopbackSmtpSink sink) throws IOException {
		Files.createDirectories(dir.resolve("content"));
		Files.createDirectories(dir.resolve("calendar"));
		List<String> args = new ArrayList<>(List.of("--loa.data-dir=" + dir,
				"--loa.content-dir=" + dir.resolve("content"), "--loa.calendar-dir=" + dir.resolve("calendar"),
				"--spring.datasource.url=jdbc:h2:file:" + dir.resolve("loa"), "--server.port=0",
				"--server.address=127.0.0.1", "--loa.api.token=bench", "--loa.publishing.sweep-interval=PT1H",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.org.flywaydb=ERROR",
				"--spring.mail.host=" + sink.host(), "--spring.mail.port=" + sink.port()));
		return new SpringApplicationBuilder(LoaApplication.class).run(args.toArray(String[]::new));
	}

	private static final class Run {

		final String label;

		final int organisations;

		final int stations;

		final long mailboxes;

		Double published;

		Double done;

		long[] counts = new long[6];

		Run(String label, int organisations, int stations, long mailboxes) {
			this.label = label;
			this.organisations = organisations;
			this.stations = stations;
			this.mailboxes = mailboxes;
		}

		/** Exactly once everywhere: counted distinct and in all. */
		boolean exact() {
			return this.counts[0] == 3 && this.counts[1] == this.organisations && this.counts[2] == this.organisations
					&& this.counts[3] == this.stations && this.counts[4] == this.mailboxes
					&& this.counts[5] == this.mailboxes;
		}

	}

}
