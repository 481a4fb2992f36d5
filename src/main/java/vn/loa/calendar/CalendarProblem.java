package vn.loa.calendar;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Something wrong in a calendar or content file, with where it is. The message is
 * English; the key and its arguments let the command line say the same in its reader's
 * language.
 *
 * @param file the file, relative to the data directory when possible
 * @param line the 1-based line, or 0 when the whole file is concerned
 * @param message what is wrong, for a person, in English
 * @param key the message's key in the messages ({@code problem.calendar.date.malformed},
 * or {@code error.} and a content code), or {@code null} when it has none
 * @param arguments the values the key's message quotes, in the order it numbers them
 */
public record CalendarProblem(String file, int line, String message, @Nullable String key, List<String> arguments) {

	public CalendarProblem {
		arguments = List.copyOf(arguments);
	}

	/** A problem without a key, which is shown in English whatever the language. */
	public CalendarProblem(String file, int line, String message) {
		this(file, line, message, null, List.of());
	}

	@Override
	public String toString() {
		return this.file + ":" + this.line + ": " + this.message;
	}

}
