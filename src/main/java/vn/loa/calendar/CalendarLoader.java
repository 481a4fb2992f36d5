package vn.loa.calendar;

import java.nio.file.Path;
import java.util.List;

/** Reads the {@code calendar/} directory. */
public final class CalendarLoader {

	private CalendarLoader() {
	}

	/**
	 * Reads every file under {@code directory}; a bad file never stops the others
	 * loading.
	 */
	public static CalendarLoad load(Path directory) {
		// Placeholder until the YAML loader lands.
		return new CalendarLoad(CalendarBook.empty(), List.of());
	}

}
