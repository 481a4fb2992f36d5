package vn.loa.calendar;

import org.jspecify.annotations.Nullable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as written in the calendar files: {@code dd/MM/yyyy}, or {@code dd/MM} when the
 * year is not known. Days and months may have one digit, as plans write them
 * ({@code 02/9/1945}).
 */
record WrittenDate(String text, int day, int month, @Nullable Integer year) {

	private static final Pattern PATTERN = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?");

	/** Parses {@code text}, or fails with a message that names it. */
	static WrittenDate parse(String text) {
		Matcher matcher = PATTERN.matcher(text.strip());
		if (!matcher.matches()) {
			throw new Unreadable("malformed date '" + text + "', expected dd/MM/yyyy", "problem.date.malformed", text);
		}
		int day = Integer.parseInt(matcher.group(1));
		int month = Integer.parseInt(matcher.group(2));
		Integer year = (matcher.group(3) != null) ? Integer.valueOf(matcher.group(3)) : null;
		try {
			// 2000 is a leap year, so 29/02 without a year is accepted.
			LocalDate.of((year != null) ? year : 2000, month, day);
		}
		catch (DateTimeException ex) {
			throw new Unreadable("impossible date '" + text + "'", "problem.date.impossible", text);
		}
		return new WrittenDate(text, day, month, year);
	}

	/**
	 * Parses a lunar date: day 1 to 30, month 1 to 12, and with a year, a day that exists
	 * in the regular month of that lunar year.
	 */
	static WrittenDate parseLunar(String text) {
		Matcher matcher = PATTERN.matcher(text.strip());
		if (!matcher.matches()) {
			throw new Unreadable("malformed lunar date '" + text + "', expected dd/MM or dd/MM/yyyy",
					"problem.date.lunar-malformed", text);
		}
		int day = Integer.parseInt(matcher.group(1));
		int month = Integer.parseInt(matcher.group(2));
		Integer year = (matcher.group(3) != null) ? Integer.valueOf(matcher.group(3)) : null;
		if (day < 1 || day > 30 || month < 1 || month > 12) {
			throw new Unreadable("impossible lunar date '" + text + "' (days run 1 to 30, months 1 to 12)",
					"problem.date.lunar-impossible", text);
		}
		if (year != null && (year < LunarCalendar.FIRST_YEAR || year > LunarCalendar.LAST_YEAR)) {
			throw new Unreadable(
					"lunar date '" + text + "' is outside the lunar years " + LunarCalendar.FIRST_YEAR + " to "
							+ LunarCalendar.LAST_YEAR,
					"problem.date.lunar-years", text, LunarCalendar.FIRST_YEAR, LunarCalendar.LAST_YEAR);
		}
		if (year != null && LunarCalendar.toSolar(new LunarDate(day, month, year, false)).isEmpty()) {
			throw new Unreadable(
					"impossible lunar date '" + text + "': month " + month + " of " + year + " has 29 days",
					"problem.date.lunar-29", text, month, year);
		}
		return new WrittenDate(text, day, month, year);
	}

	/** Parses a date that must have a year. */
	static LocalDate parseFull(String text) {
		WrittenDate date = parse(text);
		if (date.year() == null) {
			throw new Unreadable("date '" + text + "' needs a year, as dd/MM/yyyy", "problem.date.no-year", text);
		}
		return LocalDate.of(date.year(), date.month(), date.day());
	}

	/**
	 * A date that cannot be read, with the message's key and arguments so the command
	 * line can say it in its reader's language.
	 */
	static final class Unreadable extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		private final String key;

		private final transient java.util.List<String> arguments;

		Unreadable(String message, String key, Object... arguments) {
			super(message);
			this.key = key;
			this.arguments = java.util.Arrays.stream(arguments).map(String::valueOf).toList();
		}

		void report(YamlEntry entry, String field) {
			entry.problem(field, String.valueOf(getMessage()), this.key, this.arguments.toArray());
		}

	}

}
