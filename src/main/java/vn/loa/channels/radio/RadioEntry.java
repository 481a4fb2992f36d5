package vn.loa.channels.radio;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import vn.loa.content.Priority;

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
 * @param priority its item's priority: it orders the slot, and an emergency entry is
 * outside the daily slots
 * @param movedFrom the slot it was due in when that slot was full and it moved to this
 * one, or {@code null}
 * @param repeatMinutes how often an emergency entry is read again, or {@code null}
 * @param validUntil until when an emergency entry is read, or {@code null}
 * @param airings how many times it was marked aired
 * @param lastAiredAt when it was last marked aired, or {@code null}
 */
public record RadioEntry(long id, String stationId, String itemId, LocalDate slotDate, LocalTime slotTime, int order,
		String title, String script, int syllables, int readingSeconds, RadioStatus status, @Nullable String reason,
		Priority priority, @Nullable LocalDateTime movedFrom, @Nullable Integer repeatMinutes,
		@Nullable Instant validUntil, int airings, @Nullable Instant lastAiredAt) {

	/** An ordinary entry in a daily slot. */
	public RadioEntry(long id, String stationId, String itemId, LocalDate slotDate, LocalTime slotTime, int order,
			String title, String script, int syllables, int readingSeconds, RadioStatus status,
			@Nullable String reason) {
		this(id, stationId, itemId, slotDate, slotTime, order, title, script, syllables, readingSeconds, status, reason,
				Priority.NORMAL, null, null, null, 0, null);
	}

	/** Whether it is an emergency bulletin, read outside the daily slots. */
	public boolean emergency() {
		return this.priority == Priority.EMERGENCY;
	}

	/**
	 * When an emergency entry is next to be read: at once until first aired, then every
	 * {@code repeatMinutes} after the last airing; {@code null} once it has nothing more
	 * to read (no repeats left before {@code validUntil}, or not an emergency).
	 */
	public @Nullable Instant nextAiring(Instant now) {
		if (!emergency() || (this.validUntil != null && !now.isBefore(this.validUntil))) {
			return null;
		}
		if (this.lastAiredAt == null) {
			return (this.status == RadioStatus.SKIPPED) ? null : now;
		}
		if (this.repeatMinutes == null || this.repeatMinutes <= 0) {
			return null;
		}
		Instant next = this.lastAiredAt.plusSeconds(this.repeatMinutes * 60L);
		return (this.validUntil == null || next.isBefore(this.validUntil)) ? next : null;
	}

	/** An entry with no reason given. */
	public RadioEntry(long id, String stationId, String itemId, LocalDate slotDate, LocalTime slotTime, int order,
			String title, String script, int syllables, int readingSeconds, RadioStatus status) {
		this(id, stationId, itemId, slotDate, slotTime, order, title, script, syllables, readingSeconds, status, null);
	}

}
