package vn.loa.text;

import java.util.regex.Pattern;

/**
 * Roman numerals as congresses, terms and a plan's sections are numbered: “XIV” is 14.
 */
public final class RomanNumerals {

	private static final Pattern WELL_FORMED = Pattern
		.compile("M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})");

	private RomanNumerals() {
	}

	/**
	 * The value of a well-formed numeral in capitals (1 to 3999), or 0 (“IIII”, “VX”,
	 * “xiv”).
	 */
	public static int value(String numeral) {
		if (numeral.isEmpty() || !WELL_FORMED.matcher(numeral).matches()) {
			return 0;
		}
		int value = 0;
		for (int i = 0; i < numeral.length(); i++) {
			int current = digit(numeral.charAt(i));
			int next = (i + 1 < numeral.length()) ? digit(numeral.charAt(i + 1)) : 0;
			value += (current < next) ? -current : current;
		}
		return value;
	}

	private static int digit(char c) {
		return switch (c) {
			case 'I' -> 1;
			case 'V' -> 5;
			case 'X' -> 10;
			case 'L' -> 50;
			case 'C' -> 100;
			case 'D' -> 500;
			default -> 1000;
		};
	}

}
