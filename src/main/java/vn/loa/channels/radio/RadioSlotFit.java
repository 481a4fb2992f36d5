package vn.loa.channels.radio;

import java.time.LocalDate;

/**
 * How a script due at some time would fit the slot it goes into at one station: the
 * slot's length, what is already queued there and the script's own reading time at the
 * station's speed.
 *
 * @param station the station
 * @param date the day of the slot
 * @param slot the slot
 * @param queuedSeconds reading time already queued in the slot
 * @param readingSeconds the script's reading time at this station
 */
public record RadioSlotFit(RadioStation station, LocalDate date, RadioSlot slot, int queuedSeconds,
		int readingSeconds) {

	/** Seconds left in the slot once the script is read; negative when it overruns. */
	public int remainingSeconds() {
		return this.slot.seconds() - this.queuedSeconds - this.readingSeconds;
	}

	/** Whether the slot would run over its length with this script in it. */
	public boolean over() {
		return remainingSeconds() < 0;
	}

}
