package vn.loa.importer;

import java.util.Map;

/**
 * Days and months written in Vietnamese words (“mùng một tháng Mười”, “ngày mười tám
 * tháng Mười một”, “tháng Giêng”, “tháng Chạp”), as folded text, and their values.
 */
final class Numbers {

	private static final String UNIT = "(?:mot|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin)";

	/** A number from 1 to 31 in figures or words, or a month's own name. */
	static final String WORDS = "\\d{1,2}|(?:hai|ba)\\s+muoi(?:\\s+(?:mot|mot|hai|ba|bon|tu|lam|nam|sau|bay|tam|chin))?"
			+ "|muoi(?:\\s+" + UNIT + ")?|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|gieng|chap";

	private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("mot", 1), Map.entry("hai", 2),
			Map.entry("ba", 3), Map.entry("bon", 4), Map.entry("tu", 4), Map.entry("nam", 5), Map.entry("lam", 5),
			Map.entry("sau", 6), Map.entry("bay", 7), Map.entry("tam", 8), Map.entry("chin", 9), Map.entry("gieng", 1),
			Map.entry("chap", 12));

	private Numbers() {
	}

	/** The value of a number matched by {@link #WORDS}, as figures. */
	static String value(String written) {
		String words = written.strip().replaceAll("\\s+", " ");
		if (words.matches("\\d+")) {
			return words;
		}
		int value = 0;
		String[] parts = words.split(" ");
		int i = 0;
		if (parts.length >= 2 && parts[1].equals("muoi")) {
			value = UNITS.getOrDefault(parts[0], 0) * 10;
			i = 2;
		}
		else if (parts[0].equals("muoi")) {
			value = 10;
			i = 1;
		}
		if (i < parts.length) {
			// "hai mươi mốt" folds to "mot" like "một".
			value += UNITS.getOrDefault(parts[i], 0);
		}
		return String.valueOf(value);
	}

	/** A year in words: “hai nghìn không trăm hai mươi sáu”, as folded text. */
	static final String YEAR_WORDS = "(?:mot|hai)\\s+nghin(?:\\s+(?:khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin"
			+ "|muoi|tram|linh|le)){0,7}";

	/**
	 * The value of a year matched by {@link #YEAR_WORDS}: “hai nghìn không trăm hai mươi
	 * sáu” is 2026, “hai nghìn linh năm” 2005.
	 */
	static int year(String written) {
		String[] t = written.strip().split("\\s+");
		int value = UNITS.getOrDefault(t[0], 0) * 1000;
		int i = 2;
		if (i + 1 < t.length && t[i + 1].equals("tram")) {
			value += (t[i].equals("khong") ? 0 : UNITS.getOrDefault(t[i], 0)) * 100;
			i += 2;
		}
		if (i < t.length && (t[i].equals("linh") || t[i].equals("le"))) {
			return value + ((i + 1 < t.length) ? UNITS.getOrDefault(t[i + 1], 0) : 0);
		}
		if (i + 1 < t.length && t[i + 1].equals("muoi")) {
			value += UNITS.getOrDefault(t[i], 0) * 10;
			i += 2;
		}
		else if (i < t.length && t[i].equals("muoi")) {
			value += 10;
			i++;
		}
		if (i < t.length) {
			value += UNITS.getOrDefault(t[i], 0);
		}
		return value;
	}

}
