package vn.loa.importer;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vietnamese text helpers: folding to ASCII without changing length (so a match in the
 * folded text is a match at the same offsets in the original), glued-word repair, ids,
 * and a rough name similarity.
 */
final class Words {

	// Phrases the parser looks for; copies glue their syllables ("Kếhoạch", "từnay").
	private static final List<String> PHRASES = List.of("ke hoach", "huong dan", "tu nay", "giai doan", "den het",
			"tuyen truyen", "dai hoi", "tu nam", "tu ngay", "tu thang", "den ngay", "den thang", "den nam", "cao diem",
			"thuc hien", "can cu", "ban hanh", "xay dung", "noi nhan", "to chuc", "thuong vu", "hinh thuc", "thoi gian",
			"ky niem", "lan thu", "toan quoc", "dang bo", "nhiem ky", "phat thanh", "truyen thanh", "thong tin dien tu",
			"ban tin", "so nay");

	private static final List<Glued> GLUED = PHRASES.stream().map(Glued::new).toList();

	private static final Map<String, String> ABBREVIATIONS = Map.of("chxhcn", "cong hoa xa hoi chu nghia", "vn",
			"viet nam", "mttq", "mat tran to quoc", "tncs", "thanh nien cong san", "hcm", "ho chi minh", "ubnd",
			"uy ban nhan dan", "qdnd", "quan doi nhan dan", "cand", "cong an nhan dan");

	// Not "nam": it is the year, but also the South ("miền Nam", "Nam Bộ").
	private static final Set<String> STOP = Set.of("ngay", "cua", "va", "nuoc", "viet", "ky", "niem", "le", "cac",
			"nhung", "lan", "thu", "nhan", "dip", "chao", "mung", "so");

	/** Words that say what kind of day a name is, not which. */
	private static final Set<String> GENERIC = Set.of("thanh", "lap", "truyen", "thong", "giai", "phong", "chien",
			"thang", "sinh", "nhat", "khoi", "nghia", "hoi", "dai", "quoc", "te", "nam", "toan", "dan", "cong");

	private Words() {
	}

	/** Lowercase ASCII letters for Vietnamese ones, one char for one char. */
	static String fold(String text) {
		StringBuilder folded = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			folded.append(fold(text.charAt(i)));
		}
		return folded.toString();
	}

	private static char fold(char c) {
		if (c < 128) {
			return Character.toLowerCase(c);
		}
		if (c == 'đ' || c == 'Đ') {
			return 'd';
		}
		String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
		return Character.toLowerCase(decomposed.charAt(0));
	}

	/** Puts the spaces back into glued phrases the parser knows, keeping the letters. */
	static String respace(String text) {
		String result = text;
		for (Glued glued : GLUED) {
			Matcher m = glued.pattern.matcher(fold(result));
			StringBuilder out = new StringBuilder();
			int last = 0;
			while (m.find()) {
				out.append(result, last, m.start());
				out.append(spaced(result.substring(m.start(), m.end()), glued));
				last = m.end();
			}
			out.append(result.substring(last));
			result = out.toString();
		}
		return result;
	}

	private static String spaced(String original, Glued glued) {
		String[] words = glued.words;
		StringBuilder out = new StringBuilder();
		int at = 0;
		for (int i = 0; i < words.length; i++) {
			while (at < original.length() && Character.isWhitespace(original.charAt(at))) {
				at++;
			}
			out.append(original, at, at + words[i].length());
			at += words[i].length();
			if (i < words.length - 1) {
				out.append(' ');
			}
		}
		return out.toString();
	}

	/** Whether every letter is uppercase, with at least three letters. */
	static boolean isUpper(String text) {
		int letters = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isLetter(c)) {
				if (Character.isLowerCase(c)) {
					return false;
				}
				letters++;
			}
		}
		return letters >= 3;
	}

	static String capitalise(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		return text.substring(0, 1).toUpperCase() + text.substring(1);
	}

	/** Lowercase ASCII words joined by '-', at most {@code maxWords} words. */
	static String slug(String text, int maxWords) {
		String[] words = fold(text).replaceAll("[^a-z0-9]+", " ").strip().split(" ");
		StringBuilder slug = new StringBuilder();
		for (int i = 0; i < Math.min(words.length, maxWords); i++) {
			if (!words[i].isEmpty()) {
				slug.append((slug.length() > 0) ? "-" : "").append(words[i]);
			}
		}
		return slug.toString();
	}

	/** The significant words of a name, abbreviations spelt out. */
	static Set<String> tokens(String text) {
		Set<String> tokens = new LinkedHashSet<>();
		for (String word : fold(text).replaceAll("[^a-z0-9]+", " ").strip().split(" ")) {
			String spelt = ABBREVIATIONS.getOrDefault(word, word);
			for (String token : spelt.split(" ")) {
				if (!token.isEmpty() && !STOP.contains(token) && !token.chars().allMatch(Character::isDigit)) {
					tokens.add(token);
				}
			}
		}
		return tokens;
	}

	/**
	 * How well two names agree: shared words over the shorter name's words, 0 when fewer
	 * than two words are shared.
	 */
	static double similarity(String a, String b) {
		Set<String> left = tokens(a);
		Set<String> right = tokens(b);
		long common = left.stream().filter(right::contains).count();
		if (common < 2 || left.stream().filter(right::contains).allMatch(GENERIC::contains)) {
			// "Ngày thành lập tỉnh" and "Ngày thành lập Mặt trận": the same kind of day,
			// not the same day.
			return 0;
		}
		return (double) common / Math.min(left.size(), right.size());
	}

	/** The value of a Roman numeral in any case, or 0 when it is not one. */
	static int roman(String text) {
		return vn.loa.text.RomanNumerals.value(text.toUpperCase());
	}

	/** A phrase and the pattern that finds it with or without its spaces. */
	private static final class Glued {

		final String[] words;

		final Pattern pattern;

		Glued(String phrase) {
			this.words = phrase.split(" ");
			this.pattern = Pattern.compile("(?<![a-z0-9])" + String.join("\\s*", this.words) + "(?![a-z0-9])");
		}

	}

}
