package vn.loa.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An agency's name from a header in capitals, written the way the genre writes it in
 * running text: “ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI” is “Ủy ban nhân dân tỉnh Quảng Ngãi”,
 * “BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY LÂM ĐỒNG” is “Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm
 * Đồng”, “SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH” is “Sở Văn hóa, Thể thao và Du lịch”. A body's
 * own name capitalises each of its parts, a level word (tỉnh, xã, ...) is lower case and
 * the place after it is a proper name.
 */
final class AgencyNames {

	private static final Set<String> COMMITTEE = Set.of("tinh", "huyen", "thanh", "quan", "thi", "dang");

	private static final Set<String> LEVEL = Set.of("tinh", "huyen", "xa", "phuong", "quan");

	private static final Set<String> LEVEL_PAIR = Set.of("thanh pho", "thi xa", "thi tran", "dac khu");

	/** Words that begin a body's own name, whose next word is capitalised too. */
	private static final Set<String> BODY = Set.of("ban", "so", "bo", "phong", "cuc", "hoi");

	private static final List<String[]> FIXED = List.of(new String[] { "uy ban nhan dan", "Ủy ban nhân dân" },
			new String[] { "hoi dong nhan dan", "Hội đồng nhân dân" },
			new String[] { "lien doan lao dong", "Liên đoàn Lao động" },
			new String[] { "mat tran to quoc viet nam", "Mặt trận Tổ quốc Việt Nam" },
			new String[] { "mat tran to quoc", "Mặt trận Tổ quốc" }, new String[] { "viet nam", "Việt Nam" },
			new String[] { "dang bo", "Đảng bộ" }, new String[] { "trung uong", "Trung ương" },
			new String[] { "ho chi minh", "Hồ Chí Minh" }, new String[] { "uy ban", "Ủy ban" });

	private AgencyNames() {
	}

	/** The name in normal case; a name not all in capitals is returned as it is. */
	static String normalCase(String name) {
		if (!Words.isUpper(name)) {
			return name;
		}
		String[] words = name.strip().split("\\s+");
		String[] folded = new String[words.length];
		for (int i = 0; i < words.length; i++) {
			folded[i] = Words.fold(words[i]).replaceAll("[^a-z0-9]", "");
		}
		List<String> out = new ArrayList<>();
		boolean place = false;
		boolean partStart = true;
		int i = 0;
		while (i < words.length) {
			String[] fixed = fixed(folded, i);
			if (fixed != null) {
				int n = fixed[0].split(" ").length;
				String[] written = fixed[1].split(" ");
				for (int k = 0; k < n; k++) {
					out.add(keepPunctuation(words[i + k], written[k]));
				}
				i += n;
				// "Ủy ban Kiểm tra": a committee's own name follows.
				partStart = fixed[0].equals("uy ban");
				continue;
			}
			String pair = (i + 1 < words.length) ? folded[i] + " " + folded[i + 1] : "";
			if (pair.equals("xa hoi") && i > 0
					&& (folded[i - 1].isEmpty() || folded[i - 1].equals("va") || words[i - 1].endsWith(","))) {
				// "VĂN HÓA - XÃ HỘI", "THƯƠNG BINH VÀ XÃ HỘI": society, a field of the
				// body's name, not the level xã of a commune named Hội.
				out.add(capital(words[i]));
				out.add(lower(words[i + 1]));
				i += 2;
				partStart = false;
				continue;
			}
			if (COMMITTEE.contains(folded[i]) && i + 1 < words.length && folded[i + 1].equals("uy")) {
				out.add(capital(words[i]));
				out.add(lower(words[i + 1]));
				i += 2;
				place = true;
				partStart = false;
				continue;
			}
			if (LEVEL_PAIR.contains(pair)) {
				out.add(lower(words[i]));
				out.add(lower(words[i + 1]));
				i += 2;
				place = true;
				continue;
			}
			if (LEVEL.contains(folded[i]) && !out.isEmpty()) {
				out.add(lower(words[i]));
				i++;
				place = true;
				continue;
			}
			if (place) {
				out.add(capital(words[i]));
			}
			else if (partStart || out.isEmpty() || BODY.contains(folded[i])) {
				out.add(capital(words[i]));
				partStart = BODY.contains(folded[i]);
				if (words[i].endsWith(",")) {
					partStart = true;
				}
				i++;
				continue;
			}
			else {
				out.add(lower(words[i]));
			}
			partStart = folded[i].equals("va") || words[i].endsWith(",");
			i++;
		}
		return String.join(" ", out);
	}

	private static String @Nullable [] fixed(String[] folded, int at) {
		for (String[] fixed : FIXED) {
			String[] parts = fixed[0].split(" ");
			if (at + parts.length > folded.length) {
				continue;
			}
			boolean same = true;
			for (int k = 0; k < parts.length && same; k++) {
				same = folded[at + k].equals(parts[k]);
			}
			if (same) {
				return fixed;
			}
		}
		return null;
	}

	/** The written word with the original's trailing punctuation (“HÓA,” → “Hóa,”). */
	private static String keepPunctuation(String original, String written) {
		int end = original.length();
		while (end > 0 && !Character.isLetterOrDigit(original.charAt(end - 1))) {
			end--;
		}
		return written + original.substring(end);
	}

	private static String lower(String word) {
		return word.toLowerCase(Locale.ROOT);
	}

	private static String capital(String word) {
		String lower = lower(word);
		return lower.isEmpty() ? lower : lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1);
	}

}
