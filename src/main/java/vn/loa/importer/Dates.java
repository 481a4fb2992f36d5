package vn.loa.importer;

import org.jspecify.annotations.Nullable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as plans write them: 03/02/1930, 3/2/1930, 30.4.1975, 07-5-1954, "7 tháng 7 năm
 * 2023".
 */
final class Dates {

	/** A full date in folded text: day, separator, month, the same separator, year. */
	static final String FULL = "(?<![\\d/.])(\\d{1,2})\\s*([/.\\-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})(?!\\d)";

	private static final Pattern NUMERIC = Pattern.compile(FULL);

	private static final Pattern WORDS = Pattern.compile("(\\d{1,2})\\s*thang\\s*(\\d{1,2})\\s*nam\\s*(\\d{4})");

	private Dates() {
	}

	/**
	 * The date in a folded text, or {@code null} when there is none or it is impossible.
	 */
	static @Nullable LocalDate parse(String folded) {
		Matcher m = NUMERIC.matcher(folded);
		if (m.find()) {
			return of(m.group(4), m.group(3), m.group(1));
		}
		m = WORDS.matcher(folded);
		return m.find() ? of(m.group(3), m.group(2), m.group(1)) : null;
	}

	/** The date, or {@code null} when it does not exist. */
	static @Nullable LocalDate of(String year, String month, String day) {
		try {
			return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
		}
		catch (DateTimeException | NumberFormatException ex) {
			return null;
		}
	}

	static LocalDate endOfMonth(int year, int month) {
		return LocalDate.of(year, month, 1).plusMonths(1).minusDays(1);
	}

}
