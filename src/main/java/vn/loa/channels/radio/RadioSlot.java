package vn.loa.channels.radio;

import java.time.LocalTime;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A daily broadcast slot of a station.
 *
 * @param time when it starts, in the Loa zone ({@code 06:00})
 * @param minutes how long it lasts
 */
public record RadioSlot(@DateTimeFormat(pattern = "H:mm") LocalTime time, @DefaultValue("30") int minutes) {

	/** Length of a slot when none is given. */
	public static final int DEFAULT_MINUTES = 30;

	public RadioSlot {
		if (time == null) {
			throw new IllegalArgumentException("a radio slot needs a time");
		}
		if (minutes < 1) {
			throw new IllegalArgumentException("a radio slot lasts at least a minute, was " + minutes);
		}
	}

	public int seconds() {
		return this.minutes * 60;
	}

}
