package vn.loa.content;

import vn.loa.calendar.WrittenOrdinals;

/**
 * Turns the calendar's findings about written ordinals ("80 năm (02/9/1945 - 02/9/2025)")
 * into refusals with a code, keeping the calendar's English message.
 */
final class OrdinalProblems {

	private OrdinalProblems() {
	}

	/** The refusal of {@code field} for {@code finding}, keeping the English message. */
	static InvalidContentException refusal(String field, WrittenOrdinals.Finding finding) {
		ContentError code = switch (finding.kind()) {
			case IMPOSSIBLE_DATE -> ContentError.ORDINAL_IMPOSSIBLE_DATE;
			case WRONG_COUNT -> ContentError.ORDINAL_WRONG_COUNT;
			case DIFFERENT_DAYS -> ContentError.ORDINAL_DIFFERENT_DAYS;
		};
		return new InvalidContentException(field, finding.message(), code, finding.arguments().toArray());
	}

}
