package vn.loa.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import vn.loa.database.LoaProcess;

/**
 * What durable commits cost and what they buy: the real Loa in a process of its own, once
 * with Loa's setting (H2 writes each commit before the answer, {@code WRITE_DELAY=0}) and
 * once with H2's default ({@code WRITE_DELAY=500}). In each it times acknowledged creates
 * through the API, then, round after round, creates a few items and kills the process
 * ({@code kill -9}) right after the last answer, and counts what the database holds
 * against what was acknowledged.
 */
public final class DurabilityBenchmark {

	private DurabilityBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int items = BenchOptions.intOption(args, "items", 300, 10, 100_000);
		int rounds = BenchOptions.intOption(args, "rounds", 3, 1, 50);
		int perRound = BenchOptions.intOption(args, "per-round", 20, 1, 10_000);
		Path root = Files.createTempDirectory("loa-durability");
		System.out.printf("%-22s %12s %10s %10s %8s%n", "mode", "creates/s", "acked", "stored", "lost");
		Result durable = run(root.resolve("durable"), null, items, rounds, perRound);
		print("durable (WRITE_DELAY=0)", durable);
		Result delayed = run(root.resolve("delayed"), "500", items, rounds, perRound);
		print("delayed (H2 default)", delayed);
		System.out.printf("RATIO durable-vs-delayed-creates %.2f goal >= 0.5%n", durable.rate() / delayed.rate());
		System.out.printf("RATIO durable-lost-acknowledged-writes %d goal == 0%n", durable.acked() - durable.stored());
		System.out.printf("RATIO delayed-lost-acknowledged-writes %d goal > 0%n", delayed.acked() - delayed.stored());
	}

	private static Result run(Path data, String writeDelay, int items, int rounds, int perRound) throws Exception {
		String[] extra = (writeDelay != null) ? new String[] { "--spring.datasource.url=jdbc:h2:file:"
				+ data.toAbsolutePath().resolve("loa") + ";AUTO_SERVER=TRUE;WRITE_DELAY=" + writeDelay }
				: new String[0];
		int acked = 0;
		double rate;
		try (LoaProcess loa = LoaProcess.start(data, extra)) {
			for (int i = 0; i < 20; i++) {
				create(loa, "khoi-dong-" + i);
				acked++;
			}
			long start = System.nanoTime();
			for (int i = 0; i < items; i++) {
				create(loa, "do-" + i);
				acked++;
			}
			rate = items / ((System.nanoTime() - start) / 1e9);
		}
		for (int round = 0; round < rounds; round++) {
			try (LoaProcess loa = LoaProcess.start(data, extra)) {
				for (int i = 0; i < perRound; i++) {
					create(loa, "vong-" + round + "-" + i);
					acked++;
				}
				loa.kill();
			}
		}
		return new Result(rate, acked, stored(data));
	}

	private static void create(LoaProcess loa, String id) throws Exception {
		HttpResponse<String> response = loa.post("/api/content", Map.of("id", id, "title", "Bài " + id, "body",
				"Nội dung của bài " + id + ".", "outlets", List.of("feed"), "status", "draft"));
		if (response.statusCode() != 201) {
			throw new IllegalStateException(id + ": " + response.statusCode() + " " + response.body());
		}
	}

	private static int stored(Path data) throws Exception {
		String password = Files.readString(data.resolve("db-password")).strip();
		try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("loa"),
				"sa", password);
				ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM content_item")) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private static void print(String mode, Result result) {
		System.out.printf("%-22s %12.1f %10d %10d %8d%n", mode, result.rate(), result.acked(), result.stored(),
				result.acked() - result.stored());
	}

	private record Result(double rate, int acked, int stored) {

	}

}
