package vn.loa.publishing;

import java.util.stream.Stream;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.loa.LoaApplication;

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

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final String TOKEN = "cluster-token";

	private final HttpClient http = HttpClient.newHttpClient();

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
		List<Node> nodes = new ArrayList<>();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			try {
				// A fresh deployment: both nodes start at once on an empty database.
				for (String name : List.of("a", "b")) {
					nodes.add(start(name, postgres, smtp));
				}
				nodes.forEach(this::awaitStarted);
				for (String email : SUBSCRIBERS) {
					assertThat(post(nodes.get(0), "/api/subscribers", """
							{"email": "%s", "status": "confirmed"}""".formatted(email)).statusCode()).isEqualTo(201);
				}
				scheduleEveryCommuneAtOnce(nodes);
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
				nodes.forEach(this::stop);
			}
		}
		finally {
			smtp.stop();
		}
	}

	/** Every commune's announcement at the same instant, half created on each node. */
	private void scheduleEveryCommuneAtOnce(List<Node> nodes) throws Exception {
		Instant due = Instant.now().plusSeconds(8).atZone(ZONE).withNano(0).toInstant();
		ExecutorService editors = Executors.newFixedThreadPool(nodes.size());
		List<Future<?>> created = new ArrayList<>();
		for (int i = 0; i < nodes.size(); i++) {
			Node node = nodes.get(i);
			int from = i * ITEMS / nodes.size();
			int to = (i + 1) * ITEMS / nodes.size();
			created.add(editors.submit(() -> {
				for (int n = from; n < to; n++) {
					assertThat(post(node, "/api/content", item(n, due)).statusCode()).isEqualTo(201);
				}
				return null;
			}));
		}
		for (Future<?> done : created) {
			done.get();
		}
		editors.shutdown();
		assertThat(Instant.now()).as("every item was created before its time").isBefore(due);
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
			.collect(Collectors.groupingBy(PostgresMultiNodeIntegrationTests::subjectAndRecipient,
					Collectors.counting())))
			.hasSize(MAILS)
			.allSatisfy((bulletin, times) -> assertThat(times).isEqualTo(1));
		// Nothing is left half done: every listener finished every announcement.
		assertThat(count(jdbc, "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")).isZero();
		assertThat(count(jdbc, "SELECT COUNT(*) FROM event_publication")).isEqualTo(ITEMS * 3);
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

	/**
	 * Starts a node in a JVM of its own, as in production: Quartz keeps JVM-wide state
	 * per scheduler name, so clustered schedulers cannot share one JVM. Command-line
	 * arguments outrank application.yml, as an operator's would; the nodes share the
	 * database, the SMTP server and the secrets.
	 */
	private Node start(String name, EmbeddedPostgres postgres, GreenMail smtp) throws IOException {
		Path dataDir = Files.createDirectories(this.work.resolve(name));
		Path contentDir = Files.createDirectories(dataDir.resolve("content"));
		int port = freePort();
		Path log = Path.of("target", "postgres-node-" + name + ".log").toAbsolutePath();
		Files.createDirectories(log.getParent());
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
				"-Duser.timezone=" + TimeZone.getDefault().getID(), "-Dfile.encoding=UTF-8", "-XX:TieredStopAtLevel=1",
				LoaApplication.class.getName(), "--spring.profiles.active=postgresql",
				"--spring.quartz.scheduler-name=loa-cluster",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=", "--server.port=" + port,
				"--loa.data-dir=" + dataDir, "--loa.content-dir=" + contentDir, "--spring.main.banner-mode=off",
				"--loa.api.token=" + TOKEN, "--loa.secret=cluster-secret", "--loa.publishing.sweep-interval=PT1S",
				// Quartz looks for new triggers every 30 s by default and may miss one
				// created
				// just before its time (the sweep then publishes); poll so that it races
				// too.
				"--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtp.getSmtp().getPort());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new Node(name, port, process, log);
	}

	private void awaitStarted(Node node) {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (!node.process().isAlive()) {
				throw new IllegalStateException(
						"Node " + node.name() + " stopped; its log:\n" + Files.readString(node.log()));
			}
			try {
				return this.http
					.send(HttpRequest.newBuilder(node.uri("/feed.xml")).build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	/** SIGTERM: the node shuts down gracefully, as on a redeployment. */
	private void stop(Node node) {
		node.process().destroy();
		try {
			if (!node.process().waitFor(30, TimeUnit.SECONDS)) {
				node.process().destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			node.process().destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private HttpResponse<String> post(Node node, String path, String json) throws Exception {
		return this.http.send(HttpRequest.newBuilder(node.uri(path))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String item(int n, Instant due) {
		return """
				{"id": "%s", "title": "Thông báo của xã số %03d", "body": "Kính thưa bà con xã số %03d.",
				 "outlets": ["feed", "email", "radio"], "when": "%s"}""".formatted(id(n), n, n,
				LOCAL.format(due.atZone(ZONE)));
	}

	private static String id(int n) {
		return "xa-%03d".formatted(n);
	}

	private static List<String> ids() {
		return IntStream.range(0, ITEMS).mapToObj(PostgresMultiNodeIntegrationTests::id).toList();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static long count(JdbcTemplate jdbc, String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	private static Map<String, Long> perItem(JdbcTemplate jdbc, String sql) {
		return jdbc.query(sql, (rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static String subjectAndRecipient(MimeMessage message) {
		try {
			return message.getSubject() + " -> "
					+ Arrays.stream(message.getAllRecipients())
						.map((address) -> ((InternetAddress) address).getAddress())
						.collect(Collectors.joining(","));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Node(String name, int port, Process process, Path log) {

		URI uri(String path) {
			return URI.create("http://127.0.0.1:" + this.port + path);
		}

	}

}
