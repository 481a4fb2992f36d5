package vn.loa.publishing;

import java.util.stream.Stream;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Production's shape on real PostgreSQL: two Loa nodes, each in a JVM of its own, start
 * at once on one empty database and share one clustered Quartz schedule and one SMTP
 * server. Every commune's item is due at the same instant; both nodes' triggers and
 * sweeps race for them, and still every item goes out once on every outlet and every
 * subscriber gets each bulletin once. The nodes' logs are
 * {@code target/postgres-node-*.log}.
 */
class PostgresMultiNodeIntegrationTests {

	private static final int ITEMS = 200;

	private static final List<String> SUBSCRIBERS = List.of("ubnd.xa.an.phu@example.vn", "ban.tuyen.giao@example.vn",
			"dai.truyen.thanh@example.vn");

	private static final int MAILS = ITEMS * SUBSCRIBERS.size();

	private static final String DELIVERIES = "SELECT d.item_id, s.email, d.status FROM bulletin_delivery d "
			+ "JOIN subscriber s ON s.id = d.subscriber_id";

	private static final String MIGRATIONS = "SELECT version FROM flyway_schema_history "
			+ "WHERE success AND version IS NOT NULL ORDER BY installed_rank";

	private static final String QUARTZ_JOB_DATA_TYPE = "SELECT data_type FROM information_schema.columns "
			+ "WHERE table_name = 'qrtz_job_details' AND column_name = 'job_data'";

	@TempDir
	Path work;

	@Test
	void twoNodesPublishItemsDueAtTheSameInstantOnceOnEveryOutlet() throws Exception {
		boolean root = "root".equals(System.getProperty("user.name"));
		assumeFalse(root && !"true".equals(System.getenv("CI")),
				"embedded PostgreSQL cannot run as root; run the tests as a normal user");
		assertThat(root).as("embedded PostgreSQL cannot run as root: on CI, .ci/run runs the tests as a normal user")
			.isFalse();
		GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		List<PostgresNode> nodes = new ArrayList<>();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			try {
				// A fresh deployment: both nodes start at once on an empty database.
				for (String name : List.of("a", "b")) {
					nodes.add(PostgresNode.start(name, postgres.getJdbcUrl("postgres", "postgres"),
							smtp.getSmtp().getPort(), this.work));
				}
				nodes.forEach(PostgresNode::awaitStarted);
				for (String email : SUBSCRIBERS) {
					assertThat(nodes.get(0).post("/api/subscribers", """
							{"email": "%s", "status": "confirmed"}""".formatted(email)).statusCode()).isEqualTo(201);
				}
				PostgresNode.scheduleEveryCommuneAtOnce(nodes, ITEMS, Duration.ofSeconds(8));
				JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
				await().atMost(Duration.ofSeconds(40))
					.pollInterval(Duration.ofMillis(250))
					.until(() -> smtp.getReceivedMessages().length >= MAILS
							&& count(jdbc, "SELECT COUNT(*) FROM feed_entry") >= ITEMS
							&& count(jdbc, "SELECT COUNT(*) FROM radio_entry") >= ITEMS);
				// Give any duplicate time to show up before counting.
				Thread.sleep(3000);
				assertEveryItemWentOutOnce(jdbc, smtp.getReceivedMessages());
				assertPostgresSchemaAndOneSchedule(jdbc);
			}
			finally {
				// Before the database goes away.
				nodes.forEach(PostgresNode::stop);
			}
		}
		finally {
			smtp.stop();
		}
	}

	private static void assertEveryItemWentOutOnce(JdbcTemplate jdbc, MimeMessage[] received) {
		assertThat(jdbc.queryForList("SELECT status FROM content_item", String.class)).hasSize(ITEMS)
			.containsOnly("PUBLISHED");
		assertThat(jdbc.queryForList("SELECT outcome FROM publication", String.class)).hasSize(ITEMS * 3)
			.containsOnly("ON_TIME");
		assertThat(perItem(jdbc, "SELECT item_id, COUNT(DISTINCT outlet) FROM publication GROUP BY item_id"))
			.containsOnlyKeys(ids())
			.allSatisfy((id, outlets) -> assertThat(outlets).isEqualTo(3));
		assertThat(perItem(jdbc, "SELECT item_id, COUNT(*) FROM feed_entry GROUP BY item_id")).containsOnlyKeys(ids())
			.allSatisfy((id, entries) -> assertThat(entries).isEqualTo(1));
		assertThat(perItem(jdbc, "SELECT item_id, COUNT(*) FROM radio_entry GROUP BY item_id")).containsOnlyKeys(ids())
			.allSatisfy((id, entries) -> assertThat(entries).isEqualTo(1));
		assertThat(jdbc.queryForList(DELIVERIES)).hasSize(MAILS)
			.allSatisfy((row) -> assertThat(row.get("status")).isEqualTo("SENT"))
			.extracting((row) -> row.get("item_id") + " -> " + row.get("email"))
			.doesNotHaveDuplicates();
		assertThat(received).hasSize(MAILS);
		assertThat(Arrays.stream(received)
			.collect(Collectors.groupingBy(PostgresNode::subjectAndRecipient, Collectors.counting()))).hasSize(MAILS)
			.allSatisfy((bulletin, times) -> assertThat(times).isEqualTo(1));
		// Nothing is left half done: every listener finished every announcement.
		assertThat(count(jdbc, "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")).isZero();
		// Each item announced once, for each of the outlets' listeners, however the items
		// were grouped into events.
		Map<String, List<String>> announced = new java.util.HashMap<>();
		jdbc.query(
				"SELECT listener_id, serialized_event FROM event_publication WHERE event_type LIKE '%ItemsPublished'",
				(rs) -> {
					java.util.regex.Matcher ids = java.util.regex.Pattern.compile("\"(xa-\\d{3})\"")
						.matcher(rs.getString(2));
					while (ids.find()) {
						announced.computeIfAbsent(rs.getString(1), (listener) -> new ArrayList<>()).add(ids.group(1));
					}
				});
		assertThat(announced).hasSize(3)
			.allSatisfy((listener, items) -> assertThat(items).containsExactlyInAnyOrderElementsOf(ids()));
	}

	/** The versions of every migration PostgreSQL should have run, from the classpath. */
	private static List<String> migrationVersions() {
		try {
			var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
			return Stream
				.concat(Arrays.stream(resolver.getResources("classpath:db/migration/common/V*__*.sql")),
						Arrays.stream(resolver.getResources("classpath:db/migration/postgresql/V*__*.sql")))
				.map((resource) -> resource.getFilename().substring(1, resource.getFilename().indexOf("__")))
				.sorted(java.util.Comparator.comparingInt(Integer::parseInt))
				.toList();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** PostgreSQL's own schema, built by Flyway, and both nodes in one schedule. */
	private static void assertPostgresSchemaAndOneSchedule(JdbcTemplate jdbc) {
		assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
		assertThat(jdbc.queryForList(MIGRATIONS, String.class)).containsExactlyElementsOf(migrationVersions());
		assertThat(jdbc.queryForObject(QUARTZ_JOB_DATA_TYPE, String.class)).isEqualTo("bytea");
		assertThat(count(jdbc, "SELECT COUNT(*) FROM qrtz_scheduler_state")).isEqualTo(2);
	}

	private static List<String> ids() {
		return IntStream.range(0, ITEMS).mapToObj(PostgresNode::id).toList();
	}

	private static long count(JdbcTemplate jdbc, String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	private static Map<String, Long> perItem(JdbcTemplate jdbc, String sql) {
		return jdbc.query(sql, (rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
