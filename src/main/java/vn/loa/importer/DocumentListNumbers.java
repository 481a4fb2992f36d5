package vn.loa.importer;

import org.jspecify.annotations.Nullable;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;

/**
 * The labels Word draws before list paragraphs ("- ", "1.", "II."), which are not in the
 * text: without them a bulleted recipients list loses its dashes and numbered sections
 * their numbers. Counts per list instance, which is how most plans number.
 */
final class DocumentListNumbers {

	private static final int LEVELS = 9;

	private static final Pattern PLACEHOLDER = Pattern.compile("%([1-9])");

	private final XWPFNumbering numbering;

	private final Map<BigInteger, int[]> counters = new HashMap<>();

	DocumentListNumbers(XWPFNumbering numbering) {
		this.numbering = numbering;
	}

	@Nullable String label(XWPFParagraph paragraph) {
		BigInteger numId = paragraph.getNumID();
		CTAbstractNum list = (numId != null) ? list(numId) : null;
		if (list == null) {
			return "";
		}
		int level = (paragraph.getNumIlvl() != null) ? Math.min(paragraph.getNumIlvl().intValue(), LEVELS - 1) : 0;
		CTLvl definition = level(list, level);
		String format = format(definition);
		if (format.equals("bullet")) {
			return "- ";
		}
		if (format.equals("none")) {
			return "";
		}
		int[] count = this.counters.computeIfAbsent(numId, (id) -> new int[LEVELS]);
		count[level] = (count[level] == 0) ? start(definition) : count[level] + 1;
		for (int deeper = level + 1; deeper < LEVELS; deeper++) {
			count[deeper] = 0;
		}
		String text = (definition != null && definition.getLvlText() != null) ? definition.getLvlText().getVal()
				: "%" + (level + 1) + ".";
		Matcher placeholder = PLACEHOLDER.matcher(text);
		StringBuilder label = new StringBuilder();
		while (placeholder.find()) {
			int of = Integer.parseInt(placeholder.group(1)) - 1;
			CTLvl other = level(list, of);
			int value = (count[of] != 0) ? count[of] : start(other);
			placeholder.appendReplacement(label, Matcher.quoteReplacement(number(value, format(other))));
		}
		placeholder.appendTail(label);
		return label.isEmpty() ? "" : label + " ";
	}

	private @Nullable CTAbstractNum list(BigInteger numId) {
		if (this.numbering == null) {
			return null;
		}
		XWPFNum num = this.numbering.getNum(numId);
		if (num == null || num.getCTNum().getAbstractNumId() == null) {
			return null;
		}
		XWPFAbstractNum list = this.numbering.getAbstractNum(num.getCTNum().getAbstractNumId().getVal());
		return (list != null) ? list.getCTAbstractNum() : null;
	}

	private static @Nullable CTLvl level(CTAbstractNum list, int level) {
		for (CTLvl candidate : list.getLvlArray()) {
			if (candidate.getIlvl() != null && candidate.getIlvl().intValue() == level) {
				return candidate;
			}
		}
		return null;
	}

	private static String format(@Nullable CTLvl level) {
		return (level != null && level.getNumFmt() != null) ? level.getNumFmt().getVal().toString() : "decimal";
	}

	private static int start(@Nullable CTLvl level) {
		return (level != null && level.getStart() != null) ? level.getStart().getVal().intValue() : 1;
	}

	private static String number(int value, String format) {
		return switch (format) {
			case "decimalZero" -> String.format("%02d", value);
			case "upperRoman" -> roman(value);
			case "lowerRoman" -> roman(value).toLowerCase();
			case "upperLetter" -> letters(value);
			case "lowerLetter" -> letters(value).toLowerCase();
			default -> Integer.toString(value);
		};
	}

	private static String roman(int value) {
		int[] values = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
		String[] symbols = { "M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I" };
		StringBuilder roman = new StringBuilder();
		int rest = value;
		for (int i = 0; i < values.length; i++) {
			while (rest >= values[i]) {
				roman.append(symbols[i]);
				rest -= values[i];
			}
		}
		return roman.toString();
	}

	// Word's letters: a..z, then aa..zz.
	private static String letters(int value) {
		int index = Math.max(value, 1) - 1;
		return String.valueOf((char) ('A' + index % 26)).repeat(index / 26 + 1);
	}

}
