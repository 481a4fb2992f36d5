package vn.loa.channels.radio;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much reading time each slot already holds, for fitting one batch of new entries:
 * read once for the days the batch is due (and the week after, where a full slot's
 * entries move), then kept up to date as the batch takes room.
 */
final class SlotRoom {

	/** How many days after its due slot an ordinary entry looks for room. */
	static final int DAYS_AHEAD = 7;

	/** Stations per query. */
	private static final int CHUNK = 1000;

	private final Map<Key, Integer> queued = new HashMap<>();

	SlotRoom(RadioEntries entries, Collection<String> stations, Collection<LocalDate> dueDays) {
		LocalDate from = dueDays.stream().min(LocalDate::compareTo).orElse(null);
		LocalDate to = dueDays.stream().max(LocalDate::compareTo).orElse(null);
		if (from == null || to == null) {
			return;
		}
		List<String> ids = List.copyOf(stations);
		for (int start = 0; start < ids.size(); start += CHUNK) {
			entries.slotTotals(ids.subList(start, Math.min(ids.size(), start + CHUNK)), from, to.plusDays(DAYS_AHEAD))
				.forEach((total) -> this.queued.merge(new Key(total.stationId(), total.date().atTime(total.time())),
						total.seconds(), Integer::sum));
		}
	}

	/**
	 * The first of the station's slots from {@code due} on, within {@link #DAYS_AHEAD}
	 * days, with room for {@code seconds} more; {@code due} itself when none has (a
	 * script longer than any slot, or a week of full slots), where the rundown shows it
	 * running over.
	 */
	LocalDateTime firstWithRoom(RadioStation station, LocalDateTime due, int seconds) {
		LocalDateTime slot = due;
		LocalDateTime last = due.plusDays(DAYS_AHEAD);
		while (!slot.isAfter(last)) {
			int length = station.slotAt(slot.toLocalTime()).seconds();
			if (this.queued.getOrDefault(new Key(station.id(), slot), 0) + seconds <= length) {
				return slot;
			}
			slot = station.firstSlotAtOrAfter(slot.plusMinutes(1));
		}
		return due;
	}

	/** Counts {@code seconds} more in the station's slot. */
	void take(RadioStation station, LocalDateTime slot, int seconds) {
		this.queued.merge(new Key(station.id(), slot), seconds, Integer::sum);
	}

	private record Key(String stationId, LocalDateTime slot) {

	}

}
