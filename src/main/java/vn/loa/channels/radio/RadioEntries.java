package vn.loa.channels.radio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
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

/** The {@code radio_entry} table. */
@Repository
class RadioEntries {

	private static final String COLUMNS = "id, station_id, item_id, slot_date, slot_time, slot_order, title, script, "
			+ "syllables, reading_seconds, status, reason";

	/** The columns with each entry's 1-based position in its slot. */
	private static final String RANKED = COLUMNS
			+ ", ROW_NUMBER() OVER (PARTITION BY station_id, slot_date, slot_time ORDER BY slot_order, id) AS position";

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
				.addValue("now", now))
			.toArray(MapSqlParameterSource[]::new);
		try {
			int queued = 0;
			for (int inserted : this.jdbc.batchUpdate("INSERT INTO radio_entry (station_id, item_id, slot_date, "
					+ "slot_time, slot_order, title, script, syllables, reading_seconds, status, queued_at, updated_at) "
					+ "SELECT :station, :item, :date, :time, :order, :title, :script, :syllables, :seconds, :status, "
					+ ":now, :now WHERE NOT EXISTS (SELECT 1 FROM radio_entry e WHERE e.station_id = :station "
					+ "AND e.item_id = :item)", rows)) {
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
				+ "WHERE station_id = :station AND item_id = :item AND status = :queued AND reading_seconds <> :seconds",
				rows)) {
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
	 */
	record NewEntry(String stationId, String itemId, LocalDateTime slot, String title, String script, int syllables,
			int readingSeconds) {

	}

	/** Removes an item's entries that are still waiting to be read; returns how many. */
	int removeUnread(String itemId) {
		return this.jdbc.update("DELETE FROM radio_entry WHERE item_id = :item AND status = :queued",
				Map.of("item", itemId, "queued", RadioStatus.QUEUED.name()));
	}

	/** A station's entries on a day, by slot and order. */
	List<RadioEntry> ofDay(String stationId, LocalDate date) {
		return this.jdbc.query(
				"SELECT " + RANKED + " FROM radio_entry WHERE station_id = :station "
						+ "AND slot_date = :date ORDER BY slot_time, slot_order, id",
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
		return this.jdbc.query(
				"SELECT station_id, slot_date, slot_time, SUM(reading_seconds) FROM radio_entry "
						+ "WHERE station_id IN (:stations) AND slot_date >= :from AND slot_date <= :to "
						+ "AND status <> 'SKIPPED' GROUP BY station_id, slot_date, slot_time",
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
				rs.getInt("reading_seconds"), RadioStatus.valueOf(rs.getString("status")), rs.getString("reason"));
	}

}
