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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.loa.importer.CalendarCopies;

/**
 * {@code /feed.xml} and {@code /calendar.ics} under load, next to nginx serving the
 * identical bytes: Loa in a process of its own (fresh embedded database, 20 published
 * items), Debian's nginx unpacked into {@code target/bench-tools} on loopback with the
 * same headers, and Debian's wrk driving both the same way ({@code -t2 -c50}), for full
 * answers and for {@code 304}s. Checks in the same run that both serve the same 20 items,
 * byte for byte, that Loa answers the same bytes again, that each answers its own entity
 * tag with {@code 304}, and that no load run saw an error or an answer of the wrong size.
 */
public final class FeedBenchmark {

	private static final String TOKEN = "bench-token";

	private static final int ITEMS = 20;

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in [0-9.]+\\w+, ([0-9.]+)(B|KB|MB|GB) read");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private FeedBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = BenchOptions.intOption(args, "seconds", 10, 2, 120);
		int connections = BenchOptions.intOption(args, "connections", 50, 1, 1000);
		int rounds = BenchOptions.intOption(args, "rounds", 3, 1, 10);
		Path tools = tools();
		Path home = Files.createTempDirectory("loa-feed-bench-");
		Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
		Process loa = null;
		Process nginx = null;
		try {
			int loaPort = freePort();
			loa = startLoa(home, loaPort);
			publish(loaPort);
			// The RSS feed and the iCalendar feed (the content items are its events).
			List<String> paths = List.of("/feed.xml", "/calendar.ics");
			Map<String, HttpResponse<byte[]>> fromLoa = new java.util.LinkedHashMap<>();
			for (String path : paths) {
				fromLoa.put(path, get("http://127.0.0.1:" + loaPort + path, Map.of()));
			}
			int nginxPort = freePort();
			Map<String, byte[]> files = new java.util.LinkedHashMap<>();
			fromLoa.forEach((path, response) -> files.put(path.substring(1), response.body()));
			nginx = startNginx(tools, home, nginxPort, files);

			List<String> problems = new ArrayList<>();
			List<String> ratios = new ArrayList<>();
			for (String path : paths) {
				String name = path.endsWith(".ics") ? "ical" : "feed";
				String loaUrl = "http://127.0.0.1:" + loaPort + path;
				String nginxUrl = "http://127.0.0.1:" + nginxPort + path;
				// Fetched again: a kept iCalendar feed is built anew after a minute, with
				// a new
				// DTSTAMP (the only line that differs; its entity tag leaves it out).
				HttpResponse<byte[]> loaFeed = get(loaUrl, Map.of());
				String loaTag = loaFeed.headers().firstValue("ETag").orElseThrow();
				HttpResponse<byte[]> nginxFeed = get(nginxUrl, Map.of());
				String nginxTag = nginxFeed.headers().firstValue("ETag").orElseThrow();
				check(problems, path, loaFeed, nginxFeed);
				check(problems, "Loa " + path, get(loaUrl, Map.of("If-None-Match", loaTag)).statusCode() == 304);
				check(problems, "nginx " + path, get(nginxUrl, Map.of("If-None-Match", nginxTag)).statusCode() == 304);
				check(problems, "Loa answers " + path + " with the same bytes again",
						Arrays.equals(get(loaUrl, Map.of()).body(), loaFeed.body()));
				int size = loaFeed.body().length;

				// Warm Loa's JIT with the same load first; nginx needs none.
				wrk(tools, loaUrl, null, seconds, connections);
				System.out.printf("%n%s, %,d bytes%n%-5s %-8s %-5s %12s %12s %14s%n", path, size, "round", "server",
						"answer", "requests/s", "requests", "bytes/request");
				List<Run> runs = new ArrayList<>();
				// Rounds alternate the two servers so that the machine's drift reaches
				// both.
				for (int round = 1; round <= rounds; round++) {
					runs.add(report(round, "nginx", "200", wrk(tools, nginxUrl, null, seconds, connections)));
					runs.add(report(round, "Loa", "200", wrk(tools, loaUrl, null, seconds, connections)));
					runs.add(report(round, "nginx", "304", wrk(tools, nginxUrl, nginxTag, seconds, connections)));
					runs.add(report(round, "Loa", "304", wrk(tools, loaUrl, loaTag, seconds, connections)));
				}
				for (Run run : runs) {
					if (run.kind().equals("200")) {
						check(problems, run.name() + " " + path + " 200 answers carry it",
								run.bytesPerRequest() > size);
					}
					else {
						check(problems, run.name() + " " + path + " 304 answers carry nothing",
								run.bytesPerRequest() < size / 2.0);
					}
					check(problems, run.name() + " " + path + " " + run.kind() + " without errors", run.clean());
				}
				double nginx200 = median(runs, "nginx", "200");
				double loa200 = median(runs, "Loa", "200");
				double nginx304 = median(runs, "nginx", "304");
				double loa304 = median(runs, "Loa", "304");
				System.out.printf(
						"medians, answers/s: nginx %.0f and Loa %.0f for 200, nginx %.0f and Loa %.0f for 304%n",
						nginx200, loa200, nginx304, loa304);
				ratios.add(String.format("RATIO %s-200-vs-nginx %.2f goal >= 0.6", name, loa200 / nginx200));
				ratios.add(String.format("RATIO %s-304-vs-nginx %.2f goal >= 0.6", name, loa304 / nginx304));
			}
			System.out.println();
			problems.forEach((problem) -> System.out.println("WRONG: " + problem));
			System.out.println(problems.isEmpty()
					? "checks: exact items, nginx serves Loa's bytes, Loa the same bytes each time, 304 on each tag, no errors"
					: "checks: " + problems.size() + " failed");
			ratios.forEach(System.out::println);
			if (!problems.isEmpty()) {
				System.exit(1);
			}
		}
		finally {
			if (nginx != null) {
				nginx.destroy();
				nginx.waitFor(10, TimeUnit.SECONDS);
			}
			if (loa != null) {
				loa.destroy();
				loa.waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	/** nginx and wrk from Debian, unpacked by {@code bench/tools}. */
	private static Path tools() throws Exception {
		Process process = new ProcessBuilder("bench/tools").redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String dir = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		if (process.waitFor() != 0 || dir.isEmpty()) {
			throw new IllegalStateException("bench/tools could not unpack nginx and wrk");
		}
		return Path.of(dir);
	}

	private static Process startLoa(Path home, int port) throws Exception {
		Path data = Files.createDirectories(home.resolve("loa"));
		Files.createDirectories(data.resolve("content"));
		Path calendar = CalendarCopies.copy(data);
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-cp", System.getProperty("java.class.path"), "vn.loa.LoaApplication", "--server.port=" + port,
				"--server.address=127.0.0.1", "--loa.data-dir=" + data, "--loa.calendar-dir=" + calendar,
				"--loa.content-dir=" + data.resolve("content"), "--loa.api.token=" + TOKEN, "--loa.secret=bench",
				"--loa.base-url=https://loa.example.vn", "--logging.threshold.console=WARN",
				"--spring.main.banner-mode=off");
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(home.resolve("loa.log").toFile())
			.start();
		return answering(process, port, 120, "Loa", home.resolve("loa.log"));
	}

	/** Twenty items on the feed, due together a few seconds from now. */
	private static void publish(int port) throws Exception {
		String when = LocalDateTime.now(ZONE).plusSeconds(4).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
		for (int i = 1; i <= ITEMS; i++) {
			String body = """
					{"id": "tin-%d", "title": "Tin tuyên truyền số %d: kỷ niệm Ngày Quốc khánh 2/9",
					 "body": "Đề nghị bà con các xã, phường treo cờ Tổ quốc và tham gia các hoạt động kỷ niệm. Đoạn %d.",
					 "outlets": ["feed"], "when": "%s"}"""
				.formatted(i, i, i, when);
			HttpResponse<String> created = HTTP
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/content"))
					.header("Authorization", "Bearer " + TOKEN)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (created.statusCode() != 201) {
				throw new IllegalStateException(
						"creating tin-" + i + ": " + created.statusCode() + " " + created.body());
			}
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (items(get("http://127.0.0.1:" + port + "/feed.xml", Map.of()).body()).size() < ITEMS) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the feed did not carry " + ITEMS + " items within 60 s");
			}
			Thread.sleep(200);
		}
	}

	private static Process startNginx(Path tools, Path home, int port, Map<String, byte[]> files) throws Exception {
		Path prefix = Files.createDirectories(home.resolve("nginx"));
		Path www = Files.createDirectories(prefix.resolve("www"));
		Files.createDirectories(prefix.resolve("tmp"));
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			Files.write(www.resolve(file.getKey()), file.getValue());
		}
		for (Path path : List.of(prefix, www, prefix.resolve("tmp"))) {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		String user = "root".equals(System.getProperty("user.name")) ? "user root root;\n" : "";
		String tmp = prefix.resolve("tmp").toString();
		// The headers Loa writes on a feed, so both send the same answer.
		String config = user
				+ """
						daemon off;
						worker_processes 2;
						pid %1$s/nginx.pid;
						error_log %1$s/error.log warn;
						events { worker_connections 4096; }
						http {
						  access_log off;
						  client_body_temp_path %2$s; proxy_temp_path %2$s; fastcgi_temp_path %2$s;
						  uwsgi_temp_path %2$s; scgi_temp_path %2$s;
						  types { application/rss+xml xml; text/calendar ics; }
						  charset utf-8;
						  charset_types application/rss+xml text/calendar;
								  server {
						    listen 127.0.0.1:%3$d;
						    root %4$s;
						    etag on;
						    add_header Cache-Control "no-cache, public" always;
						    add_header X-Content-Type-Options nosniff always;
						    add_header X-XSS-Protection 0 always;
						    add_header X-Frame-Options DENY always;
						    add_header Content-Security-Policy "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'" always;
						    add_header Referrer-Policy strict-origin-when-cross-origin always;
						    add_header Strict-Transport-Security "max-age=31536000" always;
						  }
						}
						"""
					.formatted(prefix, tmp, port, www);
		Path conf = prefix.resolve("nginx.conf");
		Files.writeString(conf, config, StandardCharsets.UTF_8);
		Process process = new ProcessBuilder(tools.resolve("usr/sbin/nginx").toString(), "-p", prefix.toString(), "-c",
				conf.toString())
			.redirectErrorStream(true)
			.redirectOutput(prefix.resolve("out.log").toFile())
			.start();
		return answering(process, port, 20, "nginx", prefix.resolve("error.log"));
	}

	/**
	 * {@code process} once it answers {@code /feed.xml} with 200; its log says why not.
	 */
	private static Process answering(Process process, int port, int seconds, String name, Path log) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " stopped while starting; see " + log);
			}
			try {
				if (get("http://127.0.0.1:" + port + "/feed.xml", Map.of()).statusCode() == 200) {
					return process;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		process.destroyForcibly();
		throw new IllegalStateException(name + " did not answer within " + seconds + " s; see " + log);
	}

	private static String wrk(Path tools, String url, String etag, int seconds, int connections) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(tools.resolve("usr/bin/wrk").toString(), "-t2", "-c" + connections, "-d" + seconds + "s"));
		if (etag != null) {
			command.addAll(List.of("-H", "If-None-Match: " + etag));
		}
		command.add(url);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("LD_LIBRARY_PATH", tools.resolve("usr/lib/x86_64-linux-gnu").toString());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("wrk failed:\n" + output);
		}
		return output;
	}

	private static double median(List<Run> runs, String name, String kind) {
		double[] rates = runs.stream()
			.filter((run) -> run.name().equals(name) && run.kind().equals(kind))
			.mapToDouble(Run::rate)
			.sorted()
			.toArray();
		return (rates.length % 2 == 1) ? rates[rates.length / 2]
				: (rates[rates.length / 2 - 1] + rates[rates.length / 2]) / 2;
	}

	private static Run report(int round, String name, String kind, String output) {
		Matcher rate = RATE.matcher(output);
		Matcher total = TOTAL.matcher(output);
		if (!rate.find() || !total.find()) {
			throw new IllegalStateException("cannot read wrk's output:\n" + output);
		}
		long requests = Long.parseLong(total.group(1));
		double bytes = Double.parseDouble(total.group(2)) * switch (total.group(3)) {
			case "KB" -> 1024.0;
			case "MB" -> 1024.0 * 1024;
			case "GB" -> 1024.0 * 1024 * 1024;
			default -> 1.0;
		};
		boolean clean = !output.contains("Non-2xx or 3xx") && !output.contains("Socket errors");
		Run run = new Run(name, kind, Double.parseDouble(rate.group(1)), requests, bytes / Math.max(1, requests),
				clean);
		System.out.printf("%-5d %-8s %-5s %12.0f %,12d %14.0f%s%n", round, name, kind, run.rate(), requests,
				run.bytesPerRequest(), clean ? "" : "  (errors: see wrk output below)\n" + output);
		return run;
	}

	private static void check(List<String> problems, String path, HttpResponse<byte[]> loa,
			HttpResponse<byte[]> nginx) {
		List<String> items = items(loa.body());
		check(problems, "Loa's " + path + " carries " + ITEMS + " items, none twice",
				items.size() == ITEMS && new HashSet<>(items).size() == ITEMS);
		check(problems, "nginx serves Loa's bytes of " + path,
				withoutStamps(loa.body()).equals(withoutStamps(nginx.body())));
		check(problems, "both answer 200", loa.statusCode() == 200 && nginx.statusCode() == 200);
	}

	private static String withoutStamps(byte[] body) {
		return new String(body, StandardCharsets.UTF_8).replaceAll("\r\nDTSTAMP:[0-9TZ]+", "");
	}

	private static void check(List<String> problems, String what, boolean holds) {
		if (!holds) {
			problems.add(what);
		}
	}

	private static List<String> items(byte[] feed) {
		List<String> guids = new ArrayList<>();
		// RSS guids, or the UIDs of the iCalendar feed's content events.
		Matcher matcher = Pattern.compile("<guid[^>]*>([^<]+)</guid>|\r\nUID:(content-[^\r]+)")
			.matcher(new String(feed, StandardCharsets.UTF_8));
		while (matcher.find()) {
			guids.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
		}
		return guids;
	}

	private static HttpResponse<byte[]> get(String url, Map<String, String> headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
		headers.forEach(request::header);
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** One load run: answers a second, how many, and the bytes read per answer. */
	record Run(String name, String kind, double rate, long requests, double bytesPerRequest, boolean clean) {

	}

}
