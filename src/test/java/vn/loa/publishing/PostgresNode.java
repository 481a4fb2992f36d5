package vn.loa.publishing;

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
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import vn.loa.LoaApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One Loa node of a cluster on PostgreSQL, in a JVM of its own as in production (Quartz
 * keeps JVM-wide state per scheduler name, so clustered schedulers cannot share one JVM).
 * Command-line arguments outrank application.yml, as an operator's would; the nodes of a
 * test share the database, the SMTP server, the secrets and the scheduler's name, and
 * each has the Quartz instance id {@code node-<name>}, so a test can tell from
 * {@code qrtz_fired_triggers} which node runs a job. Its log is
 * {@code target/postgres-node-<name>-<start millis>.log}.
 */
final class PostgresNode {

	static final String TOKEN = "cluster-token";

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final HttpClient http = HttpClient.newHttpClient();

	private final String name;

	private final int port;

	private final Process process;

	private final Path log;

	private PostgresNode(String name, int port, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts a node without waiting for it; {@code extra} arguments come last, so they
	 * win.
	 */
	static PostgresNode start(String name, String jdbcUrl, int smtpPort, Path work, String... extra)
			throws IOException {
		Path dataDir = Files.createDirectories(work.resolve(name));
		Path contentDir = Files.createDirectories(dataDir.resolve("content"));
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		// One log per start, so that a failed test's logs are still there after the next.
		Path log = Path.of("target", "postgres-node-" + name + "-" + System.currentTimeMillis() + ".log")
			.toAbsolutePath();
		Files.createDirectories(log.getParent());
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
				"-Duser.timezone=" + TimeZone.getDefault().getID(), "-Dfile.encoding=UTF-8", "-XX:TieredStopAtLevel=1",
				"-Xmx384m", LoaApplication.class.getName(), "--spring.profiles.active=postgresql",
				"--spring.quartz.scheduler-name=loa-cluster",
				"--spring.quartz.properties.org.quartz.scheduler.instanceId=" + instanceId(name),
				"--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--server.port=" + port, "--server.address=127.0.0.1",
				"--loa.data-dir=" + dataDir, "--loa.content-dir=" + contentDir, "--spring.main.banner-mode=off",
				"--loa.api.token=" + TOKEN, "--loa.secret=cluster-secret", "--loa.publishing.sweep-interval=PT1S",
				// Quartz looks for new triggers every 5 s when nothing signals it and may
				// miss one created just before its time (the sweep then publishes): poll
				// so that it races too.
				"--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtpPort));
		command.addAll(List.of(extra));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new PostgresNode(name, port, process, log);
	}

	static String instanceId(String name) {
		return "node-" + name;
	}

	String name() {
		return this.name;
	}

	String instanceId() {
		return instanceId(this.name);
	}

	/** The last lines of this node's log, for a failure message. */
	String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log);
			return "--- node " + this.name + " (" + this.log + ") ---\n"
					+ String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "--- node " + this.name + ": no log: " + ex;
		}
	}

	/** Waits until the node serves its feed, or fails with its log. */
	PostgresNode awaitStarted() {
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"Node " + this.name + " stopped; its log:\n" + Files.readString(this.log));
			}
			try {
				return http
					.send(HttpRequest.newBuilder(uri("/feed.xml")).build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
		return this;
	}

	HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** SIGTERM: the node shuts down gracefully, as on a redeployment. */
	void stop() {
		if (!this.process.isAlive()) {
			return;
		}
		resume();
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/** SIGKILL: the node dies on the spot, as in a power cut or an OOM kill. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	/**
	 * SIGSTOP: the node freezes, connections and locks held, as a stalled machine does.
	 */
	void pause() throws IOException, InterruptedException {
		signal("STOP");
	}

	/** SIGCONT: the frozen node carries on where it stopped. */
	void resume() {
		try {
			signal("CONT");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void signal(String signal) throws IOException, InterruptedException {
		int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(this.process.pid())).inheritIO()
			.start()
			.waitFor();
		if (exit != 0 && this.process.isAlive()) {
			throw new IllegalStateException("kill -" + signal + " " + this.process.pid() + " exited with " + exit);
		}
	}

	/**
	 * Every commune's announcement ({@code xa-000}, {@code xa-001}, …) on feed, e-mail
	 * and radio, due at one instant {@code ahead} from now, created through the API
	 * spread over the nodes.
	 */
	static void scheduleEveryCommuneAtOnce(List<PostgresNode> nodes, int items, Duration ahead) throws Exception {
		Instant due = Instant.now().plus(ahead).atZone(ZONE).withNano(0).toInstant();
		ExecutorService editors = Executors.newFixedThreadPool(nodes.size());
		List<Future<?>> created = new ArrayList<>();
		for (int i = 0; i < nodes.size(); i++) {
			PostgresNode node = nodes.get(i);
			int from = i * items / nodes.size();
			int to = (i + 1) * items / nodes.size();
			created.add(editors.submit(() -> {
				for (int n = from; n < to; n++) {
					assertThat(node.post("/api/content", item(n, due)).statusCode()).isEqualTo(201);
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

	static String id(int n) {
		return "xa-%03d".formatted(n);
	}

	private static String item(int n, Instant due) {
		return """
				{"id": "%s", "title": "Thông báo của xã số %03d", "body": "Kính thưa bà con xã số %03d.",
				 "outlets": ["feed", "email", "radio"], "when": "%s"}""".formatted(id(n), n, n,
				LOCAL.format(due.atZone(ZONE)));
	}

	/** A received bulletin as "subject -> recipients", to count each one's copies. */
	static String subjectAndRecipient(MimeMessage message) {
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

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
