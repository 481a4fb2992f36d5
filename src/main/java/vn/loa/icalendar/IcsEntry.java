package vn.loa.icalendar;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One VEVENT before it is written: either whole days or a moment.
 *
 * @param uid stable across requests and restarts
 * @param summary the line a calendar app shows
 * @param description the details, or {@code null}
 * @param categories CATEGORIES values
 * @param firstDay first day of an all-day entry, or {@code null}
 * @param endExclusive the day after the last day of an all-day entry, or {@code null}
 * @param at the moment of a timed entry, or {@code null}
 */
record IcsEntry(String uid, String summary, String description, List<String> categories, @Nullable LocalDate firstDay,
		@Nullable LocalDate endExclusive, @Nullable Instant at) {

	static IcsEntry allDay(String uid, String summary, String description, List<String> categories, LocalDate firstDay,
			LocalDate lastDay) {
		return new IcsEntry(uid, summary, description, categories, firstDay, lastDay.plusDays(1), null);
	}

	static IcsEntry at(String uid, String summary, String description, List<String> categories, Instant at) {
		return new IcsEntry(uid, summary, description, categories, null, null, at);
	}

	boolean isAllDay() {
		return this.firstDay != null;
	}

}
