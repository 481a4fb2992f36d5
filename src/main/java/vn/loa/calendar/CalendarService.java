package vn.loa.calendar;

import java.nio.file.Path;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The calendar Loa runs on: read from {@code loa.calendar-dir} at start-up.
 */
@Service
public class CalendarService {

	private static final Log logger = LogFactory.getLog(CalendarService.class);

	private final Path directory;

	private volatile CalendarLoad current;

	public CalendarService(@Value("${loa.calendar-dir:calendar}") Path directory) {
		this.directory = directory;
		reload();
	}

	/** Reads the files again; files with problems are skipped and their problems kept. */
	public synchronized CalendarLoad reload() {
		CalendarLoad load = CalendarLoader.load(this.directory);
		load.problems().forEach((problem) -> logger.warn("Calendar: " + problem));
		this.current = load;
		return load;
	}

	public CalendarBook book() {
		return this.current.book();
	}

	public List<CalendarProblem> problems() {
		return this.current.problems();
	}

}
