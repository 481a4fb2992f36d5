package vn.loa.importer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Normalises extracted text into lines: what real copies of plans carry besides their
 * words (odd spaces, Markdown markers, footnote markers, page numbers) goes, and nothing
 * else. A line that is only noise becomes blank instead of disappearing, so line N of a
 * text file stays line N; joining hard-wrapped lines and splitting glued words is left to
 * the parser.
 */
final class TextCleanup {

	// Not U+00A0 alone: Word and PDFs also produce thin, narrow and ideographic spaces.
	private static final Pattern ODD_SPACE = Pattern.compile("[\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]");

	// Controls, lone surrogates and non-characters too: no outlet can carry them.
	private static final Pattern INVISIBLE = Pattern
		.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF\\uFDD0-\\uFDEF\\uFFFE\\uFFFF\\p{Cs}\\p{Cc}&&[^\\t]]");

	private static final Pattern ESCAPED_ASTERISK = Pattern.compile("\\\\\\*");

	private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`_{}\\[\\]()#+\\-.!|~<>\"'])");

	private static final Pattern HARD_BREAK_BACKSLASH = Pattern.compile("\\\\$");

	// A thematic break (---, ***, ___, ===) or a lone decorative star under a header.
	private static final Pattern RULE = Pattern.compile("\\s*(?:\\*+|([-_=*])(?:\\s*\\1){2,})\\s*");

	private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}(?:\\s+|$)");

	private static final Pattern HEADING_CLOSE = Pattern.compile("\\s+#+\\s*$");

	private static final Pattern STAR_BULLET = Pattern.compile("^(\\s*)\\*\\s+");

	private static final Pattern STRONG = Pattern.compile("\\*{2,}");

	private static final Pattern EMPHASIS_OPEN = Pattern.compile("(?<=^|[\\s(\\[“\"‘'])\\*(?=[^\\s*])");

	private static final Pattern EMPHASIS_CLOSE = Pattern.compile("(?<=[^\\s*])\\*(?=$|[\\s.,;:!?)\\]”\"’'…])");

	private static final String SUPERSCRIPT_DIGITS = "[\\u00B9\\u00B2\\u00B3\\u2070\\u2074-\\u2079]";

	private static final Pattern FOOTNOTE_AT_START = Pattern.compile("^\\s*" + SUPERSCRIPT_DIGITS + "+\\s*");

	// m², km³ are units, not footnotes.
	private static final Pattern FOOTNOTE = Pattern.compile("(?<!(?:^|[^\\p{L}])[kcdh]?m)" + SUPERSCRIPT_DIGITS + "+");

	// Up to three digits: a lone year or "02/9" is more likely a wrapped sentence's end.
	private static final Pattern PAGE_NUMBER = Pattern
		.compile("\\s*(?:\\d{1,3}|[-–—]\\s*\\d{1,3}\\s*[-–—]|(?i:trang|page)\\s+\\d{1,3}(?:\\s*/\\s*\\d{1,3})?)\\s*");

	private TextCleanup() {
	}

	/** Whether a line is blank once odd spaces count as spaces. */
	static boolean isBlank(String line) {
		return ODD_SPACE.matcher(line).replaceAll(" ").isBlank();
	}

	/** The line without surrounding spaces, odd ones included. */
	static String strip(String line) {
		return ODD_SPACE.matcher(line).replaceAll(" ").strip();
	}

	static List<String> lines(String text) {
		String[] raw = Normalizer.normalize(text, Normalizer.Form.NFC).split("\\R", -1);
		List<String> lines = new ArrayList<>(raw.length);
		for (String line : raw) {
			lines.add(line(line));
		}
		while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		return lines;
	}

	static String line(String line) {
		String result = ODD_SPACE.matcher(line).replaceAll(" ");
		result = INVISIBLE.matcher(result).replaceAll("");
		result = ESCAPED_ASTERISK.matcher(result).replaceAll("");
		result = ESCAPE.matcher(result).replaceAll("$1");
		result = HARD_BREAK_BACKSLASH.matcher(result).replaceAll("");
		if (RULE.matcher(result).matches()) {
			return "";
		}
		if (HEADING.matcher(result).find()) {
			result = HEADING_CLOSE.matcher(HEADING.matcher(result).replaceFirst("")).replaceFirst("");
		}
		result = STAR_BULLET.matcher(result).replaceFirst("$1- ");
		result = STRONG.matcher(result).replaceAll("");
		result = EMPHASIS_OPEN.matcher(result).replaceAll("");
		result = EMPHASIS_CLOSE.matcher(result).replaceAll("");
		result = FOOTNOTE_AT_START.matcher(result).replaceFirst("");
		result = FOOTNOTE.matcher(result).replaceAll("").stripTrailing();
		return PAGE_NUMBER.matcher(result).matches() ? "" : result;
	}

	/**
	 * A table row as a reader sees it: line k joins each cell's k-th line, so a
	 * two-column header ("ĐẢNG BỘ ... | ĐẢNG CỘNG SẢN VIỆT NAM") stays one readable line.
	 */
	static List<String> rowLines(List<List<String>> cells) {
		int height = cells.stream().mapToInt(List::size).max().orElse(0);
		List<String> lines = new ArrayList<>(height);
		for (int k = 0; k < height; k++) {
			List<String> parts = new ArrayList<>();
			for (List<String> cell : cells) {
				if (k < cell.size() && !isBlank(cell.get(k))) {
					parts.add(strip(cell.get(k)));
				}
			}
			lines.add(String.join(" | ", parts));
		}
		return lines;
	}

}
