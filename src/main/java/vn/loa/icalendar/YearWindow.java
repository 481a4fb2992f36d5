package vn.loa.icalendar;

import org.jspecify.annotations.Nullable;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The whole years a feed covers, from 1 January of {@code fromYear} to 31 December of
 * {@code toYear}.
 *
 * @param fromYear first year
 * @param toYear last year, inclusive
 */
record YearWindow(int fromYear, int toYear) {

	/** The most years one feed may cover, which keeps a feed small. */
	public static final int MAX_YEARS = 10;

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	public YearWindow {
		if (toYear < fromYear) {
			throw new InvalidYearWindowException(
					"the window ends (" + toYear + ") before it starts (" + fromYear + ")");
		}
		if (toYear - fromYear + 1 > MAX_YEARS) {
			throw new InvalidYearWindowException(
					"the window " + fromYear + "-" + toYear + " spans more than " + MAX_YEARS + " years");
		}
	}

	/**
	 * The window a request asks for: {@code from} and {@code to} as {@code yyyy}, each
	 * replaced by the default's when absent.
	 */
	public static YearWindow parse(@Nullable String from, @Nullable String to, YearWindow defaults) {
		return new YearWindow(year("from", from, defaults.fromYear()), year("to", to, defaults.toYear()));
	}

	public LocalDate firstDay() {
		return LocalDate.of(this.fromYear, 1, 1);
	}

	public LocalDate lastDay() {
		return LocalDate.of(this.toYear, 12, 31);
	}

	private static int year(String name, @Nullable String text, int fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		if (!YEAR.matcher(text.strip()).matches()) {
			throw new InvalidYearWindowException(name + " must be a year as yyyy, was '" + text + "'");
		}
		return Integer.parseInt(text.strip());
	}

}
