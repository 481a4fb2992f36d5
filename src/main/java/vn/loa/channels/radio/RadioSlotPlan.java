package vn.loa.channels.radio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One station's slot on one day, as the announcer reads it: entries in order with a
 * running total of reading time.
 *
 * @param station the station
 * @param date the day
 * @param slot the slot
 * @param lines the entries in reading order
 */
public record RadioSlotPlan(RadioStation station, LocalDate date, RadioSlot slot, List<Line> lines) {

	static RadioSlotPlan of(RadioStation station, LocalDate date, RadioSlot slot, List<RadioEntry> entries) {
		List<Line> lines = new ArrayList<>();
		int total = 0;
		for (RadioEntry entry : entries) {
			total += entry.readingSeconds();
			lines.add(new Line(entry, total, total > slot.seconds()));
		}
		return new RadioSlotPlan(station, date, slot, List.copyOf(lines));
	}

	/** Reading time of every entry in the slot. */
	public int totalSeconds() {
		return this.lines.isEmpty() ? 0 : this.lines.get(this.lines.size() - 1).runningSeconds();
	}

	/** Whether the entries take longer than the slot lasts. */
	public boolean overLength() {
		return totalSeconds() > this.slot.seconds();
	}

	/**
	 * An entry and the reading time up to and including it.
	 *
	 * @param entry the entry
	 * @param runningSeconds reading time of this and every earlier entry
	 * @param over whether the running total has passed the slot's length
	 */
	public record Line(RadioEntry entry, int runningSeconds, boolean over) {

	}

}
