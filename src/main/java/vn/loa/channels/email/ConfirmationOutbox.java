package vn.loa.channels.email;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The confirmation mails to send, in the database: queued in the sign-up's transaction,
 * claimed in batches under a lease as bulletins are (so two nodes never send one row
 * twice, and the rows of a node that died are taken over once its lease ends), and
 * retried with backoff after a temporary failure.
 */
@Component
class ConfirmationOutbox {

	private static final String DUE = "((status IN ('QUEUED', 'RETRYING') AND next_attempt_at <= :now) "
			+ "OR (status = 'SENDING' AND lease_until < :now))";

	private static final int REPLY_LENGTH = 1000;

	private final NamedParameterJdbcTemplate jdbc;

	private final EmailProperties properties;

	private final Clock clock;

	ConfirmationOutbox(NamedParameterJdbcTemplate jdbc, EmailProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Queues a confirmation mail for a pending subscriber in the caller's transaction,
	 * unless one is already waiting to go out: it will carry a fresh link all the same,
	 * since the link is made when the mail is sent.
	 * @return whether a mail was queued
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean queue(long subscriberId) {
		return this.jdbc.update(
				"INSERT INTO confirmation_mail (subscriber_id, status, attempts, next_attempt_at, "
						+ "created_at, updated_at) SELECT :subscriber, 'QUEUED', 0, :now, :now, :now FROM subscriber s "
						+ "WHERE s.id = :subscriber AND NOT EXISTS (SELECT 1 FROM confirmation_mail m "
						+ "WHERE m.subscriber_id = :subscriber AND m.status IN ('QUEUED', 'RETRYING'))",
				Map.of("subscriber", subscriberId, "now", Timestamp.from(now()))) > 0;
	}

	/**
	 * Claims up to {@code limit} due mails for {@code owner}, unique to this batch. The
	 * due condition is repeated outside the sub-select so that an UPDATE that waited for
	 * another node's claim re-checks the row and skips it.
	 */
	@Transactional
	List<Claimed> claim(String owner, int limit) {
		Instant now = now();
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("owner", owner)
			.addValue("now", Timestamp.from(now))
			.addValue("until", Timestamp.from(now.plus(this.properties.lease())));
		int claimed = this.jdbc.update("UPDATE confirmation_mail SET status = 'SENDING', lease_owner = :owner, "
				+ "lease_until = :until, attempts = attempts + 1, updated_at = :now WHERE id IN (SELECT id FROM "
				+ "confirmation_mail WHERE " + DUE + " ORDER BY next_attempt_at, id FETCH FIRST " + limit
				+ " ROWS ONLY) AND " + DUE, params);
		if (claimed == 0) {
			return List.of();
		}
		return this.jdbc.query(
				"SELECT id, subscriber_id, attempts FROM confirmation_mail "
						+ "WHERE lease_owner = :owner AND status = 'SENDING' ORDER BY id",
				params, (rs, n) -> new Claimed(rs.getLong("id"), rs.getLong("subscriber_id"), rs.getInt("attempts")));
	}

	/**
	 * Records what became of a claimed batch; results carry the mail's id negated, as the
	 * transport sees it. Rows whose lease was taken over meanwhile are left to their new
	 * owner.
	 */
	@Transactional
	void record(String owner, List<Claimed> batch, List<SendResult> results) {
		Instant now = now();
		Map<Long, Claimed> claimed = batch.stream().collect(Collectors.toMap(Claimed::id, Function.identity()));
		MapSqlParameterSource[] updates = results.stream().map((result) -> {
			Claimed row = claimed.get(-result.deliveryId());
			DeliveryStatus status = status(result, row.attempts());
			Instant next = (status == DeliveryStatus.RETRYING) ? now.plus(this.properties.backoff(row.attempts()))
					: now;
			return new MapSqlParameterSource().addValue("id", row.id())
				.addValue("owner", owner)
				.addValue("status", status.name())
				.addValue("reply", clip(result.reply()), Types.VARCHAR)
				.addValue("sentAt", (status == DeliveryStatus.SENT) ? Timestamp.from(now) : null, Types.TIMESTAMP)
				.addValue("next", Timestamp.from(next))
				.addValue("now", Timestamp.from(now));
		}).toArray(MapSqlParameterSource[]::new);
		this.jdbc.batchUpdate("UPDATE confirmation_mail SET status = :status, last_reply = :reply, sent_at = :sentAt, "
				+ "next_attempt_at = :next, lease_owner = NULL, lease_until = NULL, updated_at = :now "
				+ "WHERE id = :id AND lease_owner = :owner", updates);
	}

	/** Every confirmation mail of one subscriber, oldest first. */
	List<Mail> forSubscriber(long subscriberId) {
		return this.jdbc.query(
				"SELECT id, status, attempts, last_reply, next_attempt_at FROM confirmation_mail "
						+ "WHERE subscriber_id = :subscriber ORDER BY id",
				Map.of("subscriber", subscriberId),
				(rs, n) -> new Mail(rs.getLong("id"), DeliveryStatus.valueOf(rs.getString("status")),
						rs.getInt("attempts"), rs.getString("last_reply"),
						rs.getTimestamp("next_attempt_at").toInstant()));
	}

	/**
	 * Now, to the microsecond both databases store: an instant rounded on the way in
	 * could otherwise land after the same instant compared unrounded.
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
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

	private static String clip(String reply) {
		if (reply == null) {
			return null;
		}
		String line = reply.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
		return (line.length() > REPLY_LENGTH) ? line.substring(0, REPLY_LENGTH) : line;
	}

	/**
	 * A confirmation mail claimed by a sender.
	 *
	 * @param id the mail's id
	 * @param subscriberId the pending subscriber it asks to confirm
	 * @param attempts attempts so far, this one included
	 */
	record Claimed(long id, long subscriberId, int attempts) {

	}

	/**
	 * Where one confirmation mail stands.
	 *
	 * @param id the mail's id
	 * @param status queued, sending, sent, retrying, failed or cancelled
	 * @param attempts attempts so far
	 * @param lastReply the server's last reply or error
	 * @param nextAttemptAt when it is (or was) due
	 */
	record Mail(long id, DeliveryStatus status, int attempts, String lastReply, Instant nextAttemptAt) {

	}

}
