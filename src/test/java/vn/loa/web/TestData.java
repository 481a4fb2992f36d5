package vn.loa.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

import vn.loa.importer.CalendarCopies;

/**
 * A data directory of its own for one test class's Loa: the H2 database and the outbox,
 * an empty {@code content/} and, when asked, a copy of the shipped {@code calendar/} the
 * test may change.
 */
public final class TestData {

	private TestData() {
	}

	/** A fresh data directory with an empty {@code content/}. */
	public static Path directory(String prefix) {
		try {
			Path data = Files.createTempDirectory(prefix);
			Files.createDirectories(data.resolve("content"));
			return data;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** As {@link #directory(String)}, with a copy of the shipped calendar. */
	public static Path withCalendar(String prefix) {
		Path data = directory(prefix);
		try {
			CalendarCopies.copy(data);
			return data;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Points Loa at the directory: its data, its content and, if it has one, its
	 * calendar.
	 */
	public static void register(DynamicPropertyRegistry registry, Path data) {
		registry.add("loa.data-dir", data::toString);
		registry.add("loa.content-dir", () -> data.resolve("content").toString());
		if (Files.isDirectory(data.resolve("calendar"))) {
			registry.add("loa.calendar-dir", () -> data.resolve("calendar").toString());
		}
	}

}
