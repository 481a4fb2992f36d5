package vn.loa.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.loa.importer.PlanDraft.Outlet;
import vn.loa.importer.Source.Paragraph;

/**
 * Reads the forms of communication ("Hình thức tuyên truyền"): those Loa publishes
 * through (radio, feed, email bulletin) and the others, kept as notes.
 */
final class Outlets {

	// Phrase (lowercase, as written) → channel; null keeps the phrase as a note. Matched
	// on
	// the text, not its folded form: "truyền thanh" (radio) is not "truyền thành".
	private static final Map<String, String> FORMS = new LinkedHashMap<>();

	static {
		for (String radio : List.of("đài truyền thanh", "truyền thanh", "phát thanh cơ sở", "đài phát thanh cơ sở",
				"phát thanh không dây", "loa phát thanh", "loa")) {
			FORMS.put(radio, "radio");
		}
		for (String feed : List.of("trang thông tin điện tử", "cổng thông tin điện tử", "trang tin điện tử",
				"website")) {
			FORMS.put(feed, "feed");
		}
		FORMS.put("bản tin", "email");
		for (String note : List.of("hội nghị", "sinh hoạt chi bộ", "báo chí", "phương tiện thông tin đại chúng",
				"internet", "mạng xã hội", "cổ động trực quan", "panô", "pano", "áp phích", "băng rôn", "khẩu hiệu",
				"văn nghệ", "tài liệu", "ấn phẩm", "tờ gấp", "triển lãm", "cuộc thi", "truyền thông lưu động",
				"tuyên truyền viên", "báo cáo viên", "phong trào thi đua", "truyền hình", "chuyên trang",
				"chuyên mục")) {
			FORMS.put(note, null);
		}
	}

	private Outlets() {
	}

	static void read(Layout layout, DraftBuilder draft) {
		Layout.Section forms = layout.section("hinh\\s*thuc");
		List<Paragraph> paragraphs = (forms != null) ? layout.in(forms)
				: layout.paragraphs.subList(layout.body, layout.closing);
		if (forms == null) {
			draft.warn(0, ImportMessage.NO_FORMS_SECTION,
					"no 'Hình thức tuyên truyền' section: forms of communication read from the whole text");
		}
		List<Map.Entry<String, String>> phrases = new java.util.ArrayList<>(FORMS.entrySet());
		// The longest phrase first, so that "đài phát thanh cơ sở" is one outlet.
		phrases.sort((a, b) -> b.getKey().length() - a.getKey().length());
		for (Paragraph p : paragraphs) {
			String lower = p.text().toLowerCase(Locale.ROOT);
			boolean[] taken = new boolean[lower.length()];
			for (Map.Entry<String, String> form : phrases) {
				Matcher m = Pattern.compile("(?<!\\p{L})" + form.getKey().replace(" ", "\\s*") + "(?!\\p{L})")
					.matcher(lower);
				while (m.find()) {
					if (taken[m.start()] || taken[m.end() - 1]) {
						continue;
					}
					for (int i = m.start(); i < m.end(); i++) {
						taken[i] = true;
					}
					String phrase = p.text().substring(m.start(), m.end());
					add(draft, form.getValue(), phrase, p.lineAt(m.start()));
				}
			}
		}
		if (draft.outlets.isEmpty()) {
			draft.warn(0, ImportMessage.NO_OUTLET,
					"no form of communication Loa publishes through (radio, trang thông tin điện tử, bản tin)");
		}
	}

	private static void add(DraftBuilder draft, String channel, String phrase, int line) {
		String key = Words.fold(phrase);
		if (channel == null) {
			if (draft.notes.stream().noneMatch((note) -> Words.fold(note).equals(key))) {
				draft.notes.add(phrase);
				draft.extract("note", phrase, line);
			}
			return;
		}
		if (draft.outlets.stream().noneMatch((o) -> Words.fold(o.phrase()).equals(key))) {
			draft.outlets.add(new Outlet(channel, phrase, line));
			draft.extract("outlet", channel + ": " + phrase, line);
		}
	}

}
