package vn.loa.content;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.loa.calendar.WrittenOrdinals;

/**
 * Turns the calendar's English findings about written ordinals ("80 năm (02/9/1945 -
 * 02/9/2025)") into refusals with a code. The calendar words its findings for people
 * reading files, so the three shapes it writes are read back here; a shape not known
 * keeps its English text under a code of its own.
 */
final class OrdinalProblems {

	private static final Pattern IMPOSSIBLE_DATE = Pattern.compile("impossible date '([^']*)' in '(.*)'");

	private static final Pattern WRONG_COUNT = Pattern
		.compile("'(.*)' says (\\d+) năm but its dates are (-?\\d+) years apart");

	private static final Pattern DIFFERENT_DAYS = Pattern
		.compile("'(.*)' counts from and to different days of the year");

	private OrdinalProblems() {
	}

	/** The refusal of {@code field} for {@code finding}, keeping the English message. */
	static InvalidContentException refusal(String field, WrittenOrdinals.Finding finding) {
		String message = finding.message();
		Matcher m = IMPOSSIBLE_DATE.matcher(message);
		if (m.matches()) {
			return new InvalidContentException(field, message, ContentError.ORDINAL_IMPOSSIBLE_DATE, m.group(1),
					m.group(2));
		}
		m = WRONG_COUNT.matcher(message);
		if (m.matches()) {
			return new InvalidContentException(field, message, ContentError.ORDINAL_WRONG_COUNT, m.group(1), m.group(2),
					m.group(3));
		}
		m = DIFFERENT_DAYS.matcher(message);
		if (m.matches()) {
			return new InvalidContentException(field, message, ContentError.ORDINAL_DIFFERENT_DAYS, m.group(1));
		}
		return new InvalidContentException(field, message, ContentError.ORDINAL_OTHER, message);
	}

}
