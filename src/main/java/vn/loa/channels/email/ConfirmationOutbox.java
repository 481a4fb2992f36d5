package vn.loa.channels.email;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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

	private final NamedParameterJdbcTemplate jdbc;

	private final LeasedRows leases;

	ConfirmationOutbox(NamedParameterJdbcTemplate jdbc, EmailProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.leases = new LeasedRows("confirmation_mail", jdbc, properties, clock);
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
						+ "created_at, updated_at) SELECT :subscriber, 'QUEUED', 0, :now, :now, :now "
						+ "WHERE NOT EXISTS (SELECT 1 FROM confirmation_mail m "
						+ "WHERE m.subscriber_id = :subscriber AND m.status IN ('QUEUED', 'RETRYING'))",
				Map.of("subscriber", subscriberId, "now", Timestamp.from(this.leases.now()))) > 0;
	}

	/**
	 * Claims up to {@code limit} due mails for {@code owner}, unique to this batch (see
	 * {@link LeasedRows}).
	 */
	@Transactional
	List<Claimed> claim(String owner, int limit) {
		if (!this.leases.claim(owner, limit)) {
			return List.of();
		}
		return this.jdbc.query(
				"SELECT id, subscriber_id, attempts FROM confirmation_mail "
						+ "WHERE lease_owner = :owner AND status = 'SENDING' ORDER BY id",
				Map.of("owner", owner),
				(rs, n) -> new Claimed(rs.getLong("id"), rs.getLong("subscriber_id"), rs.getInt("attempts")));
	}

	/**
	 * Records what became of a claimed batch; results carry the mail's id negated, as the
	 * transport sees it (see {@link LeasedRows}).
	 */
	@Transactional
	int record(String owner, List<Claimed> batch, List<SendResult> results) {
		Map<Long, Claimed> claimed = batch.stream().collect(Collectors.toMap(Claimed::id, Function.identity()));
		int held = this.leases.renew(owner);
		this.leases.release(owner, results.stream().map((result) -> {
			Claimed row = java.util.Objects.requireNonNull(claimed.get(-result.deliveryId()), "claimed row");
			return new LeasedRows.Outcome(row.id(), row.attempts(), result);
		}).toList());
		return held;
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
	 * Deletes the mails that reached their end (sent, failed or cancelled) before
	 * {@code before}; queued, sending and retrying ones stay whatever their age.
	 * @return how many were deleted
	 */
	@Transactional
	int prune(Instant before) {
		return this.jdbc.update(
				"DELETE FROM confirmation_mail WHERE status IN ('SENT', 'FAILED', 'CANCELLED') AND updated_at < :before",
				Map.of("before", Timestamp.from(before)));
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
