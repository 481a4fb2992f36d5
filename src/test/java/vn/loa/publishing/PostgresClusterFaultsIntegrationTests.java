package vn.loa.publishing;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.awaitility.Awaitility.await;

/**
 * What goes wrong on a cluster, done to it for real: two Loa nodes, each in a JVM of its
 * own, share one PostgreSQL and one SMTP server; every commune's announcement is due at
 * one instant on feed, radio and e-mail; in the middle of the burst a node is killed
 * ({@code kill -9}), PostgreSQL is restarted, or a node is frozen ({@code kill -STOP})
 * with a transaction open. Whatever happens, while one node lives every item goes out
 * once on every outlet, every subscriber gets each bulletin once (give or take the one
 * message a sender had in flight), and what went out late is recorded late, at the time
 * it really went out. The nodes' logs are {@code target/postgres-node-*.log}.
 */
class PostgresClusterFaultsIntegrationTests {

	private static final int ITEMS = 300;

	private static final List<String> SUBSCRIBERS = List.of("ubnd.xa.an.phu@example.vn", "ban.tuyen.giao@example.vn",
			"dai.truyen.thanh@example.vn");

	private static final int MAILS = ITEMS * SUBSCRIBERS.size();

	private static final int PUBLICATIONS = ITEMS * 3;

	/**
	 * Faster than production so a test takes a minute, not a quarter of an hour: stalled
	 * events handed on after 5 s, mail leases of 5 s, a dead Quartz node noticed after 2
	 * s. One SMTP connection per node, so that "at most the message in flight" is one
	 * message per node (with {@code loa.email.connections} of them, one per connection).
	 */
	private static final String[] QUICK = { "--loa.publishing.republish-after=PT5S",
			"--loa.publishing.republish-interval=PT2S", "--loa.email.lease=5s", "--loa.email.poll-interval=200ms",
			"--loa.email.connections=1", "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=2000" };

	@TempDir
	Path work;

	private GreenMail smtp;

	private EmbeddedPostgres postgres;

	private int postgresPort;

	private JdbcTemplate jdbc;

	private final List<PostgresNode> nodes = new ArrayList<>();

	@BeforeEach
	void startPostgresAndSmtp() throws Exception {
		boolean root = "root".equals(System.getProperty("user.name"));
		assumeFalse(root && !"true".equals(System.getenv("CI")),
				"embedded PostgreSQL cannot run as root; run the tests as a normal user");
		assertThat(root).as("embedded PostgreSQL cannot run as root: on CI, .ci/run runs the tests as a normal user")
			.isFalse();
		this.smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		this.smtp.start();
		this.postgres = startPostgres(0);
		this.postgresPort = this.postgres.getPort();
		// A connection of the test's own, by URL, so it outlives a restart of the server.
		this.jdbc = new JdbcTemplate(new DriverManagerDataSource(jdbcUrl("loa-test"), "postgres", ""));
	}

	@AfterEach
	void stopEverything() throws Exception {
		// Before the database goes away.
		this.nodes.forEach(PostgresNode::stop);
		if (this.postgres != null) {
			this.postgres.close();
		}
		if (this.smtp != null) {
			this.smtp.stop();
		}
	}

	@Test
	void whenTheNodeRunningTheTriggerIsKilledTheOtherFinishesEverythingWithoutRestartingIt() throws Exception {
		startNodes();
		PostgresNode.scheduleEveryCommuneAtOnce(this.nodes, ITEMS, Duration.ofSeconds(10));
		String running = awaitTriggerRunning();
		PostgresNode victim = node(running);
		Work atKill = work();
		victim.kill();

		assertThat(atKill.done()).as("the kill came in the middle of the burst: %s", atKill).isFalse();
		int duplicates = awaitEverythingOnceOnEveryOutlet(Duration.ofSeconds(180));
		// The dead node's sender had one SMTP connection: one message may have been in
		// flight.
		assertThat(duplicates).as("bulletins sent twice").isLessThanOrEqualTo(1);
		assertThat(outcomes()).as("nothing is missed, and nothing is late by a minute").containsOnly("ON_TIME");
	}

	@Test
	void aPostgresRestartInTheMiddleOfTheBurstLosesNoOutputAndSendsNothingTwiceButInFlight() throws Exception {
		startNodes();
		PostgresNode.scheduleEveryCommuneAtOnce(this.nodes, ITEMS, Duration.ofSeconds(10));
		awaitTriggerRunning();
		Work atRestart = work();
		// pg_ctl stop -m fast: every session is cut off and its transaction rolled back.
		this.postgres.close();
		Thread.sleep(3000);
		this.postgres = startPostgres(this.postgresPort);

		assertThat(atRestart.done()).as("the restart came in the middle of the burst: %s", atRestart).isFalse();
		int duplicates = awaitEverythingOnceOnEveryOutlet(Duration.ofSeconds(240));
		assertThat(duplicates).as("bulletins sent twice: at most the one in flight on each node")
			.isLessThanOrEqualTo(this.nodes.size());
		assertThat(outcomes()).doesNotContain("MISSED");
	}

	/**
	 * A node frozen while its transaction holds rows another node is waiting for: the
	 * database ends the frozen transaction after 20 s (the {@code postgresql} profile's
	 * {@code idle_in_transaction_session_timeout}), the other node publishes everything
	 * before the frozen one wakes, and records what it published after the grace as late,
	 * at the time it really went out.
	 */
	@Test
	void aNodeFrozenWithATransactionOpenHoldsTheOthersUpForAtMostItsTimeoutAndLateIsRecordedLate() throws Exception {
		Duration grace = Duration.ofSeconds(5);
		startNodes("--loa.publishing.grace=" + grace);
		PostgresNode.scheduleEveryCommuneAtOnce(this.nodes, ITEMS, Duration.ofSeconds(10));
		PostgresNode frozen = freezeANodeOthersWaitFor(Duration.ofSeconds(60));
		Instant frozenAt = Instant.now();
		Set<String> publishedBefore = new HashSet<>(
				this.jdbc.queryForList("SELECT DISTINCT item_id FROM publication", String.class));
		// While it is frozen, note when each item's publication first shows up.
		Map<String, Instant> firstSeen = new HashMap<>();
		Instant wake = frozenAt.plusSeconds(35);
		while (Instant.now().isBefore(wake)) {
			Instant now = Instant.now();
			this.jdbc.queryForList("SELECT DISTINCT item_id FROM publication", String.class)
				.forEach((item) -> firstSeen.putIfAbsent(item, now));
			Thread.sleep(100);
		}
		Instant resumedAt = Instant.now();
		frozen.resume();

		int duplicates = awaitEverythingOnceOnEveryOutlet(Duration.ofSeconds(180));
		assertThat(duplicates).as("bulletins sent twice: at most the one in flight on each node")
			.isLessThanOrEqualTo(this.nodes.size());
		List<Map<String, Object>> publications = this.jdbc
			.queryForList("SELECT item_id, outlet, due_at, decided_at, outcome FROM publication");
		assertThat(publications).hasSize(PUBLICATIONS).allSatisfy((row) -> {
			Instant due = instant(row.get("due_at"));
			Instant decided = instant(row.get("decided_at"));
			String item = (String) row.get("item_id");
			assertThat(row.get("outcome")).as("%s decided %s after its time", item, Duration.between(due, decided))
				.isEqualTo(decided.isAfter(due.plus(grace)) ? "LATE" : "ON_TIME");
			assertThat(decided).as("%s went out while the node was frozen, not after it woke", item)
				.isBefore(resumedAt);
			if (!publishedBefore.contains(item)) {
				assertThat(firstSeen).as("%s went out while the node was frozen", item).containsKey(item);
				assertThat(Duration.between(decided, firstSeen.get(item)))
					.as("%s recorded as decided when it really went out, not when its batch began", item)
					.isLessThan(Duration.ofSeconds(5));
			}
		});
		assertThat(publications).as("items held up by the frozen node past the grace")
			.anySatisfy((row) -> assertThat(row.get("outcome")).isEqualTo("LATE"));
	}

	private EmbeddedPostgres startPostgres(int port) throws Exception {
		return EmbeddedPostgres.builder()
			.setDataDirectory(this.work.resolve("postgres"))
			.setCleanDataDirectory(false)
			.setPort(port)
			.start();
	}

	/** Each node's sessions carry its name, as Loa's own ({@code loa-node-a}). */
	private String jdbcUrl(String instanceId) {
		return "jdbc:postgresql://localhost:" + this.postgresPort + "/postgres?user=postgres&ApplicationName=loa-"
				+ instanceId;
	}

	/** Both nodes, started at once on the empty database. */
	private void startNodes(String... extra) throws Exception {
		for (String name : List.of("a", "b")) {
			String[] arguments = new String[QUICK.length + extra.length];
			System.arraycopy(QUICK, 0, arguments, 0, QUICK.length);
			System.arraycopy(extra, 0, arguments, QUICK.length, extra.length);
			this.nodes.add(PostgresNode.start(name, jdbcUrl(PostgresNode.instanceId(name)),
					this.smtp.getSmtp().getPort(), this.work, arguments));
		}
		this.nodes.forEach(PostgresNode::awaitStarted);
		for (String email : SUBSCRIBERS) {
			assertThat(this.nodes.get(0).post("/api/subscribers", """
					{"email": "%s", "status": "confirmed"}""".formatted(email)).statusCode()).isEqualTo(201);
		}
	}

	private PostgresNode node(String instanceId) {
		return this.nodes.stream()
			.filter((node) -> node.instanceId().equals(instanceId))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No node " + instanceId));
	}

	/** Waits for the publish-due job to run with some items decided; returns its node. */
	private String awaitTriggerRunning() {
		List<String> running = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> {
			List<String> executing = this.jdbc.queryForList("SELECT instance_name FROM qrtz_fired_triggers "
					+ "WHERE job_name = 'publish-due' AND state = 'EXECUTING'", String.class);
			if (executing.isEmpty() || count("SELECT COUNT(*) FROM publication") == 0) {
				return false;
			}
			running.add(executing.get(0));
			return true;
		});
		return running.get(0);
	}

	/**
	 * Freezes a node whose open transaction holds rows the other node needs, as a stalled
	 * machine would: one another node is already waiting for, or one in the middle of
	 * claiming due items (its transaction has written to {@code content_item} and not
	 * committed; the other node takes the job over once the frozen one misses its
	 * check-ins, and waits for those rows). A burst is decided in a few short
	 * transactions, so this watches closely and tries again (thawing the node at once)
	 * when the freeze came just after the transaction ended.
	 */
	private PostgresNode freezeANodeOthersWaitFor(Duration within) throws Exception {
		Instant deadline = Instant.now().plus(within);
		String blockers = "SELECT substr(blocker.application_name, 5) FROM pg_stat_activity waiter "
				+ "JOIN pg_stat_activity blocker ON blocker.pid = ANY (pg_blocking_pids(waiter.pid)) "
				+ "WHERE waiter.application_name LIKE 'loa-node-%' AND blocker.application_name LIKE 'loa-node-%' "
				+ "AND blocker.application_name <> waiter.application_name "
				+ "UNION ALL SELECT substr(a.application_name, 5) FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid "
				+ "JOIN pg_class c ON c.oid = l.relation WHERE a.application_name LIKE 'loa-node-%' "
				+ "AND c.relname = 'content_item' AND l.mode = 'RowExclusiveLock' AND l.granted";
		while (Instant.now().isBefore(deadline)) {
			List<String> blocking = this.jdbc.queryForList(blockers, String.class);
			if (!blocking.isEmpty()) {
				PostgresNode node = node(blocking.get(0));
				node.pause();
				if (this.jdbc.queryForList(blockers, String.class).contains(node.instanceId())) {
					return node;
				}
				node.resume();
			}
			Thread.sleep(1);
		}
		throw new AssertionError("No node held rows the other needs during the burst: " + work());
	}

	/**
	 * Waits until every item went out once on every outlet and every bulletin was sent,
	 * then checks that nothing went out twice. The time allowed is generous: on a 2-core
	 * CI machine two nodes, PostgreSQL and the test share the cores, and what is checked
	 * is that everything goes out once, not how fast; when it does not, the failure says
	 * what was left and shows the nodes' last log lines.
	 * @return how many bulletins the SMTP server received more than once
	 */
	private int awaitEverythingOnceOnEveryOutlet(Duration within) throws Exception {
		try {
			await().atMost(within).pollInterval(Duration.ofMillis(500)).until(() -> work().done());
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("Not everything went out within " + within + ": " + work() + "\n" + unfinished(),
					ex);
		}
		// Give any duplicate time to show up before counting.
		Thread.sleep(3000);
		assertThat(this.jdbc.queryForList("SELECT status FROM content_item", String.class)).hasSize(ITEMS)
			.doesNotContain("SCHEDULED");
		for (String outputs : List.of("SELECT item_id FROM publication WHERE outlet = 'FEED'",
				"SELECT item_id FROM publication WHERE outlet = 'RADIO'",
				"SELECT item_id FROM publication WHERE outlet = 'EMAIL'", "SELECT item_id FROM feed_entry",
				"SELECT item_id FROM radio_entry")) {
			assertThat(this.jdbc.queryForList(outputs, String.class)).as(outputs)
				.hasSize(ITEMS)
				.doesNotHaveDuplicates();
		}
		assertThat(this.jdbc.queryForList("SELECT d.item_id, s.email, d.status FROM bulletin_delivery d "
				+ "JOIN subscriber s ON s.id = d.subscriber_id"))
			.hasSize(MAILS)
			.allSatisfy((row) -> assertThat(row.get("status")).isEqualTo("SENT"))
			.extracting((row) -> row.get("item_id") + " -> " + row.get("email"))
			.doesNotHaveDuplicates();
		assertThat(count("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"))
			.as("event publications no listener finished")
			.isZero();
		Map<String, Long> received = received();
		assertThat(received).as("bulletins received").hasSize(MAILS);
		return (int) received.values().stream().mapToLong((times) -> times - 1).sum();
	}

	/** What a stuck burst left: items missing on an outlet, unfinished events, mail. */
	private String unfinished() {
		StringBuilder report = new StringBuilder();
		report.append("publications per outlet: ")
			.append(this.jdbc.queryForList("SELECT outlet, COUNT(*) AS n FROM publication GROUP BY outlet"))
			.append("\nitems with no feed entry: ")
			.append(this.jdbc
				.queryForList("SELECT id FROM content_item WHERE id NOT IN (SELECT item_id FROM feed_entry) "
						+ "ORDER BY id LIMIT 5", String.class))
			.append("\nitems with no radio entry: ")
			.append(this.jdbc
				.queryForList("SELECT id FROM content_item WHERE id NOT IN (SELECT item_id FROM radio_entry) "
						+ "ORDER BY id LIMIT 5", String.class))
			.append("\ndeliveries by status: ")
			.append(this.jdbc.queryForList("SELECT status, COUNT(*) AS n FROM bulletin_delivery GROUP BY status"))
			.append("\nunfinished events: ")
			.append(this.jdbc.queryForList("SELECT listener_id, COUNT(*) AS n FROM event_publication "
					+ "WHERE completion_date IS NULL GROUP BY listener_id"));
		this.nodes.forEach((node) -> report.append("\n").append(node.logTail(40)));
		return report.toString();
	}

	private Work work() {
		return new Work(count("SELECT COUNT(*) FROM publication"), count("SELECT COUNT(*) FROM feed_entry"),
				count("SELECT COUNT(*) FROM radio_entry"),
				count("SELECT COUNT(*) FROM bulletin_delivery WHERE status = 'SENT'"),
				count("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"), received().size());
	}

	private List<String> outcomes() {
		return this.jdbc.queryForList("SELECT outcome FROM publication", String.class);
	}

	private Map<String, Long> received() {
		return Arrays.stream(this.smtp.getReceivedMessages())
			.collect(Collectors.groupingBy(PostgresNode::subjectAndRecipient, Collectors.counting()));
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	private static Instant instant(Object timestamp) {
		return ((Timestamp) timestamp).toInstant();
	}

	/** How far the burst has got. */
	private record Work(long publications, long feedEntries, long radioEntries, long sentMails, long unfinishedEvents,
			long receivedMails) {

		boolean done() {
			return this.publications == PUBLICATIONS && this.feedEntries == ITEMS && this.radioEntries == ITEMS
					&& this.sentMails == MAILS && this.unfinishedEvents == 0 && this.receivedMails == MAILS;
		}

	}

}
