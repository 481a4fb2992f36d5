package vn.loa.channels.email;

import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Lets the benchmarks in {@code vn.loa.bench} claim outbox rows with the package-private
 * {@link LeasedRows} as it is, rather than a copy of it. Test code only.
 */
public final class LeasedRowsBenchmarkAccess {

	private final LeasedRows rows;

	private LeasedRowsBenchmarkAccess(String table, NamedParameterJdbcTemplate jdbc) {
		this.rows = new LeasedRows(table, jdbc, new EmailProperties("Loa <loa@localhost>", "", 100,
				Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1), 8, 1),
				Clock.systemUTC());
	}

	/** Loa's claims on {@code table}, with the default lease. */
	public static LeasedRowsBenchmarkAccess of(String table, NamedParameterJdbcTemplate jdbc) {
		return new LeasedRowsBenchmarkAccess(table, jdbc);
	}

	/** Claims up to {@code limit} due rows for {@code owner}, as the sender does. */
	public boolean claim(String owner, int limit) {
		return this.rows.claim(owner, limit);
	}

}
