package vn.loa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import vn.loa.channels.email.LeasedRowsBenchmarkAccess;

/**
 * Draining a burst of due bulletin deliveries in batches of 100, as the sender claims
 * them, on an H2 file database migrated with Loa's own migrations. The reference is the
 * single statement Loa used before ({@code UPDATE ... WHERE id IN (SELECT id ... WHERE
 * due ORDER BY ... FETCH FIRST 100 ROWS ONLY) AND due}); Loa's claim picks the candidates
 * through the (status, next_attempt_at) index and claims them by id. Both drain the same
 * freshly queued rows in alternating rounds; each claimed batch is then marked sent, as
 * the sender would.
 * <p>
 * {@code bench/run claim [--deliveries 6000] [--rounds 3]}
 */
public final class OutboxClaimBenchmark {

	private static final String DUE = "((status IN ('QUEUED', 'RETRYING') AND next_attempt_at <= :now) "
			+ "OR (status = 'SENDING' AND lease_until < :now))";

	private static final int BATCH = 100;

	private OutboxClaimBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int deliveries = BenchOptions.intOption(args, "deliveries", 6000, 100, 200_000);
		int rounds = BenchOptions.intOption(args, "rounds", 3, 1, 20);
		Path dir = Files.createTempDirectory("loa-claim-bench");
		SingleConnectionDataSource data = new SingleConnectionDataSource(
				"jdbc:h2:file:" + dir.resolve("loa") + ";MODE=Regular", "sa", "", true);
		data.setAutoCommit(true);
		Flyway.configure()
			.dataSource(data)
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(data);
		LeasedRowsBenchmarkAccess loa = LeasedRowsBenchmarkAccess.of("bulletin_delivery", jdbc);
		int subscribers = 50;
		for (int s = 0; s < subscribers; s++) {
			jdbc.update(
					"INSERT INTO subscriber (organisation, email, email_key, name, status, created_at, updated_at) "
							+ "VALUES ('default', :e, :e, '', 'CONFIRMED', :now, :now)",
					Map.of("e", "nguoi" + s + "@example.vn", "now", Timestamp.from(Instant.now())));
		}
		List<Long> ids = jdbc.queryForList("SELECT id FROM subscriber ORDER BY id", Map.of(), Long.class);
		System.out.printf(
				"%d due deliveries (%d items x %d subscribers) drained in claims of %d, H2 file database; "
						+ "%d rounds of each, alternating.%n",
				deliveries, deliveries / subscribers, subscribers, BATCH, rounds);
		List<Double> reference = new ArrayList<>();
		List<Double> current = new ArrayList<>();
		drain(jdbc, ids, Math.min(deliveries, 1000), (owner) -> single(jdbc, owner)); // warm-up
		drain(jdbc, ids, Math.min(deliveries, 1000), (owner) -> loa.claim(owner, BATCH));
		for (int round = 0; round < rounds; round++) {
			reference.add(drain(jdbc, ids, deliveries, (owner) -> single(jdbc, owner)));
			current.add(drain(jdbc, ids, deliveries, (owner) -> loa.claim(owner, BATCH)));
		}
		double before = median(reference);
		double now = median(current);
		System.out.printf("%-52s %12s%n", "claim", "rows/s (median)");
		System.out.printf("%-52s %12.0f   rounds %s%n", "one UPDATE with a sub-select (reference)", before,
				format(reference));
		System.out.printf("%-52s %12.0f   rounds %s%n", "candidates by index, claimed by id (Loa)", now,
				format(current));
		System.out.printf("ratio: %.1fx the reference%n", now / before);
		data.destroy();
	}

	/** Rows per second to queue {@code count} deliveries and claim them all. */
	private static double drain(NamedParameterJdbcTemplate jdbc, List<Long> subscribers, int count, Claim claim) {
		jdbc.update("DELETE FROM bulletin_delivery", Map.of());
		Timestamp queued = Timestamp.from(Instant.now().minus(Duration.ofSeconds(1)));
		List<MapSqlParameterSource> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(new MapSqlParameterSource().addValue("item", "ban-tin-" + (i / subscribers.size()))
				.addValue("subscriber", subscribers.get(i % subscribers.size()))
				.addValue("at", queued));
		}
		jdbc.batchUpdate(
				"INSERT INTO bulletin_delivery (item_id, subscriber_id, status, attempts, next_attempt_at, "
						+ "created_at, updated_at) VALUES (:item, :subscriber, 'QUEUED', 0, :at, :at, :at)",
				rows.toArray(MapSqlParameterSource[]::new));
		long start = System.nanoTime();
		int batch = 0;
		while (claim.claim("bench-" + batch)) {
			jdbc.update("UPDATE bulletin_delivery SET status = 'SENT', lease_owner = NULL, lease_until = NULL "
					+ "WHERE lease_owner = :owner", Map.of("owner", "bench-" + batch));
			batch++;
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		int sent = jdbc.queryForObject("SELECT COUNT(*) FROM bulletin_delivery WHERE status = 'SENT'", Map.of(),
				Integer.class);
		if (sent != count) {
			throw new IllegalStateException(sent + " of " + count + " rows claimed");
		}
		return count / seconds;
	}

	/** The single statement Loa claimed with before. */
	private static boolean single(NamedParameterJdbcTemplate jdbc, String owner) {
		Instant now = Instant.now();
		return jdbc.update("UPDATE bulletin_delivery SET status = 'SENDING', lease_owner = :owner, "
				+ "lease_until = :until, attempts = attempts + 1, updated_at = :now WHERE id IN (SELECT id FROM "
				+ "bulletin_delivery WHERE " + DUE + " ORDER BY next_attempt_at, id FETCH FIRST " + BATCH
				+ " ROWS ONLY) AND " + DUE,
				new MapSqlParameterSource().addValue("owner", owner)
					.addValue("now", Timestamp.from(now))
					.addValue("until", Timestamp.from(now.plus(Duration.ofMinutes(15))))) > 0;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static String format(List<Double> values) {
		return values.stream().map((v) -> String.format("%.0f", v)).toList().toString();
	}

	@FunctionalInterface
	private interface Claim {

		boolean claim(String owner);

	}

}
