package vn.loa.channels.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.Subscribers;
import vn.loa.subscribers.Subscribers.Mailbox;

/**
 * The email outbox: one delivery per published item and confirmed subscriber. Rows are
 * queued in the transaction that handles {@code ContentPublished}, claimed in batches
 * under a lease by the sender, and record each attempt's outcome.
 */
@Component
public class BulletinDeliveries {

	private static final int RECIPIENT_BATCH = 1000;

	/**
	 * When an emergency bulletin's deliveries fall due: before anything else queued, so
	 * that the senders, which claim the earliest due rows first, send them ahead of every
	 * bulletin already waiting.
	 */
	static final Instant AHEAD_OF_EVERYTHING = Instant.EPOCH;

	/** An audience of at most this many organisations is queued together with others. */
	private static final int SMALL_AUDIENCE = 20;

	/** One delivery for an item and a mailbox, unless it has one. */
	private static final String INSERT_MISSING = "INSERT INTO bulletin_delivery (item_id, subscriber_id, email_key, "
			+ "status, attempts, next_attempt_at, created_at, updated_at) SELECT :item, :subscriber, :mailbox, 'QUEUED', "
			+ "0, :due, :now, :now WHERE NOT EXISTS (SELECT 1 FROM bulletin_delivery d WHERE d.item_id = :item "
			+ "AND d.email_key = :mailbox)";

	private final NamedParameterJdbcTemplate jdbc;

	private final Subscribers subscribers;

	private final EmailProperties properties;

	private final Clock clock;

	private final TransactionTemplate savepoint;

	private final LeasedRows leases;

	private final ApplicationEventPublisher events;

	BulletinDeliveries(NamedParameterJdbcTemplate jdbc, Subscribers subscribers, EmailProperties properties,
			Clock clock, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.subscribers = subscribers;
		this.properties = properties;
		this.clock = clock;
		this.leases = new LeasedRows("bulletin_delivery", jdbc, properties, clock);
	}

	/** Every delivery of an item, by id, with its recipient's address. */
	public List<Delivery> forItem(String itemId) {
		return forItem(itemId, null);
	}

	/**
	 * An item's deliveries to the subscribers of these organisations ({@code null}: to
	 * everyone), by id: what a commune sees of a province's bulletin is its own
	 * residents'.
	 */
	public List<Delivery> forItem(String itemId, @Nullable Collection<String> organisations) {
		Map<String, Object> params = new java.util.HashMap<>(Map.of("item", itemId));
		return deliveries("item_id = :item" + subscribersOf(organisations, params), params);
	}

	/**
	 * {@code AND} the recipient is a subscriber of one of {@code organisations}; nothing
	 * for {@code null}, and none at all for an empty list.
	 */
	private static String subscribersOf(@Nullable Collection<String> organisations, Map<String, Object> params) {
		if (organisations == null) {
			return "";
		}
		if (organisations.isEmpty()) {
			return " AND 1 = 0";
		}
		params.put("organisations", List.copyOf(organisations));
		return " AND subscriber_id IN (SELECT id FROM subscriber WHERE organisation IN (:organisations))";
	}

	/** Every bulletin sent (or to be sent) to one subscriber, by id. */
	public List<Delivery> forSubscriber(long subscriberId) {
		return deliveries("subscriber_id = :subscriber", Map.of("subscriber", subscriberId));
	}

	/**
	 * The bulletins queued so far, newest first, each with its deliveries counted by
	 * status. One grouped query counts every bulletin of the page, so a long list costs
	 * no more queries than a short one.
	 * @param offset how many of the newest bulletins to skip
	 * @param limit how many to return at most
	 */
	public List<Bulletin> recent(int offset, int limit) {
		return recent(offset, limit, null);
	}

	/**
	 * The bulletins queued so far to the subscribers of these organisations
	 * ({@code null}: to anyone), newest first, their deliveries to those subscribers
	 * counted by status.
	 */
	public List<Bulletin> recent(int offset, int limit, @Nullable Collection<String> organisations) {
		if (offset < 0 || limit < 1) {
			throw new IllegalArgumentException(
					"offset must be 0 or more and limit 1 or more, not offset " + offset + " and limit " + limit);
		}
		Map<String, Object> params = new java.util.HashMap<>(Map.of("offset", offset, "limit", limit));
		return this.jdbc.query(
				"SELECT item_id, MIN(created_at) AS queued_at, "
						+ "SUM(CASE WHEN status = 'SENT' THEN 1 ELSE 0 END) AS sent, "
						+ "SUM(CASE WHEN status = 'RETRYING' THEN 1 ELSE 0 END) AS retrying, "
						+ "SUM(CASE WHEN status IN ('QUEUED', 'SENDING') THEN 1 ELSE 0 END) AS pending, "
						+ "SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed, "
						+ "SUM(CASE WHEN status = 'CANCELLED' THEN 1 ELSE 0 END) AS cancelled "
						+ "FROM bulletin_delivery WHERE 1 = 1" + subscribersOf(organisations, params)
						+ " GROUP BY item_id ORDER BY queued_at DESC, item_id "
						+ "OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY",
				params, (rs, n) -> new Bulletin(rs.getString("item_id"), instant(rs, "queued_at"), rs.getInt("sent"),
						rs.getInt("retrying"), rs.getInt("pending"), rs.getInt("failed"), rs.getInt("cancelled")));
	}

	/**
	 * How many bulletins failed for good for the subscribers of each of these
	 * organisations, among those queued since {@code since}; absent is none.
	 */
	public Map<String, Integer> failedByOrganisation(Collection<String> organisations, Instant since) {
		if (organisations.isEmpty()) {
			return Map.of();
		}
		Map<String, Integer> failed = new java.util.HashMap<>();
		this.jdbc.query(
				"SELECT s.organisation, COUNT(*) FROM bulletin_delivery d JOIN subscriber s ON s.id = d.subscriber_id "
						+ "WHERE d.status = 'FAILED' AND d.created_at >= :since AND s.organisation IN (:organisations) "
						+ "GROUP BY s.organisation",
				Map.of("organisations", List.copyOf(organisations), "since", Timestamp.from(since)),
				(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> failed.put(rs.getString(1), rs.getInt(2)));
		return failed;
	}

	/**
	 * Puts an item's failed deliveries back in the queue, due now; the sender then tries
	 * each once more (its attempts are kept, so a further temporary failure ends it
	 * again). Announced as {@link DeliveriesResent} when there were any.
	 * @param actor who asked for it
	 * @return how many deliveries were queued again
	 */
	@Transactional
	public int resendFailed(String itemId, String actor) {
		return resendFailed(itemId, null, actor);
	}

	/**
	 * Puts an item's failed deliveries to the subscribers of these organisations
	 * ({@code null}: to anyone) back in the queue, as
	 * {@link #resendFailed(String, String)}.
	 */
	@Transactional
	public int resendFailed(String itemId, @Nullable Collection<String> organisations, String actor) {
		Timestamp now = Timestamp.from(this.clock.instant());
		Map<String, Object> params = new java.util.HashMap<>(Map.of("item", itemId, "now", now));
		int queued = this.jdbc
			.update("UPDATE bulletin_delivery SET status = 'RETRYING', next_attempt_at = :now, updated_at = :now "
					+ "WHERE item_id = :item AND status = 'FAILED'" + subscribersOf(organisations, params), params);
		if (queued > 0) {
			this.events.publishEvent(new DeliveriesResent(actor, itemId, queued));
		}
		return queued;
	}

	/**
	 * Cancels an item's deliveries still waiting for the sender; returns how many. One
	 * that a sender holds right now is cancelled by the sender, which finds the item
	 * withdrawn.
	 */
	@Transactional
	int cancelUnsent(String itemId) {
		return this.jdbc.update(
				"UPDATE bulletin_delivery SET status = 'CANCELLED', last_reply = 'item withdrawn', updated_at = :now "
						+ "WHERE item_id = :item AND status IN ('QUEUED', 'RETRYING')",
				Map.of("item", itemId, "now", Timestamp.from(this.clock.instant())));
	}

	private List<Delivery> deliveries(String where, Map<String, ?> params) {
		List<Row> rows = this.jdbc.query(
				"SELECT id, item_id, subscriber_id, status, attempts, last_reply, sent_at, "
						+ "next_attempt_at, updated_at FROM bulletin_delivery WHERE " + where + " ORDER BY id",
				params,
				(rs, n) -> new Row(rs.getLong("id"), rs.getString("item_id"), rs.getLong("subscriber_id"),
						DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
						rs.getString("last_reply"), instant(rs, "sent_at"), instant(rs, "next_attempt_at"),
						instant(rs, "updated_at")));
		Map<Long, Subscriber> recipients = this.subscribers
			.findAll(rows.stream().map(Row::subscriberId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Subscriber::id, Function.identity()));
		return rows.stream().map((row) -> row.toDelivery(recipients.get(row.subscriberId()))).toList();
	}

	/**
	 * Queues the item once for every mailbox confirmed in any organisation of its
	 * audience that does not have it yet, asking {@code subscribers} for them a thousand
	 * at a time: a resident following several of them gets one bulletin, and handling the
	 * same publication twice queues nothing more. Should two handle it at the same
	 * moment, the unique key stops the later one, which then finds the other's rows
	 * committed and tries again; the savepoint keeps its transaction usable on
	 * PostgreSQL.
	 * @return how many mailboxes there were and how many deliveries were queued now
	 */
	@Transactional
	Queued enqueue(String itemId, Collection<String> audience) {
		return enqueue(itemId, audience, false);
	}

	/** {@link #enqueue}, ahead of every queued bulletin when {@code urgent}. */
	private Queued enqueue(String itemId, Collection<String> audience, boolean urgent) {
		return inSavepoint(() -> insertMissing(itemId, audience, urgent));
	}

	/**
	 * Queues in a savepoint and, should another node or thread have queued the same rows
	 * at the same moment (the unique key stops this one), once more: the other's rows are
	 * then committed and skipped.
	 */
	private <T> T inSavepoint(java.util.function.Supplier<T> queueing) {
		try {
			return Objects.requireNonNull(this.savepoint.execute((status) -> queueing.get()), "queued");
		}
		catch (DuplicateKeyException ex) {
			return Objects.requireNonNull(this.savepoint.execute((status) -> queueing.get()), "queued");
		}
	}

	/**
	 * {@link #enqueue} for many items at once: those whose audiences hold few mailboxes
	 * (a commune's own item) are queued with one query for their mailboxes and one batch
	 * of rows; the others (a national item's thousands) one by one, in batches of a
	 * thousand.
	 * @param audiences by item id, its organisations
	 * @return by item id, what queueing it found
	 */
	@Transactional
	Map<String, Queued> enqueueAll(Map<String, List<String>> audiences) {
		return enqueueAll(audiences, Set.of());
	}

	/**
	 * {@link #enqueueAll(Map)}, the {@code urgent} items' deliveries (emergency
	 * bulletins) due before every other queued delivery.
	 */
	@Transactional
	Map<String, Queued> enqueueAll(Map<String, List<String>> audiences, Set<String> urgent) {
		Map<String, List<String>> small = new java.util.LinkedHashMap<>();
		Map<String, Queued> queued = new java.util.LinkedHashMap<>();
		audiences.forEach((item, audience) -> {
			if (audience.size() <= SMALL_AUDIENCE) {
				small.put(item, audience);
			}
		});
		// More mailboxes than a list should hold at once: each item on its own.
		this.subscribers
			.mailboxesByOrganisation(small.values().stream().flatMap(List::stream).collect(Collectors.toSet()),
					RECIPIENT_BATCH * 10)
			.ifPresent(
					(byOrganisation) -> queued.putAll(inSavepoint(() -> insertMissing(small, byOrganisation, urgent))));
		audiences.forEach((item, audience) -> {
			if (!queued.containsKey(item)) {
				queued.put(item, enqueue(item, audience, urgent.contains(item)));
			}
		});
		return queued;
	}

	/**
	 * Queues each item for the mailboxes of its organisations, one per mailbox (its
	 * earliest subscription among them), in one batch.
	 */
	private Map<String, Queued> insertMissing(Map<String, List<String>> audiences,
			Map<String, List<Mailbox>> byOrganisation, Set<String> urgent) {
		Timestamp now = Timestamp.from(this.clock.instant());
		Timestamp ahead = Timestamp.from(AHEAD_OF_EVERYTHING);
		List<MapSqlParameterSource> rows = new ArrayList<>();
		List<String> rowItems = new ArrayList<>();
		Map<String, Integer> mailboxes = new java.util.LinkedHashMap<>();
		audiences.forEach((item, audience) -> {
			Map<String, Long> earliest = new java.util.TreeMap<>();
			audience.forEach((organisation) -> byOrganisation.getOrDefault(organisation, List.of())
				.forEach((mailbox) -> earliest.merge(mailbox.emailKey(), mailbox.subscriberId(), Math::min)));
			mailboxes.put(item, earliest.size());
			earliest.forEach((mailbox, subscriber) -> {
				rows.add(new MapSqlParameterSource("item", item).addValue("subscriber", subscriber)
					.addValue("mailbox", mailbox)
					.addValue("now", now)
					.addValue("due", urgent.contains(item) ? ahead : now));
				rowItems.add(item);
			});
		});
		Map<String, Integer> added = new java.util.HashMap<>();
		if (!rows.isEmpty()) {
			int[] inserted = this.jdbc.batchUpdate(INSERT_MISSING, rows.toArray(MapSqlParameterSource[]::new));
			for (int i = 0; i < inserted.length; i++) {
				added.merge(rowItems.get(i), Math.max(inserted[i], 0), Integer::sum);
			}
		}
		Map<String, Queued> queued = new java.util.LinkedHashMap<>();
		mailboxes.forEach((item, count) -> queued.put(item, new Queued(count, added.getOrDefault(item, 0))));
		return queued;
	}

	private Queued insertMissing(String itemId, Collection<String> audience, boolean urgent) {
		Timestamp now = Timestamp.from(this.clock.instant());
		Timestamp due = urgent ? Timestamp.from(AHEAD_OF_EVERYTHING) : now;
		int[] queued = { 0 };
		int mailboxes = this.subscribers.forEachMailbox(audience, RECIPIENT_BATCH, (batch) -> {
			MapSqlParameterSource[] rows = batch.stream()
				.map((mailbox) -> new MapSqlParameterSource("item", itemId)
					.addValue("subscriber", mailbox.subscriberId())
					.addValue("mailbox", mailbox.emailKey())
					.addValue("now", now)
					.addValue("due", due))
				.toArray(MapSqlParameterSource[]::new);
			for (int inserted : this.jdbc.batchUpdate(INSERT_MISSING, rows)) {
				queued[0] += Math.max(inserted, 0);
			}
		});
		return new Queued(mailboxes, queued[0]);
	}

	/**
	 * What queueing an item found.
	 *
	 * @param mailboxes the confirmed mailboxes of its audience
	 * @param added the deliveries queued now (none when handled before)
	 */
	record Queued(int mailboxes, int added) {

	}

	/**
	 * Claims up to {@code limit} due deliveries for {@code owner}, which must be unique
	 * to this batch (see {@link LeasedRows}).
	 */
	@Transactional
	List<Claimed> claim(String owner, int limit) {
		if (!this.leases.claim(owner, limit)) {
			return List.of();
		}
		return this.jdbc.query(
				"SELECT id, item_id, subscriber_id, attempts FROM bulletin_delivery "
						+ "WHERE lease_owner = :owner AND status = 'SENDING' ORDER BY id",
				Map.of("owner", owner), (rs, n) -> new Claimed(rs.getLong("id"), rs.getString("item_id"),
						rs.getLong("subscriber_id"), rs.getInt("attempts")));
	}

	/**
	 * Records what became of a claimed batch: sent, failed for good, or retried with
	 * backoff (see {@link LeasedRows}).
	 */
	@Transactional
	int record(String owner, List<Claimed> batch, List<SendResult> results) {
		return record(owner, batch, results, true);
	}

	/**
	 * Extends the lease of the rows {@code owner} still holds.
	 * @return how many it still holds
	 */
	@Transactional
	int renew(String owner) {
		return this.leases.renew(owner);
	}

	/**
	 * As {@link #record(String, List, List)}, renewing the batch's lease only when asked
	 * (see {@link BatchLease#renewDue()}).
	 * @return the rows the batch still held before, or -1 when the lease was not renewed
	 */
	@Transactional
	int record(String owner, List<Claimed> batch, List<SendResult> results, boolean renew) {
		Map<Long, Claimed> claimed = batch.stream().collect(Collectors.toMap(Claimed::id, Function.identity()));
		int held = renew ? this.leases.renew(owner) : -1;
		this.leases.release(owner,
				results.stream()
					.map((result) -> new LeasedRows.Outcome(result.deliveryId(),
							Objects.requireNonNull(claimed.get(result.deliveryId()), "claimed row").attempts(), result))
					.toList());
		return held;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * A delivery claimed by a sender.
	 *
	 * @param id the delivery's id
	 * @param itemId the item to send
	 * @param subscriberId the recipient
	 * @param attempts attempts so far, this one included
	 */
	record Claimed(long id, String itemId, long subscriberId, int attempts) {

	}

	private record Row(long id, String itemId, long subscriberId, DeliveryStatus status, int attempts,
			@Nullable String lastReply, @Nullable Instant sentAt, @Nullable Instant nextAttemptAt,
			@Nullable Instant updatedAt) {

		Delivery toDelivery(@Nullable Subscriber subscriber) {
			return new Delivery(this.id, this.itemId, this.subscriberId,
					(subscriber != null) ? subscriber.email() : null, this.status, this.attempts, this.lastReply,
					this.sentAt, (this.status == DeliveryStatus.QUEUED || this.status == DeliveryStatus.RETRYING)
							? this.nextAttemptAt : null,
					(this.attempts > 0) ? this.updatedAt : null);
		}

	}

}
