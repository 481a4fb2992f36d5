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
 * Start-up with the organisations of none, one province and the whole country: each run
 * is a fresh JVM on a fresh embedded database, timed from launch to the first 200 on
 * {@code /feed.xml}, started twice (the first start seeds the organisations, the second
 * finds them stored). Checks in the same run that the API lists exactly the organisations
 * the calendar seeds, none twice.
 */
public final class StartupBenchmark {

	private static final String TOKEN = "bench-token";

	private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = BenchOptions.intOption(args, "rounds", 2, 1, 10);
		List<String> provinces = provinces();
		Map<String, List<String>> scenarios = new LinkedHashMap<>();
		scenarios.put("none", List.of());
		scenarios.put("province", List.of("thai-nguyen"));
		scenarios.put("country", provinces);
		// Without units the commune plan's issuer has no province to sit under, so it is
		// left out.
		Map<String, Integer> expected = Map.of("none", 3, "province", 4 + 93, "country", 4 + 34 + 3_320);
		Map<String, double[]> first = new LinkedHashMap<>();
		Map<String, double[]> again = new LinkedHashMap<>();
		Map<String, long[]> rss = new LinkedHashMap<>();
		Map<String, long[]> rssAgain = new LinkedHashMap<>();
		boolean correct = true;
		System.out.printf("%-9s %5s %13s %13s %10s %10s %8s%n", "units", "round", "first start", "second start",
				"RSS 1st MB", "RSS 2nd MB", "orgs");
		for (int round = 1; round <= rounds; round++) {
			for (Map.Entry<String, List<String>> scenario : scenarios.entrySet()) {
				Path home = Files.createTempDirectory("loa-startup-");
				Files.createDirectories(home.resolve("content"));
				Path calendar = CalendarCopies.copy(home);
				writeUnits(calendar.resolve("organisations.yaml"), scenario.getValue());
				Started one = start(home);
				int count = organisations(one.port());
				one.stop();
				Started two = start(home);
				int countAgain = organisations(two.port());
				two.stop();
				String name = scenario.getKey();
				first.computeIfAbsent(name, (k) -> new double[rounds])[round - 1] = one.seconds();
				again.computeIfAbsent(name, (k) -> new double[rounds])[round - 1] = two.seconds();
				rss.computeIfAbsent(name, (k) -> new long[rounds])[round - 1] = one.rssMb();
				rssAgain.computeIfAbsent(name, (k) -> new long[rounds])[round - 1] = two.rssMb();
				boolean right = count == expected.get(name) && countAgain == count;
				correct &= right;
				System.out.printf("%-9s %5d %11.2f s %11.2f s %10d %10d %8s%n", name, round, one.seconds(),
						two.seconds(), one.rssMb(), two.rssMb(),
						count + (right ? "" : " WRONG, expected " + expected.get(name)));
			}
		}
		double firstRatio = median(first.get("country")) / median(first.get("none"));
		double againRatio = median(again.get("country")) / median(again.get("none"));
		double rssRatio = (double) median(rss.get("country")) / median(rss.get("none"));
		double rssAgainRatio = (double) median(rssAgain.get("country")) / median(rssAgain.get("none"));
		System.out.printf("median first start: none %.2f s, province %.2f s, country %.2f s%n",
				median(first.get("none")), median(first.get("province")), median(first.get("country")));
		System.out.println(correct ? "organisations: exact counts, no duplicates" : "organisations: WRONG COUNTS");
		System.out.printf("RATIO startup-country-vs-none-first %.2f goal <= 1.3%n", firstRatio);
		System.out.printf("RATIO startup-country-vs-none-again %.2f goal <= 1.15%n", againRatio);
		// The first start parses and stores the whole list once; what a node carries from
		// then on is the second start's.
		System.out.printf("seeding start RSS, country vs none: %.2f%n", rssRatio);
		System.out.printf("RATIO rss-country-vs-none-again %.2f goal <= 1.2%n", rssAgainRatio);
		if (!correct) {
			System.exit(1);
		}
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

	private static Started start(Path home) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-cp", System.getProperty("java.class.path"), "vn.loa.LoaApplication", "--server.port=" + port,
				"--server.address=127.0.0.1", "--loa.data-dir=" + home,
				"--loa.calendar-dir=" + home.resolve("calendar"), "--loa.content-dir=" + home.resolve("content"),
				"--loa.api.token=" + TOKEN, "--loa.secret=bench", "--logging.threshold.console=WARN",
				"--spring.main.banner-mode=off");
		long started = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(home.resolve("loa-" + System.nanoTime() + ".log").toFile())
			.start();
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Loa stopped while starting; see " + home);
			}
			try {
				HttpResponse<Void> response = client.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/feed.xml")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					double seconds = (System.nanoTime() - started) / 1e9;
					return new Started(process, port, seconds, rss(process.pid()));
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(50);
		}
		process.destroyForcibly();
		throw new IllegalStateException("Loa did not answer /feed.xml within 120 s; see " + home);
	}

	private static long rss(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
			}
		}
		return -1;
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

	private static double median(double[] values) {
		double[] sorted = values.clone();
		java.util.Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		java.util.Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	record Started(Process process, int port, double seconds, long rssMb) {

		void stop() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}

	}

}
