package vn.loa.channels.radio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.loa.content.Priority;

/** The {@code radio_entry} table. */
@Repository
class RadioEntries {

	/** Reading order within a slot: emergency, then priority, then ordinary entries. */
	private static final String RANK = "CASE priority WHEN 'EMERGENCY' THEN 0 WHEN 'PRIORITY' THEN 1 ELSE 2 END";

	private static final String COLUMNS = "id, station_id, item_id, slot_date, slot_time, slot_order, title, script, "
			+ "syllables, reading_seconds, status, reason, priority, moved_from, repeat_minutes, valid_until, airings, "
			+ "last_aired_at";

	/** The columns with each entry's 1-based position in its slot. */
	private static final String RANKED = COLUMNS
			+ ", ROW_NUMBER() OVER (PARTITION BY station_id, slot_date, slot_time, "
			+ "CASE WHEN priority = 'EMERGENCY' THEN 1 ELSE 0 END ORDER BY " + RANK + ", slot_order, id) AS position";

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	RadioEntries(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Queues many entries in one batch of statements, each once per station and item (one
	 * already there is left as it is); returns how many were queued.
	 */
	int appendAll(List<NewEntry> entries) {
		if (entries.isEmpty()) {
			return 0;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		MapSqlParameterSource[] rows = entries.stream()
			.map((entry) -> new MapSqlParameterSource().addValue("station", entry.stationId())
				.addValue("item", entry.itemId())
				.addValue("date", entry.slot().toLocalDate())
				.addValue("time", entry.slot().toLocalTime())
				.addValue("order", 0)
				.addValue("title", entry.title())
				.addValue("script", entry.script())
				.addValue("syllables", entry.syllables())
				.addValue("seconds", entry.readingSeconds())
				.addValue("status", RadioStatus.QUEUED.name())
				.addValue("priority", entry.priority().name())
				.addValue("movedFrom", entry.movedFrom())
				.addValue("repeat", entry.repeatMinutes())
				.addValue("validUntil", (entry.validUntil() != null) ? Timestamp.from(entry.validUntil()) : null)
				.addValue("correction", entry.correction())
				.addValue("now", now))
			.toArray(MapSqlParameterSource[]::new);
		try {
			int queued = 0;
			for (int inserted : this.jdbc.batchUpdate("INSERT INTO radio_entry (station_id, item_id, slot_date, "
					+ "slot_time, slot_order, title, script, syllables, reading_seconds, status, priority, moved_from, "
					+ "repeat_minutes, valid_until, correction, queued_at, updated_at) "
					+ "SELECT :station, :item, :date, :time, :order, :title, :script, :syllables, :seconds, :status, "
					+ ":priority, :movedFrom, :repeat, :validUntil, :correction, :now, :now WHERE NOT EXISTS "
					+ "(SELECT 1 FROM radio_entry e WHERE e.station_id = :station AND e.item_id = :item "
					+ "AND e.correction = :correction)", rows)) {
				queued += Math.max(inserted, 0);
			}
			return queued;
		}
		catch (DuplicateKeyException ex) {
			// Another delivery of the same event won the race and queued them all.
			return 0;
		}
	}

	/**
	 * Sets the reading time of the entries still waiting to be read (the length of their
	 * rendered audio); returns how many changed.
	 */
	int retime(List<Key> keys, int seconds) {
		if (keys.isEmpty()) {
			return 0;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		MapSqlParameterSource[] rows = keys.stream()
			.map((key) -> new MapSqlParameterSource("station", key.stationId()).addValue("item", key.itemId())
				.addValue("seconds", seconds)
				.addValue("now", now)
				.addValue("queued", RadioStatus.QUEUED.name()))
			.toArray(MapSqlParameterSource[]::new);
		int changed = 0;
		for (int count : this.jdbc.batchUpdate("UPDATE radio_entry SET reading_seconds = :seconds, updated_at = :now "
				+ "WHERE station_id = :station AND item_id = :item AND correction = 0 AND status = :queued "
				+ "AND reading_seconds <> :seconds", rows)) {
			changed += Math.max(count, 0);
		}
		return changed;
	}

	/**
	 * One station's entry for one item.
	 *
	 * @param stationId the station
	 * @param itemId the item
	 */
	record Key(String stationId, String itemId) {

	}

	/**
	 * An entry to queue: the item's script for one station's slot.
	 *
	 * @param stationId the station
	 * @param itemId the item
	 * @param slot the slot's day and time
	 * @param title the item's title
	 * @param script what is read
	 * @param syllables how many syllables it has
	 * @param readingSeconds how long it takes this station to read
	 * @param priority the item's priority
	 * @param movedFrom the full slot it was due in, or {@code null}
	 * @param repeatMinutes how often an emergency entry is read again, or {@code null}
	 * @param validUntil until when an emergency entry is read, or {@code null}
	 * @param correction the number of the item's correction it reads, or 0 for the item
	 */
	record NewEntry(String stationId, String itemId, LocalDateTime slot, String title, String script, int syllables,
			int readingSeconds, Priority priority, @Nullable LocalDateTime movedFrom, @Nullable Integer repeatMinutes,
			@Nullable Instant validUntil, int correction) {

		/** An entry for the item itself (not a correction of it). */
		NewEntry(String stationId, String itemId, LocalDateTime slot, String title, String script, int syllables,
				int readingSeconds, Priority priority, @Nullable LocalDateTime movedFrom,
				@Nullable Integer repeatMinutes, @Nullable Instant validUntil) {
			this(stationId, itemId, slot, title, script, syllables, readingSeconds, priority, movedFrom, repeatMinutes,
					validUntil, 0);
		}

		/** An ordinary entry in the slot it was due in. */
		NewEntry(String stationId, String itemId, LocalDateTime slot, String title, String script, int syllables,
				int readingSeconds) {
			this(stationId, itemId, slot, title, script, syllables, readingSeconds, Priority.NORMAL, null, null, null);
		}

	}

	/**
	 * An item's own entries (not its corrections') at every station, as the corrections
	 * need them: those still waiting take the new text, those read get a correction.
	 */
	List<RadioEntry> ofItem(String itemId) {
		return this.jdbc.query("SELECT " + COLUMNS + ", 1 AS position FROM radio_entry WHERE item_id = :item "
				+ "AND correction = 0 " + "ORDER BY station_id", Map.of("item", itemId), this::mapRow);
	}

	/**
	 * Gives an entry still waiting to be read the corrected text; returns whether it was.
	 */
	boolean rewrite(long id, String title, String script, int syllables, int readingSeconds) {
		return this.jdbc.update(
				"UPDATE radio_entry SET title = :title, script = :script, syllables = :syllables, "
						+ "reading_seconds = :seconds, updated_at = :now WHERE id = :id AND status = :queued",
				new MapSqlParameterSource("id", id).addValue("title", title)
					.addValue("script", script)
					.addValue("syllables", syllables)
					.addValue("seconds", readingSeconds)
					.addValue("now", Timestamp.from(this.clock.instant()))
					.addValue("queued", RadioStatus.QUEUED.name())) == 1;
	}

	/**
	 * Removes an item's entries that are still waiting to be read, and ends the repeats
	 * of an emergency entry already read; returns how many were removed.
	 */
	int removeUnread(String itemId) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.update(
				"UPDATE radio_entry SET valid_until = :now, updated_at = :now WHERE item_id = :item "
						+ "AND priority = 'EMERGENCY' AND (valid_until IS NULL OR valid_until > :now)",
				Map.of("item", itemId, "now", now));
		return this.jdbc.update("DELETE FROM radio_entry WHERE item_id = :item AND status = :queued",
				Map.of("item", itemId, "queued", RadioStatus.QUEUED.name()));
	}

	/**
	 * A station's emergency entries still to be read at {@code now} (not expired), and
	 * those that were read on {@code date}, newest first.
	 */
	List<RadioEntry> emergencies(String stationId, Instant now, LocalDate date) {
		return this.jdbc.query("SELECT " + COLUMNS + ", 1 AS position FROM radio_entry WHERE station_id = :station "
				+ "AND priority = 'EMERGENCY' AND (valid_until > :now OR slot_date = :date) ORDER BY queued_at DESC, id",
				new MapSqlParameterSource("station", stationId).addValue("now", Timestamp.from(now))
					.addValue("date", date),
				this::mapRow);
	}

	/**
	 * Records one reading of an emergency entry: it is marked aired, and read again after
	 * its repeat interval until it expires.
	 */
	boolean aired(long id) {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.update("UPDATE radio_entry SET status = 'AIRED', reason = NULL, airings = airings + 1, "
				+ "last_aired_at = :now, updated_at = :now WHERE id = :id", Map.of("id", id, "now", now)) == 1;
	}

	/** A station's entries on a day, by slot and order. */
	List<RadioEntry> ofDay(String stationId, LocalDate date) {
		return this.jdbc.query("SELECT " + RANKED + " FROM radio_entry WHERE station_id = :station "
				+ "AND slot_date = :date AND priority <> 'EMERGENCY' ORDER BY slot_time, " + RANK + ", slot_order, id",
				Map.of("station", stationId, "date", date), this::mapRow);
	}

	Optional<RadioEntry> find(long id) {
		return this.jdbc
			.query("SELECT * FROM (SELECT " + RANKED + " FROM radio_entry WHERE (station_id, slot_date) = "
					+ "(SELECT station_id, slot_date FROM radio_entry WHERE id = :id)) ranked WHERE id = :id",
					Map.of("id", id), this::mapRow)
			.stream()
			.findFirst();
	}

	/** The reading time queued in each slot of these stations between two days. */
	List<SlotTotal> slotTotals(java.util.Collection<String> stations, LocalDate from, LocalDate to) {
		if (stations.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query("SELECT station_id, slot_date, slot_time, SUM(reading_seconds) FROM radio_entry "
				+ "WHERE station_id IN (:stations) AND slot_date >= :from AND slot_date <= :to "
				+ "AND status <> 'SKIPPED' AND priority <> 'EMERGENCY' GROUP BY station_id, slot_date, slot_time",
				Map.of("stations", List.copyOf(stations), "from", from, "to", to),
				(rs, n) -> new SlotTotal(rs.getString(1), rs.getObject(2, LocalDate.class),
						rs.getObject(3, LocalTime.class), rs.getInt(4)));
	}

	/** The reading time queued in one slot of one station on one day. */
	record SlotTotal(String stationId, LocalDate date, LocalTime time, int seconds) {

	}

	/** Marks an entry; the reason is kept for a skipped one and cleared otherwise. */
	boolean mark(long id, RadioStatus status, @Nullable String reason) {
		return this.jdbc.update(
				"UPDATE radio_entry SET status = :status, reason = :reason, updated_at = :now WHERE id = :id",
				new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("id", id)
					.addValue("status", status.name())
					.addValue("reason", (status == RadioStatus.SKIPPED) ? reason : null)
					.addValue("now", Timestamp.from(this.clock.instant()))) == 1;
	}

	private RadioEntry mapRow(ResultSet rs, int row) throws SQLException {
		return new RadioEntry(rs.getLong("id"), rs.getString("station_id"), rs.getString("item_id"),
				rs.getObject("slot_date", LocalDate.class), rs.getObject("slot_time", LocalTime.class),
				rs.getInt("position"), rs.getString("title"), rs.getString("script"), rs.getInt("syllables"),
				rs.getInt("reading_seconds"), RadioStatus.valueOf(rs.getString("status")), rs.getString("reason"),
				Priority.valueOf(rs.getString("priority")), rs.getObject("moved_from", LocalDateTime.class),
				(Integer) rs.getObject("repeat_minutes"), instant(rs, "valid_until"), rs.getInt("airings"),
				instant(rs, "last_aired_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return (at != null) ? at.toInstant() : null;
	}

}
