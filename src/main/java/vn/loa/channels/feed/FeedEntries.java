package vn.loa.channels.feed;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.loa.transactions.AfterCommit;

/** The {@code feed_entry} table: which items the feeds carry, and since when. */
@Repository
class FeedEntries {

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	/** Whether this node changed the table since the feeds last read its stamp. */
	private final AtomicBoolean changedHere = new AtomicBoolean();

	FeedEntries(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records an item once in the feeds of each organisation given; returns how many
	 * feeds it is new in (a repeated event records nothing).
	 */
	int record(String itemId, List<String> organisations, Instant publishedAt) {
		return record(Map.of(itemId, organisations), Map.of(itemId, publishedAt));
	}

	/**
	 * Records many items at once, each in the feeds of its organisations, in one batch of
	 * statements; returns how many (item, feed) pairs are new.
	 * @param organisations by item id, the organisations whose feeds carry it
	 * @param publishedAt by item id, when it went out
	 */
	int record(Map<String, List<String>> organisations, Map<String, Instant> publishedAt) {
		Timestamp now = Timestamp.from(this.clock.instant());
		List<MapSqlParameterSource> rows = new java.util.ArrayList<>();
		organisations.forEach((itemId, feeds) -> {
			Timestamp at = Timestamp.from(publishedAt.get(itemId));
			feeds.forEach((organisation) -> rows
				.add(new MapSqlParameterSource("itemId", itemId).addValue("organisation", organisation)
					.addValue("publishedAt", at)
					.addValue("now", now)));
		});
		if (rows.isEmpty()) {
			return 0;
		}
		try {
			int added = 0;
			for (int inserted : this.jdbc.batchUpdate("INSERT INTO feed_entry (item_id, organisation, published_at, "
					+ "recorded_at) SELECT :itemId, :organisation, :publishedAt, :now WHERE NOT EXISTS (SELECT 1 "
					+ "FROM feed_entry e WHERE e.item_id = :itemId AND e.organisation = :organisation)",
					rows.toArray(MapSqlParameterSource[]::new))) {
				added += Math.max(inserted, 0);
			}
			if (added > 0) {
				AfterCommit.run(() -> this.changedHere.set(true));
			}
			return added;
		}
		catch (DuplicateKeyException ex) {
			// Another delivery of the same event won the race and recorded them all.
			return 0;
		}
	}

	/**
	 * Marks an item's entries as updated at {@code at} (it was corrected); returns
	 * whether the feeds carry it.
	 */
	boolean touch(String itemId, Instant at) {
		boolean touched = this.jdbc.update("UPDATE feed_entry SET updated_at = :at WHERE item_id = :itemId",
				Map.of("itemId", itemId, "at", Timestamp.from(at))) > 0;
		if (touched) {
			AfterCommit.run(() -> this.changedHere.set(true));
		}
		return touched;
	}

	/** Takes an item out of the feeds; returns whether it was in them. */
	boolean remove(String itemId) {
		boolean removed = this.jdbc.update("DELETE FROM feed_entry WHERE item_id = :itemId",
				Map.of("itemId", itemId)) > 0;
		if (removed) {
			AfterCommit.run(() -> this.changedHere.set(true));
		}
		return removed;
	}

	/**
	 * Set once this node recorded or removed entries and committed: its own readers see
	 * them at once, without waiting for the periodic check. Whoever reads the stamp
	 * clears it.
	 */
	AtomicBoolean localChanges() {
		return this.changedHere;
	}

	Optional<FeedEntry> find(String itemId) {
		return this.jdbc
			.query("SELECT item_id, published_at FROM feed_entry WHERE item_id = :itemId", Map.of("itemId", itemId),
					(rs, n) -> new FeedEntry(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.stream()
			.findFirst();
	}

	/** The newest entries of an organisation's feeds first, at most {@code limit}. */
	List<FeedEntry> newest(String organisation, int limit) {
		return this.jdbc.query(
				"SELECT item_id, published_at FROM feed_entry WHERE organisation = :organisation "
						+ "ORDER BY published_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY",
				Map.of("organisation", organisation),
				(rs, n) -> new FeedEntry(rs.getString(1), rs.getTimestamp(2).toInstant()));
	}

	/**
	 * The entries published from {@code from} (inclusive) to {@code to} (exclusive),
	 * newest first.
	 */
	List<FeedEntry> between(String organisation, Instant from, Instant to) {
		return this.jdbc.query(
				"SELECT item_id, published_at FROM feed_entry WHERE organisation = :organisation "
						+ "AND published_at >= :from AND published_at < :to ORDER BY published_at DESC, id DESC",
				Map.of("organisation", organisation, "from", Timestamp.from(from), "to", Timestamp.from(to)),
				(rs, n) -> new FeedEntry(rs.getString(1), rs.getTimestamp(2).toInstant()));
	}

	/**
	 * A cheap fingerprint of the table: when it differs from the one a cached feed was
	 * built from, the cache is stale (another instance recorded, or a transaction rolled
	 * back).
	 */
	Stamp stamp() {
		return this.jdbc.getJdbcTemplate()
			.queryForObject("SELECT COUNT(*), COALESCE(MAX(id), 0), MAX(updated_at) FROM feed_entry", (rs, n) -> {
				Timestamp updated = rs.getTimestamp(3);
				return new Stamp(rs.getLong(1), rs.getLong(2), (updated != null) ? updated.getTime() : 0);
			});
	}

	record FeedEntry(String itemId, Instant publishedAt) {

	}

	/**
	 * @param count how many entries
	 * @param maxId the newest entry's id
	 * @param updated when an entry's item was last corrected, in epoch milliseconds, or 0
	 */
	record Stamp(long count, long maxId, long updated) {

	}

}
