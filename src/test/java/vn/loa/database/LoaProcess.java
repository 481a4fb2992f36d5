package vn.loa.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The real Loa in a process of its own, started from the test class path with its
 * embedded default (H2 file database, AUTO_SERVER), so a test can kill it with SIGKILL,
 * damage its files or reach its database from outside, as an operator would.
 */
public final class LoaProcess implements AutoCloseable {

	public static final String TOKEN = "process-token";

	private final Path dataDir;

	private final int port;

	private final Process process;

	private final Path log;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private LoaProcess(Path dataDir, int port, Process process, Path log) {
		this.dataDir = dataDir;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/** Starts Loa on {@code dataDir} and waits until it serves, or fails with its log. */
	public static LoaProcess start(Path dataDir, String... extra) throws Exception {
		return started(launch(dataDir, 0, extra));
	}

	/**
	 * Starts Loa with no file it writes allowed to grow beyond {@code kilobytes} (the
	 * shell's {@code ulimit -f}): to the database, a full disk.
	 */
	public static LoaProcess startLimited(Path dataDir, long kilobytes, String... extra) throws Exception {
		return started(launch(dataDir, kilobytes, extra));
	}

	private static LoaProcess started(LoaProcess loa) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		while (Instant.now().isBefore(deadline)) {
			if (!loa.process.isAlive()) {
				throw new IllegalStateException("Loa stopped with " + loa.process.exitValue() + ":\n" + loa.output());
			}
			try {
				if (loa.get("/feed.xml").statusCode() == 200) {
					return loa;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(200);
		}
		loa.kill();
		throw new IllegalStateException("Loa did not serve within 90 s:\n" + loa.output());
	}

	/** Starts Loa without waiting: for a start that is expected to fail. */
	public static LoaProcess launch(Path dataDir, String... extra) throws IOException {
		return launch(dataDir, 0, extra);
	}

	private static LoaProcess launch(Path dataDir, long fileLimitKilobytes, String... extra) throws IOException {
		Files.createDirectories(dataDir);
		Path empty = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-files"));
		Files.createDirectories(empty.resolve("calendar"));
		Files.createDirectories(empty.resolve("content"));
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
				"-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
				"vn.loa.LoaApplication", "--server.port=" + port, "--server.address=127.0.0.1",
				"--loa.data-dir=" + dataDir, "--loa.calendar-dir=" + empty.resolve("calendar"),
				"--loa.content-dir=" + empty.resolve("content"), "--loa.api.token=" + TOKEN,
				"--loa.base-url=http://127.0.0.1:" + port, "--logging.level.root=WARN"));
		command.addAll(List.of(extra));
		if (fileLimitKilobytes > 0) {
			command.addAll(0, List.of("bash", "-c", "ulimit -S -f " + fileLimitKilobytes + " && exec \"$@\"", "bash"));
		}
		Path log = Files.createTempFile("loa-process", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new LoaProcess(dataDir, port, process, log);
	}

	/** Kills the process as {@code kill -9} does and waits for it to be gone. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	/** Waits for a process that stops by itself; returns its exit code. */
	public int awaitExit(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
			kill();
			throw new IllegalStateException("Loa did not stop within " + timeout + ":\n" + output());
		}
		return this.process.exitValue();
	}

	public String output() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(no output: " + ex + ")";
		}
	}

	public long pid() {
		return this.process.pid();
	}

	public Path dataDir() {
		return this.dataDir;
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	public HttpResponse<String> post(String path, Map<String, ?> json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json(json), StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

	/** The address of a path on this Loa. */
	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String json(Object value) {
		if (value instanceof Map<?, ?> map) {
			return map.entrySet()
				.stream()
				.map((e) -> json(e.getKey()) + ":" + json(e.getValue()))
				.collect(Collectors.joining(",", "{", "}"));
		}
		if (value instanceof List<?> list) {
			return list.stream().map(LoaProcess::json).collect(Collectors.joining(",", "[", "]"));
		}
		return "\"" + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
