package vn.loa.channels.email;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * How both outboxes ({@code bulletin_delivery} and {@code confirmation_mail}) hand rows
 * to senders: the rows due now, or whose sender's lease ran out, are claimed in a batch
 * under a lease, so no two nodes send one row and a dead node's rows are taken over; each
 * is then released with what became of it, a temporary failure retried with exponential
 * backoff until {@code loa.email.max-attempts}.
 */
final class LeasedRows {

	private static final String DUE = "((status IN ('QUEUED', 'RETRYING') AND next_attempt_at <= :now) "
			+ "OR (status = 'SENDING' AND lease_until < :now))";

	private static final int REPLY_LENGTH = 1000;

	/** Control characters and Unicode line breaks, kept out of a stored reply. */
	private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern
		.compile("[\\p{Cntrl}\\u2028\\u2029]+");

	private final String table;

	private final NamedParameterJdbcTemplate jdbc;

	private final EmailProperties properties;

	private final Clock clock;

	LeasedRows(String table, NamedParameterJdbcTemplate jdbc, EmailProperties properties, Clock clock) {
		this.table = table;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Now, to the microsecond both databases store: an instant rounded on the way in
	 * could otherwise land after the same instant compared unrounded.
	 */
	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * Claims up to {@code limit} due rows for {@code owner}, which must be unique to this
	 * batch; the caller then reads the rows leased to it. Rows whose lease ran out come
	 * first, then the due ones by when they fell due. The candidates are picked through
	 * the index on (status, next_attempt_at) and claimed by id; the due condition is
	 * checked again in the UPDATE, so when two nodes pick the same rows each row goes to
	 * one of them (on PostgreSQL the second UPDATE waits for the first and re-checks).
	 * @return whether any row was claimed
	 */
	boolean claim(String owner, int limit) {
		Instant now = now();
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("owner", owner)
			.addValue("now", Timestamp.from(now))
			.addValue("until", Timestamp.from(now.plus(this.properties.lease())));
		List<Long> ids = new ArrayList<>(this.jdbc.queryForList("SELECT id FROM " + this.table
				+ " WHERE status = 'SENDING' AND lease_until < :now ORDER BY lease_until, id FETCH FIRST " + limit
				+ " ROWS ONLY", params, Long.class));
		if (ids.size() < limit) {
			// One query per status, each ordered exactly as the index (status,
			// next_attempt_at, id) is, so that the database walks it and stops after the
			// rows it needs; with both statuses in one IN, or without the status in the
			// ORDER BY, H2 read and sorted every due row (a bulletin's 20,000 for each
			// batch of 100). The two short lists are merged here, earliest first.
			int wanted = limit - ids.size();
			List<Due> due = new ArrayList<>();
			for (String status : List.of("QUEUED", "RETRYING")) {
				due.addAll(this.jdbc.query(
						"SELECT id, next_attempt_at FROM " + this.table + " WHERE status = '" + status
								+ "' AND next_attempt_at <= :now ORDER BY status, next_attempt_at, id FETCH FIRST "
								+ wanted + " ROWS ONLY",
						params, (rs, n) -> new Due(rs.getLong(1), rs.getTimestamp(2).toInstant())));
			}
			due.stream()
				.sorted(java.util.Comparator.comparing(Due::at).thenComparingLong(Due::id))
				.limit(wanted)
				.forEach((row) -> ids.add(row.id()));
		}
		if (ids.isEmpty()) {
			return false;
		}
		return this.jdbc.update("UPDATE " + this.table + " SET status = 'SENDING', lease_owner = :owner, "
				+ "lease_until = :until, attempts = attempts + 1, updated_at = :now WHERE id IN (:ids) AND " + DUE,
				params.addValue("ids", ids)) > 0;
	}

	/**
	 * Extends the lease of the rows {@code owner} still holds: a live sender keeps its
	 * batch while a dead one's runs out after one lease.
	 * @return how many rows {@code owner} still holds: fewer than it has not yet recorded
	 * means another sender took them over (this one was paused past its lease)
	 */
	int renew(String owner) {
		Instant now = now();
		return this.jdbc.update(
				"UPDATE " + this.table + " SET lease_until = :until WHERE lease_owner = :owner "
						+ "AND status = 'SENDING'",
				new MapSqlParameterSource().addValue("owner", owner)
					.addValue("until", Timestamp.from(now.plus(this.properties.lease()))));
	}

	/**
	 * Releases claimed rows with their outcomes; rows whose lease was taken over
	 * meanwhile are left to their new owner.
	 */
	void release(String owner, List<Outcome> outcomes) {
		Instant now = now();
		MapSqlParameterSource[] updates = outcomes.stream().map((outcome) -> {
			DeliveryStatus status = status(outcome.result(), outcome.attempts());
			Instant next = (status == DeliveryStatus.RETRYING) ? now.plus(this.properties.backoff(outcome.attempts()))
					: now;
			return new MapSqlParameterSource().addValue("id", outcome.id())
				.addValue("owner", owner)
				.addValue("status", status.name())
				.addValue("reply", clip(outcome.result().reply()), Types.VARCHAR)
				.addValue("sentAt", (status == DeliveryStatus.SENT) ? Timestamp.from(now) : null, Types.TIMESTAMP)
				.addValue("next", Timestamp.from(next))
				.addValue("now", Timestamp.from(now));
		}).toArray(MapSqlParameterSource[]::new);
		this.jdbc.batchUpdate("UPDATE " + this.table + " SET status = :status, last_reply = :reply, "
				+ "sent_at = :sentAt, next_attempt_at = :next, lease_owner = NULL, lease_until = NULL, "
				+ "updated_at = :now WHERE id = :id AND lease_owner = :owner", updates);
	}

	private DeliveryStatus status(SendResult result, int attempts) {
		return switch (result.outcome()) {
			case SENT -> DeliveryStatus.SENT;
			case PERMANENT_FAILURE -> DeliveryStatus.FAILED;
			case CANCELLED -> DeliveryStatus.CANCELLED;
			case TEMPORARY_FAILURE ->
				(attempts >= this.properties.maxAttempts()) ? DeliveryStatus.FAILED : DeliveryStatus.RETRYING;
		};
	}

	/** The server's reply on one line, short enough to keep. */
	private static @Nullable String clip(@Nullable String reply) {
		if (reply == null) {
			return null;
		}
		String line = LINE_BREAKS.matcher(reply).replaceAll(" ").strip();
		return (line.length() > REPLY_LENGTH) ? line.substring(0, REPLY_LENGTH) : line;
	}

	/**
	 * What became of one claimed row.
	 *
	 * @param id the row's id
	 * @param attempts its attempts, this one included
	 * @param result the transport's answer
	 */
	record Outcome(long id, int attempts, SendResult result) {

	}

	private record Due(long id, Instant at) {

	}

}
