package vn.loa.channels.radio;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One item queued for one station's slot.
 *
 * @param id the entry's id
 * @param stationId the station
 * @param itemId the content item
 * @param slotDate the day of the slot, in the Loa zone
 * @param slotTime when the slot starts
 * @param order its place in the slot, from 1
 * @param title the item's title when queued
 * @param script what the announcer reads
 * @param syllables Vietnamese syllables in the script
 * @param readingSeconds how long reading it takes at the station's speed
 * @param status queued, aired or skipped
 * @param reason why it was skipped (a commune declining a province's item says so), or
 * {@code null}
 */
public record RadioEntry(long id, String stationId, String itemId, LocalDate slotDate, LocalTime slotTime, int order,
		String title, String script, int syllables, int readingSeconds, RadioStatus status, @Nullable String reason) {

	/** An entry with no reason given. */
	public RadioEntry(long id, String stationId, String itemId, LocalDate slotDate, LocalTime slotTime, int order,
			String title, String script, int syllables, int readingSeconds, RadioStatus status) {
		this(id, stationId, itemId, slotDate, slotTime, order, title, script, syllables, readingSeconds, status, null);
	}

}
