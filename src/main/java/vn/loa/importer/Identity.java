package vn.loa.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.loa.importer.Source.Paragraph;

/**
 * Reads who issued the plan and what it is: number, kind, place and date, title, issuer
 * and the documents it implements.
 */
final class Identity {

	private static final Pattern MOTTO = Pattern.compile("dang\\s*cong\\s*san\\s*viet\\s*nam"
			+ "|cong\\s*hoa\\s*xa\\s*hoi\\s*chu\\s*nghia\\s*viet\\s*nam|doc\\s*lap\\s*[-–—]?\\s*tu\\s*do\\s*[-–—]?\\s*hanh\\s*phuc");

	private static final Pattern NUMBER = Pattern.compile("(?<!\\p{L})(?:Số|SỐ|số)\\s*:?\\s*(\\d*)\\s*([-–—/]?)\\s*"
			+ "([A-ZĐ][A-ZĐa-zđ0-9]*(?:\\s*[-–—/]\\s*[A-ZĐ][A-ZĐa-zđ0-9]*){1,3})");

	private static final Pattern DATE = Pattern
		.compile("ngay\\s*(\\d{1,2})?[\\s._…-]*thang\\s*(\\d{1,2})?[\\s._…-]*nam\\s*(\\d{4})?");

	private static final Pattern ISSUER_PLAN = Pattern.compile("(?<![a-z])((?:ban|uy ban|ubnd|thuong truc|dang uy|"
			+ "huyen uy|thanh uy|tinh uy|quan uy|thi uy|phong|so|trung tam|hoi dong|doan|hoi)\\b[^,.;:()]*?)\\s+"
			+ "(?:xay dung|ban hanh|trien khai|de ra|lap)\\s+ke hoach\\b(?!\\s*so)");

	private static final Pattern ISSUER_GUIDANCE = Pattern.compile("(?<![a-z])((?:ban|uy ban|ubnd|thuong truc|"
			+ "dang uy|huyen uy|thanh uy|tinh uy|quan uy|thi uy|phong|so|trung tam|hoi dong|doan|hoi)\\b[^,.;:()]*?)\\s+"
			+ "(?:ban hanh\\s+)?huong dan\\b(?!\\s*so)");

	private static final Pattern BARE_LEVEL = Pattern.compile(
			"(huyen uy|thanh uy|tinh uy|quan uy|thi uy|\\bxa|phuong|thi tran|\\bhuyen|thanh pho|\\btinh|\\bquan|thi xa)$");

	private static final Pattern LEVEL_LINE = Pattern
		.compile("^(xa|phuong|huyen|tinh|thanh pho|quan|thi xa|thi tran)\\b");

	static final String DOCUMENT = "(chi thi|nghi quyet|ket luan|huong dan|ke hoach|quyet dinh|cong van|thong bao|"
			+ "quy dinh|chuong trinh|nghi dinh|thong tu|van ban|cong dien)";

	private static final Pattern IMPLEMENTED = Pattern.compile("(?<![a-z])" + DOCUMENT
			+ "\\s+so\\s*:?\\s*(\\d+\\s*[-/–]\\s*[a-z0-9][a-z0-9/\\-–]*)"
			+ "(\\s*,?\\s*ngay\\s*(\\d{1,2}\\s*[/.-]\\s*\\d{1,2}\\s*[/.-]\\s*\\d{4}|\\d{1,2}\\s*thang\\s*\\d{1,2}\\s*nam\\s*\\d{4}))?"
			+ "(\\s*,?\\s*cua\\s+[^,;:()]*?)?(?=\\s+(?:ve|trien khai|ban hanh|thuc hien|nham|huong dan)\\b|\\s*[,;:(]|\\.\\s|\\.?$)");

	private static final Pattern ISSUED_ON = Pattern
		.compile("^ngay\\s*(\\d{1,2}\\s*/\\s*\\d{1,2}\\s*/\\s*\\d{4})\\s*,\\s*(.+?)\\s+ban hanh\\s+$");

	private Identity() {
	}

	static void read(Layout layout, DraftBuilder draft) {
		List<String> issuerLines = new ArrayList<>();
		List<Integer> issuerLineNumbers = new ArrayList<>();
		List<Paragraph> header = new ArrayList<>(layout.header());
		if (layout.kind >= 0) {
			// The number is sometimes written under the title.
			header.addAll(layout.titleParagraphs());
		}
		for (Paragraph p : header) {
			String text = blank(p.text(), MOTTO.matcher(p.folded()));
			text = number(text, p, draft);
			text = dateAndPlace(text, p, draft);
			text = text.replaceAll("\\s+", " ").replaceAll("^[\\s*\\-–—]+|[\\s*\\-–—]+$", "");
			if (layout.header().contains(p) && Words.isUpper(text)) {
				issuerLines.add(text);
				issuerLineNumbers.add(p.line());
				draft.extract("issuer.header", text, p.line());
			}
		}
		kindAndTitle(layout, draft);
		implemented(layout, draft);
		issuer(layout, draft, issuerLines, issuerLineNumbers);
		if (draft.number == null) {
			if (draft.code != null) {
				draft.warn(0, ImportMessage.NUMBER_BLANK, "the number is left blank (Số: /" + draft.code + ")",
						draft.code);
			}
			else {
				draft.warn(0, ImportMessage.NO_NUMBER, "no document number (Số ...) above the title");
			}
		}
		if (draft.date == null) {
			draft.warn(0, ImportMessage.NO_DATE, "no document date (ngày ... tháng ... năm ...) above the title");
		}
	}

	/** The text with the matches of a pattern over its folded form blanked out. */
	static String blank(String text, Matcher folded) {
		StringBuilder out = new StringBuilder(text);
		while (folded.find()) {
			for (int i = folded.start(); i < folded.end(); i++) {
				out.setCharAt(i, ' ');
			}
		}
		return out.toString();
	}

	private static String number(String text, Paragraph p, DraftBuilder draft) {
		Matcher m = NUMBER.matcher(text);
		if (draft.code != null || !m.find()) {
			return text;
		}
		String code = m.group(3).replaceAll("\\s+", "").replaceAll("[–—]", "-");
		draft.code = code;
		draft.extract("code", code, p.lineAt(m.start()));
		if (!m.group(1).isEmpty()) {
			draft.number = m.group(1) + ("/".equals(m.group(2)) ? "/" : "-") + code;
			draft.extract("number", draft.number, p.lineAt(m.start()));
		}
		return text.substring(0, m.start()) + " ".repeat(m.end() - m.start()) + text.substring(m.end());
	}

	private static String dateAndPlace(String text, Paragraph p, DraftBuilder draft) {
		Matcher m = DATE.matcher(Words.fold(text));
		if (draft.date != null || draft.place != null || !m.find()) {
			return text;
		}
		int line = p.lineAt(m.start());
		if (m.group(1) != null && m.group(2) != null && m.group(3) != null) {
			try {
				draft.date = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(1)));
				draft.extract("date", draft.date, line);
			}
			catch (DateTimeException ex) {
				String written = text.substring(m.start(), m.end());
				draft.warn(line, ImportMessage.IMPOSSIBLE_DOCUMENT_DATE, "impossible document date '" + written + "'",
						written);
			}
		}
		else {
			String written = text.substring(m.start(), m.end()).strip();
			draft.warn(line, ImportMessage.DATE_BLANK, "the document date is left blank ('" + written + "')", written);
		}
		String[] before = text.substring(0, m.start()).replaceAll("[,\\s]+$", "").split(" ");
		List<String> place = new ArrayList<>();
		for (int i = before.length - 1; i >= 0; i--) {
			String word = before[i];
			if (word.isEmpty() || (Words.isUpper(word) && !word.matches("TP\\.?|TX\\.?")) || word.contains("/")
					|| !Character.isLetter(word.charAt(0))) {
				break;
			}
			place.add(0, word);
		}
		if (!place.isEmpty()) {
			draft.place = String.join(" ", place);
			draft.extract("place", draft.place, line);
		}
		return text.substring(0, m.start());
	}

	private static void kindAndTitle(Layout layout, DraftBuilder draft) {
		if (layout.kind < 0) {
			draft.warn(0, ImportMessage.NO_HEADING, "no 'KẾ HOẠCH' or 'HƯỚNG DẪN' heading: title and header not found");
			return;
		}
		Paragraph kind = layout.paragraphs.get(layout.kind);
		draft.kind = kind.folded().startsWith("ke") ? "KẾ HOẠCH" : "HƯỚNG DẪN";
		draft.extract("kind", draft.kind, kind.line());
		List<String> parts = new ArrayList<>();
		String rest = kind.text().substring(layout.kindEnd).replaceAll("^[\\s:.\\-–]+", "");
		if (!rest.isEmpty()) {
			parts.add(rest);
		}
		List<Paragraph> title = layout.titleParagraphs();
		for (Paragraph p : title.subList(1, title.size())) {
			if (!NUMBER.matcher(p.text()).lookingAt()) {
				parts.add(p.text());
			}
		}
		if (parts.isEmpty()) {
			draft.warn(kind.line(), ImportMessage.NO_TITLE, "no title under '" + draft.kind + "'", draft.kind);
			return;
		}
		String text = String.join(" ", parts).replaceAll("\\s+", " ").replaceAll("^[\"“(]+|[\"”)]+$", "").strip();
		draft.title = Words.capitalise(text);
		draft.extract("title", draft.title, (title.size() > 1 && rest.isEmpty()) ? title.get(1).line() : kind.line());
	}

	private static void implemented(Layout layout, DraftBuilder draft) {
		for (Paragraph p : layout.preamble()) {
			Matcher m = IMPLEMENTED.matcher(p.folded());
			while (m.find()) {
				String written = p.text().substring(m.start(), m.end()).strip();
				String dateText = m.group(4);
				Matcher issued = ISSUED_ON.matcher(p.folded().substring(0, m.start()));
				if (dateText == null && issued.find()) {
					dateText = issued.group(1);
					String by = p.text().substring(issued.start(2), issued.end(2));
					written = written + ", ngày " + p.text().substring(issued.start(1), issued.end(1)) + " của " + by;
				}
				written = written.replaceAll("[\\s,]+$", "");
				draft.implementsDocuments.add(written);
				int line = p.lineAt(m.start());
				draft.extract("implements", written, line);
				LocalDate date = (dateText != null) ? Dates.parse(Words.fold(dateText)) : null;
				if (date != null) {
					draft.implementsDates.add(new DraftBuilder.Dated(written, date, line));
				}
			}
		}
	}

	private static void issuer(Layout layout, DraftBuilder draft, List<String> issuerLines, List<Integer> lines) {
		Pattern pattern = "HƯỚNG DẪN".equals(draft.kind) ? ISSUER_GUIDANCE : ISSUER_PLAN;
		for (Paragraph p : layout.preamble()) {
			Matcher m = pattern.matcher(p.folded());
			while (m.find()) {
				String issuer = p.text().substring(m.start(1), m.end(1)).strip();
				if (!Character.isUpperCase(issuer.charAt(0))) {
					continue;
				}
				if (draft.place != null && BARE_LEVEL.matcher(Words.fold(issuer)).find()) {
					issuer = issuer + " " + draft.place;
				}
				draft.issuer = issuer;
				draft.extract("issuer", issuer, p.lineAt(m.start(1)));
				return;
			}
		}
		if (!issuerLines.isEmpty()) {
			String issuer = issuerLines.get(issuerLines.size() - 1);
			if (issuerLines.size() > 1 && LEVEL_LINE.matcher(Words.fold(issuer)).find()) {
				issuer = issuerLines.get(issuerLines.size() - 2) + " " + issuer;
			}
			draft.issuer = issuer;
			draft.extract("issuer", issuer, lines.get(lines.size() - 1));
			return;
		}
		draft.warn(0, ImportMessage.NO_ISSUER,
				"no issuing body found (neither in the header nor in a sentence '... xây dựng kế hoạch')");
	}

}
