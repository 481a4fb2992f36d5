package vn.loa.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as written in the calendar files: {@code dd/MM/yyyy}, or {@code dd/MM} when the
 * year is not known. Days and months may have one digit, as plans write them
 * ({@code 02/9/1945}).
 */
record WrittenDate(String text, int day, int month, Integer year) {

	private static final Pattern PATTERN = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?");

	/** Parses {@code text}, or fails with a message that names it. */
	static WrittenDate parse(String text) {
		Matcher matcher = PATTERN.matcher(text.strip());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("malformed date '" + text + "', expected dd/MM/yyyy");
		}
		int day = Integer.parseInt(matcher.group(1));
		int month = Integer.parseInt(matcher.group(2));
		Integer year = (matcher.group(3) != null) ? Integer.valueOf(matcher.group(3)) : null;
		try {
			// 2000 is a leap year, so 29/02 without a year is accepted.
			LocalDate.of((year != null) ? year : 2000, month, day);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("impossible date '" + text + "'");
		}
		return new WrittenDate(text, day, month, year);
	}

	/** Parses a date that must have a year. */
	static LocalDate parseFull(String text) {
		WrittenDate date = parse(text);
		if (date.year() == null) {
			throw new IllegalArgumentException("date '" + text + "' needs a year, as dd/MM/yyyy");
		}
		return LocalDate.of(date.year(), date.month(), date.day());
	}

}
