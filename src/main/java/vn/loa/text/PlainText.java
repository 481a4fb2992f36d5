package vn.loa.text;

import java.util.Optional;

/**
 * The characters text written by people may hold. Control characters (but tab and line
 * breaks), lone surrogates and Unicode non-characters are refused where text comes in:
 * XML 1.0 cannot carry most of them, so one of them in a title would break the feeds, and
 * none of them means anything to a reader. Vertical tab, form feed and the Unicode line
 * and paragraph separators are what a word processor writes for a line break, so they
 * become one. Writers call {@link #forOutput(String)} as well, so a row stored before
 * these rules still renders.
 */
public final class PlainText {

	private PlainText() {
	}

	/**
	 * Text of a field that may hold several lines: every kind of line break becomes
	 * {@code \n}.
	 */
	public static String normalise(String text) {
		if (text == null || !needsNormalising(text)) {
			return text;
		}
		StringBuilder result = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\r') {
				result.append('\n');
				if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
			}
			else if (isLineBreak(c)) {
				result.append('\n');
			}
			else {
				result.append(c);
			}
		}
		return result.toString();
	}

	/**
	 * Lower case without tone marks or other diacritics, đ as d: "Xã Bằng Thành" → "xa
	 * bang thanh". What a search matches on, and what ASCII ids are made from.
	 */
	public static String withoutMarks(String text) {
		String lower = text.toLowerCase(java.util.Locale.ROOT).replace('đ', 'd');
		return java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
	}

	/**
	 * Text of a one-line field (a title, a name): line breaks and tabs become spaces.
	 */
	public static String normaliseLine(String text) {
		String lines = normalise(text);
		if (lines == null || (lines.indexOf('\n') < 0 && lines.indexOf('\t') < 0)) {
			return lines;
		}
		return lines.replace('\n', ' ').replace('\t', ' ');
	}

	/**
	 * The first character no output can carry, with where it is; empty when the text is
	 * clean. Line breaks of every kind are allowed: {@link #normalise(String)} turns them
	 * into {@code \n}.
	 */
	public static Optional<ForbiddenCharacter> firstForbidden(String text) {
		if (text == null) {
			return Optional.empty();
		}
		int line = 1;
		int column = 1;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			if (isForbidden(codePoint)) {
				return Optional.of(new ForbiddenCharacter(codePoint, i, line, column));
			}
			// Lines as an editor counts them: a vertical tab is not a new line in a file.
			if (codePoint == '\n' || (codePoint == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n'))) {
				line++;
				column = 1;
			}
			else {
				column++;
			}
			i += Character.charCount(codePoint);
		}
		return Optional.empty();
	}

	/**
	 * The text with line breaks normalised and every forbidden character dropped: what
	 * each writer (XML feeds, iCalendar, mail, pages) passes on, whatever is stored.
	 */
	public static String forOutput(String text) {
		String normalised = normalise(text);
		if (normalised == null || firstForbidden(normalised).isEmpty()) {
			return normalised;
		}
		StringBuilder result = new StringBuilder(normalised.length());
		normalised.codePoints().filter((c) -> !isForbidden(c)).forEach(result::appendCodePoint);
		return result.toString();
	}

	/** As {@link #forOutput(String)} for a one-line value such as a mail subject. */
	public static String lineForOutput(String text) {
		return normaliseLine(forOutput(text));
	}

	/**
	 * Whether a code point is refused: C0 controls but tab and line breaks, DEL and the
	 * C1 controls, a surrogate on its own, and the non-characters.
	 */
	public static boolean isForbidden(int codePoint) {
		if (codePoint < 0x20) {
			return codePoint != '\t' && codePoint != '\n' && codePoint != '\r' && !isLineBreak((char) codePoint);
		}
		if (codePoint >= 0x7F && codePoint <= 0x9F) {
			return codePoint != 0x85;
		}
		if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
			return true;
		}
		return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
	}

	/**
	 * Vertical tab, form feed, next line (NEL) and the Unicode line and paragraph
	 * separators.
	 */
	private static boolean isLineBreak(char c) {
		return c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028' || c == '\u2029';
	}

	private static boolean needsNormalising(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\r' || isLineBreak(c)) {
				return true;
			}
		}
		return false;
	}

}
