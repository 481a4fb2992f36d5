package vn.loa.bench;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.loa.importer.CalendarCopies;

/**
 * Start-up and memory next to an empty Spring Boot web application of the same version
 * ({@code bench/empty-web-app}, built by {@code bench/run}), each a fresh JVM timed from
 * launch to the first 200 on {@code /feed.xml}, resident memory read from {@code /proc}
 * at that moment, rounds interleaved so that the machine's noise falls on both alike. Loa
 * is started the way the README says a server runs it, {@code bin/loa} (bounded heap, the
 * JVM's class cache), and once per round as a bare {@code java -jar} for comparison; with
 * the organisations of no province, the example province (as shipped) and the whole
 * country, each started twice on the same data directory (the first start migrates and
 * seeds, the second is a node's ordinary start). Checks in the same run that the API
 * lists exactly the organisations the calendar seeds, none twice, and that the empty app
 * answered its feed.
 */
public final class StartupBenchmark {

	private static final String TOKEN = "bench-token";

	private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = BenchOptions.intOption(args, "rounds", 3, 1, 10);
		Path jar = Path.of(BenchOptions.option(args, "jar", "target/loa.jar")).toAbsolutePath();
		Path empty = Path.of(BenchOptions.option(args, "empty-app", "bench/empty-web-app/target/empty-web-app.jar"))
			.toAbsolutePath();
		Path launcher = Path.of("bin/loa").toAbsolutePath();
		for (Path file : List.of(jar, empty, launcher)) {
			if (!Files.isRegularFile(file)) {
				throw new IllegalStateException(file + " is missing: bench/run startup builds it");
			}
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Path work = Files.createTempDirectory("loa-startup-");
		Path cache = work.resolve("jvm-cache");
		List<String> provinces = provinces();
		Map<String, List<String>> scenarios = new LinkedHashMap<>();
		scenarios.put("none", List.of());
		scenarios.put("province", List.of("thai-nguyen"));
		scenarios.put("country", provinces);
		// Without units the commune plan's issuer has no province to sit under, so it is
		// left out.
		Map<String, Integer> expected = Map.of("none", 3, "province", 4 + 93, "country", 4 + 34 + 3_320);
		Map<String, List<Started>> runs = new LinkedHashMap<>();
		boolean correct = true;
		System.out.printf("java %s, %d rounds; Loa %s, reference %s%n", System.getProperty("java.version"), rounds, jar,
				empty);

		// A new jar: bin/loa extracts it and makes the class cache in a training start
		// once.
		Path trainingHome = home(work, "training", List.of("thai-nguyen"));
		Started training = start(launcher(launcher, java, cache), trainingHome, "/feed.xml");
		training.stop();
		System.out.printf("first bin/loa start of this jar (extracts it, training start, then the start): %.2f s%n%n",
				training.seconds());

		System.out.printf("%-42s %5s %9s %9s %9s %8s%n", "run", "round", "to 200", "RSS MB", "anon MB", "orgs");
		for (int round = 1; round <= rounds; round++) {
			Started reference = start(bare(java, empty), work.resolve("empty-" + round), "/feed.xml");
			reference.stop();
			boolean answered = reference.body().contains("<rss");
			correct &= answered;
			record(runs, "empty Spring Boot web app (java -jar)", round, reference, answered ? "feed" : "WRONG");
			for (Map.Entry<String, List<String>> scenario : scenarios.entrySet()) {
				String name = scenario.getKey();
				Path home = home(work, name + "-" + round, scenario.getValue());
				Started one = start(launcher(launcher, java, cache), home, "/feed.xml");
				int count = organisations(one.port());
				one.stop();
				Started two = start(launcher(launcher, java, cache), home, "/feed.xml");
				int countAgain = organisations(two.port());
				two.stop();
				boolean right = count == expected.get(name) && countAgain == count;
				correct &= right;
				String orgs = count + (right ? "" : " WRONG, expected " + expected.get(name));
				record(runs, "Loa " + name + ", first start (bin/loa)", round, one, orgs);
				record(runs, "Loa " + name + " (bin/loa)", round, two, orgs);
				if (name.equals("province")) {
					Started bare = start(bare(java, jar), home, "/feed.xml");
					bare.stop();
					record(runs, "Loa province (java -jar)", round, bare, orgs);
				}
			}
		}
		System.out.printf("%nmedians:%n");
		for (Map.Entry<String, List<Started>> run : runs.entrySet()) {
			System.out.printf("%-40s %6.2f s %6d MB RSS %6d MB anon%n", run.getKey(), medianSeconds(run.getValue()),
					medianRss(run.getValue()), median(run.getValue().stream().mapToLong(Started::anonMb).toArray()));
		}
		List<Started> reference = runs.get("empty Spring Boot web app (java -jar)");
		List<Started> province = runs.get("Loa province (bin/loa)");
		List<Started> country = runs.get("Loa country (bin/loa)");
		List<Started> none = runs.get("Loa none (bin/loa)");
		System.out.println(correct ? "organisations: exact counts, no duplicates; the empty app answered its feed"
				: "WRONG: see the table");
		System.out.printf("whole country (3,358 organisations): %.2f s, %d MB, %.2fx and %.2fx the empty app%n",
				medianSeconds(country), medianRss(country), medianSeconds(country) / medianSeconds(reference),
				(double) medianRss(country) / medianRss(reference));
		System.out.printf("RATIO startup-vs-empty-app %.2f goal <= 1.5%n",
				medianSeconds(province) / medianSeconds(reference));
		System.out.printf("RATIO rss-vs-empty-app %.2f goal <= 1.3%n",
				(double) medianRss(province) / medianRss(reference));
		System.out.printf("RATIO startup-country-vs-none-first %.2f goal <= 1.3%n",
				medianSeconds(runs.get("Loa country, first start (bin/loa)"))
						/ medianSeconds(runs.get("Loa none, first start (bin/loa)")));
		System.out.printf("RATIO startup-country-vs-none-again %.2f goal <= 1.15%n",
				medianSeconds(country) / medianSeconds(none));
		System.out.printf("RATIO rss-country-vs-none-again %.2f goal <= 1.2%n",
				(double) medianRss(country) / medianRss(none));
		Bench.delete(work);
		if (!correct) {
			System.exit(1);
		}
	}

	private static void record(Map<String, List<Started>> runs, String name, int round, Started run, String check) {
		runs.computeIfAbsent(name, (k) -> new ArrayList<>()).add(run);
		System.out.printf("%-42s %5d %7.2f s %9d %9d %8s%n", name, round, run.seconds(), run.rssMb(), run.anonMb(),
				check);
	}

	/**
	 * A data directory with its own copy of the shipped calendar, seeding these
	 * provinces.
	 */
	private static Path home(Path work, String name, List<String> provinces) throws IOException {
		Path home = Files.createDirectories(work.resolve(name));
		Files.createDirectories(home.resolve("content"));
		Path calendar = CalendarCopies.copy(home);
		writeUnits(calendar.resolve("organisations.yaml"), provinces);
		return home;
	}

	/** bin/loa on the benchmark's own java, with its class cache in the run's folder. */
	private static Launch launcher(Path launcher, String java, Path cache) {
		return new Launch(List.of(launcher.toString()), Map.of("JAVA_HOME",
				Path.of(java).getParent().getParent().toString(), "LOA_JVM_CACHE", cache.toString()));
	}

	private static Launch bare(String java, Path jar) {
		return new Launch(List.of(java, "-jar", jar.toString()), Map.of());
	}

	/** The 34 province slugs of the shipped list. */
	private static List<String> provinces() throws IOException {
		try (var in = StartupBenchmark.class.getClassLoader()
			.getResourceAsStream("organisations/don-vi-hanh-chinh-2025/provinces.csv")) {
			List<String> slugs = new ArrayList<>();
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
			for (int i = 1; i < lines.length; i++) {
				if (!lines[i].isBlank()) {
					slugs.add(lines[i].split(",")[3]);
				}
			}
			return slugs;
		}
	}

	private static void writeUnits(Path file, List<String> provinces) throws IOException {
		String yaml = Files.readString(file, StandardCharsets.UTF_8);
		StringBuilder units = new StringBuilder(provinces.isEmpty() ? "units: []\n" : "units:\n");
		provinces.forEach((province) -> units.append("  - ").append(province).append('\n'));
		Pattern list = Pattern.compile("(?m)^units:\\n(  - .*\\n)+");
		if (!list.matcher(yaml).find()) {
			throw new IllegalStateException("organisations.yaml has no units: list to replace");
		}
		String replaced = list.matcher(yaml).replaceFirst(Matcher.quoteReplacement(units.toString()));
		Files.writeString(file, replaced, StandardCharsets.UTF_8);
	}

	/**
	 * Starts a command in {@code home} with Loa's options, and times it to the first 200
	 * on {@code path}.
	 */
	private static Started start(Launch launch, Path home, String path) throws Exception {
		Files.createDirectories(home);
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(launch.command());
		command.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1", "--loa.data-dir=" + home,
				"--loa.calendar-dir=" + home.resolve("calendar"), "--loa.content-dir=" + home.resolve("content"),
				"--loa.api.token=" + TOKEN, "--loa.secret=bench", "--logging.threshold.console=WARN",
				"--spring.main.banner-mode=off"));
		ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(home.resolve("run-" + System.nanoTime() + ".log").toFile());
		builder.environment().putAll(launch.environment());
		long started = System.nanoTime();
		Process process = builder.start();
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(command.get(0) + " stopped while starting; see " + home);
			}
			try {
				HttpResponse<String> response = client.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					double seconds = (System.nanoTime() - started) / 1e9;
					long[] memory = memory(process.pid());
					return new Started(process, port, seconds, memory[0], memory[1], response.body());
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(20);
		}
		process.destroyForcibly();
		throw new IllegalStateException(command.get(0) + " did not answer " + path + " within 180 s; see " + home);
	}

	/** Resident memory, all of it and the anonymous part (heap, stacks, JIT), in MB. */
	private static long[] memory(long pid) throws IOException {
		long[] memory = { -1, -1 };
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
			if (line.startsWith("VmRSS:")) {
				memory[0] = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
			}
			if (line.startsWith("RssAnon:")) {
				memory[1] = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
			}
		}
		return memory;
	}

	/** How many organisations the API lists, refusing one listed twice. */
	private static int organisations(int port) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/organisations"))
				.header("Authorization", "Bearer " + TOKEN)
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET /api/organisations: " + response.statusCode());
		}
		List<String> ids = new ArrayList<>();
		Matcher matcher = ID.matcher(response.body());
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		if (ids.size() != ids.stream().distinct().count()) {
			return -ids.size();
		}
		return ids.size();
	}

	private static double medianSeconds(List<Started> runs) {
		double[] sorted = runs.stream().mapToDouble(Started::seconds).sorted().toArray();
		return sorted[sorted.length / 2];
	}

	private static long medianRss(List<Started> runs) {
		return median(runs.stream().mapToLong(Started::rssMb).toArray());
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		java.util.Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	record Launch(List<String> command, Map<String, String> environment) {
	}

	record Started(Process process, int port, double seconds, long rssMb, long anonMb, String body) {

		void stop() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}

	}

}
