package vn.loa.calendar;

import org.jspecify.annotations.Nullable;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what people write about anniversaries: "Kỷ niệm 80 năm ... (02/9/1945 -
 * 02/9/2025)" must count the years its dates span, and both dates must exist and fall on
 * the same day of the year.
 */
public final class WrittenOrdinals {

	private static final String DATE = "(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})";

	private static final Pattern ORDINAL_WITH_RANGE = Pattern.compile(
			"(\\d{1,4})\\s+năm\\b([^()\\n]{0,200}?)\\(\\s*" + DATE + "\\s*[-–—]\\s*" + DATE + "\\s*\\)",
			Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);

	private WrittenOrdinals() {
	}

	/**
	 * Every disagreement in {@code text}, each with its 1-based line within the text.
	 * @param text what a person wrote
	 * @return the findings, in order
	 */
	public static List<Finding> check(String text) {
		String normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
		List<Finding> findings = new ArrayList<>();
		Matcher m = ORDINAL_WITH_RANGE.matcher(normalised);
		while (m.find()) {
			int line = lineOf(normalised, m.start());
			String written = m.group().replaceAll("\\s+", " ");
			LocalDate from = date(m.group(3), m.group(4), m.group(5));
			LocalDate to = date(m.group(6), m.group(7), m.group(8));
			if (from == null || to == null) {
				String bad = (from == null) ? m.group(3) + "/" + m.group(4) + "/" + m.group(5)
						: m.group(6) + "/" + m.group(7) + "/" + m.group(8);
				findings.add(new Finding(line, "impossible date '" + bad + "' in '" + written + "'",
						Kind.IMPOSSIBLE_DATE, List.of(bad, written)));
				continue;
			}
			int ordinal = Integer.parseInt(m.group(1));
			int span = to.getYear() - from.getYear();
			if (ordinal != span) {
				findings.add(new Finding(line,
						"'" + written + "' says " + ordinal + " năm but its dates are " + span + " years apart",
						Kind.WRONG_COUNT, List.of(written, Integer.toString(ordinal), Integer.toString(span))));
			}
			else if (from.getDayOfMonth() != to.getDayOfMonth() || from.getMonthValue() != to.getMonthValue()) {
				findings.add(new Finding(line, "'" + written + "' counts from and to different days of the year",
						Kind.DIFFERENT_DAYS, List.of(written)));
			}
		}
		return findings;
	}

	private static @Nullable LocalDate date(String day, String month, String year) {
		try {
			return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static int lineOf(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	/**
	 * One disagreement.
	 *
	 * @param line 1-based line within the checked text
	 * @param message what is wrong, quoting the text, in English
	 * @param kind which disagreement it is
	 * @param arguments what a translation of the message needs, in the order of
	 * {@link Kind}
	 */
	public record Finding(int line, String message, Kind kind, List<String> arguments) {

	}

	/** The disagreements a written ordinal can have with its dates. */
	public enum Kind {

		/** A date that does not exist; arguments: the date, the written text. */
		IMPOSSIBLE_DATE,

		/**
		 * The number of years is not the difference of the years; arguments: the written
		 * text, the number written, the difference.
		 */
		WRONG_COUNT,

		/**
		 * The two dates fall on different days of the year; argument: the written text.
		 */
		DIFFERENT_DAYS

	}

}
