package vn.loa.channels.radio;

import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the configuration says about radio: stations to seed into the database when they
 * are missing (with none configured, the one default station), and the slots and reading
 * speed a station added at the desk gets when its form leaves them blank.
 *
 * @param stations the stations to seed
 * @param defaults what a new station gets by default
 */
@ConfigurationProperties("loa.radio")
record RadioProperties(List<RadioStation> stations, Defaults defaults) {

	RadioProperties(@Nullable List<RadioStation> stations, @Nullable Defaults defaults) {
		this.stations = (stations == null || stations.isEmpty()) ? List.of(RadioStation.DEFAULT)
				: List.copyOf(stations);
		this.defaults = (defaults != null) ? defaults : new Defaults(null, 200);
		Set<String> ids = new HashSet<>();
		for (RadioStation station : this.stations) {
			if (!ids.add(station.id())) {
				throw new IllegalArgumentException("radio station '" + station.id() + "' is configured twice");
			}
		}
	}

	/**
	 * What a station added at the desk gets when its form leaves it blank.
	 *
	 * @param slots daily slots (06:00 and 17:00, 30 minutes each, when none are given)
	 * @param syllablesPerMinute the announcer's reading speed
	 */
	record Defaults(List<RadioSlot> slots, int syllablesPerMinute) {

		Defaults(@Nullable List<RadioSlot> slots, int syllablesPerMinute) {
			this.slots = (slots == null || slots.isEmpty())
					? List.of(new RadioSlot(LocalTime.of(6, 0), RadioSlot.DEFAULT_MINUTES),
							new RadioSlot(LocalTime.of(17, 0), RadioSlot.DEFAULT_MINUTES))
					: List.copyOf(slots);
			this.syllablesPerMinute = (syllablesPerMinute > 0) ? syllablesPerMinute : 200;
		}

	}

}
