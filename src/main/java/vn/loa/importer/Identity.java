package vn.loa.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.loa.importer.Source.Paragraph;

/**
 * Reads who issued the plan and what it is: number, kind, place and date, title, issuer
 * and the documents it implements.
 */
final class Identity {

	/**
	 * The adverbs a news sentence puts between a body and its verb (“vừa”, “đã”, “thống
	 * nhất”, “cùng”), never part of the body's name.
	 */
	private static final String ADVERB = "(?:vua|da|moi|chinh thuc|thong nhat|cung)";

	private static final Pattern MOTTO = Pattern.compile("dang\\s*cong\\s*san\\s*viet\\s*nam"
			+ "|doan\\s*(?:tncs|thanh\\s*nien\\s*cong\\s*san)\\s*ho\\s*chi\\s*minh(?!\\s*(?:tinh|thanh|huyen|xa|phuong))"
			+ "|cong\\s*hoa\\s*xa\\s*hoi\\s*chu\\s*nghia\\s*viet\\s*nam|doc\\s*lap\\s*[-–—]?\\s*tu\\s*do\\s*[-–—]?\\s*hanh\\s*phuc"
			// The national name a mass organisation's branch heads its right column with
			// ("HỘI CỰU CHIẾN BINH VIỆT NAM" beside "BCH HỘI CCB HUYỆN BÌNH LIÊU"), not
			// the central committee's own ("BAN CHẤP HÀNH TRUNG ƯƠNG HỘI ...").
			+ "|(?<!(?:uong|hanh|ban)\\s{1,3})(?:hoi\\s*(?:cuu\\s*chien\\s*binh|nong\\s*dan|lien\\s*hiep\\s*phu\\s*nu)"
			+ "|tong\\s*lien\\s*doan\\s*lao\\s*dong|cong\\s*doan)\\s*viet\\s*nam(?![ \\t]*[a-z])");

	private static final Pattern NUMBER = Pattern.compile("(?<!\\p{L})(?:Số|SỐ|số)\\s*:?\\s*(\\d*)\\s*([-–—/]?)\\s*"
			+ "([A-ZĐ][A-ZĐa-zđ0-9]*(?:\\s*[-–—/]\\s*[A-ZĐ][A-ZĐa-zđ0-9]*){1,3})");

	private static final Pattern DATE = Pattern
		.compile("ngay\\s*(\\d{1,2})?[\\s._…-]*thang\\s*(\\d{1,2})?[\\s._…-]*nam\\s*(\\d{4})?");

	/** A date written all in words, the year too. */
	private static final Pattern DATE_IN_WORDS = Pattern.compile("ngay\\s+(" + Numbers.WORDS + ")\\s+thang\\s+("
			+ Numbers.WORDS + ")\\s+nam\\s+(" + Numbers.YEAR_WORDS + ")(?![a-z])");

	/** A place-and-date line in figures: "Đông Vĩnh, ngày 15-02-2024". */
	private static final Pattern DATE_IN_FIGURES = Pattern
		.compile("(?<=,\\s{0,3})(?<!(?:thu\\s(?:hai|ba|tu|nam|sau|bay)|chu\\snhat),\\s{0,3})"
				+ "ngay\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})");

	/** A short number: an official letter's "Số: 215/UBND". */
	private static final Pattern NUMBER_SHORT = Pattern
		.compile("(?<!\\p{L})(?:Số|SỐ)\\s*:?\\s*(\\d+)\\s*(/)\\s*([A-ZĐ][A-ZĐ]{1,12})(?![\\p{L}\\d/-])");

	private static final Pattern ISSUER_PLAN = issuerOf("ke hoach");

	/** “Ban Thường vụ Tỉnh đoàn Cà Mau ban hành Chương trình ... như sau”. */
	private static final Pattern ISSUER_PROGRAMME = issuerOf("chuong trinh");

	private static final Pattern ISSUER_GUIDANCE = Pattern.compile("(?<![a-z])((?:ban|uy ban|ubnd|thuong truc|"
			+ "dang uy|huyen uy|thanh uy|tinh uy|quan uy|thi uy|phong|so|trung tam|hoi dong|doan|hoi|bo)\\b[^,.;:()]*?)"
			+ "(?:\\s+" + ADVERB + ")*\\s+(?:ban hanh\\s+)?huong dan\\b(?!\\s*so)");

	private static final Pattern BARE_LEVEL = Pattern.compile(
			"(huyen uy|thanh uy|tinh uy|quan uy|thi uy|tinh doan|thanh doan|huyen doan|\\bxa|phuong|thi tran|\\bhuyen"
					+ "|thanh pho|\\btinh|\\bquan|thi xa)$");

	/** A province's department named without its province: “Sở Nội vụ”. */
	private static final Pattern DEPARTMENT_ONLY = Pattern
		.compile("^so\\s+(?!.*(?<![a-z])(?:tinh|thanh pho)(?![a-z])).*$");

	/**
	 * The words of a place's level that are written in lower case: “Thành phố”, “Thị xã”.
	 */
	private static final java.util.Set<String> LEVEL_WORDS = java.util.Set.of("thành", "phố", "thị", "xã", "trấn");

	/** The provinces that are cities, whose departments are “Sở ... thành phố ...”. */
	private static final java.util.Set<String> CITIES = java.util.Set.of("ha noi", "hai phong", "hue", "da nang",
			"ho chi minh", "can tho");

	private static final Pattern LEVEL_LINE = Pattern
		.compile("^(xa|phuong|huyen|tinh|thanh pho|quan|thi xa|thi tran)\\b(?!\\s+uy\\b)");

	static final String DOCUMENT = "(chi thi|nghi quyet|ket luan|huong dan|ke hoach|quyet dinh|cong van|thong bao|"
			+ "quy dinh|chuong trinh|nghi dinh|thong tu|van ban|cong dien|luat)";

	/**
	 * A cited document; a law by its name then its number ("Luật Tổ chức ... số
	 * 72/2025/QH15").
	 */
	private static final Pattern IMPLEMENTED = Pattern.compile("(?<![a-z])" + DOCUMENT
			+ "(?:(?<=luat)\\s+[a-z][a-z ,-]{2,80}?|(?<=chuong trinh|ke hoach|quy che)\\s+(?:phoi hop|lien tich))?"
			+ "\\s+so\\s*:?\\s*(\\d+\\s*[-/–]\\s*[a-z0-9][a-z0-9/\\-–]*)"
			+ "(\\s*,?\\s*ngay\\s*(\\d{1,2}\\s*[/.-]\\s*\\d{1,2}\\s*[/.-]\\s*\\d{4}|\\d{1,2}\\s*thang\\s*\\d{1,2}\\s*nam\\s*\\d{4}))?"
			+ "(\\s*,?\\s*(?:cua|giua)\\s+[^,;:()]*?)?(?=\\s+(?:ve|va\\s+" + DOCUMENT
			+ "|trien khai|ban hanh|thuc hien|nham|huong dan)\\b|\\s*[,;:()]|\\.\\s|\\.?$)");

	private static final Pattern ISSUED_ON = Pattern
		.compile("^ngay\\s*(\\d{1,2}\\s*/\\s*\\d{1,2}\\s*/\\s*\\d{4})\\s*,\\s*(.+?)\\s+ban hanh\\s+$");

	/** Who issues a document, as a lead names it. */
	private static final String ISSUER = "((?<![a-z])(?:ban|uy ban|ubnd|thuong truc|dang uy|huyen uy|thanh uy|tinh uy|quan uy"
			+ "|thi uy|so|trung tam|hoi dong|bo|hoi|tinh doan|thanh doan|mat tran|doan chu tich|lien doan|cong an"
			+ "|bo chi huy)\\b" + "(?:[^,.;:()]|,\\s+(?=the thao|thuong binh)|\\([a-z]{2,8}\\))*?)";

	/**
	 * A date in figures, its year sometimes left to the page's dateline (“Chiều 28/2”).
	 */
	private static final String DAY = "(\\d{1,2}\\s*[/.-]\\s*\\d{1,2}(?:\\s*[/.-]\\s*\\d{4})?)";

	private static final String NUMBER_WRITTEN = "(\\d+\\s*[-/–]\\s*[a-z0-9][a-z0-9/\\-–]*)";

	/**
	 * A news write-up's lead: “Ngày 14/3/2025, Ban Thường vụ Tỉnh ủy ... vừa ban hành Kế
	 * hoạch số 218-KH/TU ...” or “... đã ban hành Kế hoạch số 48-KH/ĐU, ngày 09/01/2026”:
	 * the date before, the issuer (without the sentence's adverbs), the number and the
	 * date after.
	 */
	private static final Pattern LEAD = Pattern.compile("(?:(?:ngay|sang|chieu|toi|trua)\\s*" + DAY + "\\s*,\\s*)?"
			+ ISSUER + "\\s+(?:" + ADVERB + "\\s+)*ban hanh\\s+" + DOCUMENT + "\\s+so\\s*:?\\s*" + NUMBER_WRITTEN
			+ "(?:\\s*,?\\s*ngay\\s*" + DAY + ")?");

	/**
	 * A lead that names the document by its subject and gives its number in brackets:
	 * “... Ủy ban nhân dân tỉnh Gia Lai đã ban hành Kế hoạch tuyên truyền ... (Kế hoạch
	 * số 123/KH-UBND ngày 5/3/2025)”.
	 */
	private static final Pattern LEAD_BRACKETED = Pattern.compile("(?:(?:ngay|sang|chieu|toi|trua)\\s*" + DAY
			+ "\\s*,\\s*)?" + ISSUER + "\\s+(?:" + ADVERB + "\\s+)*ban hanh\\s+" + DOCUMENT + "[^()]{0,240}?\\(\\s*(?:"
			+ DOCUMENT + "\\s+)?so\\s*:?\\s*" + NUMBER_WRITTEN + "(?:\\s*,?\\s*(?:ban hanh\\s*)?ngay\\s*" + DAY + ")?");

	/**
	 * A lead in the passive: “Kế hoạch số 45-KH/TU ngày 10/3/2025 do Ban Thường vụ Tỉnh
	 * ủy ban hành ...”, “Kế hoạch số 45-KH/TU tổ chức ... vừa được UBND tỉnh ban hành
	 * ngày ...”.
	 */
	private static final Pattern LEAD_PASSIVE = Pattern.compile(
			"(?:(?:ngay|sang|chieu|toi|trua)\\s*" + DAY + "\\s*,\\s*)?" + DOCUMENT + "\\s+so\\s*:?\\s*" + NUMBER_WRITTEN
					+ "(?:\\s*,?\\s*ngay\\s*" + DAY + ")?[^.;]{0,300}?\\s*,?\\s*(?:(?:vua|da|moi)\\s+)?(?:do|duoc)\\s+"
					+ ISSUER + "\\s+(?:" + ADVERB + "\\s+)*ban hanh(?:\\s*(?:vao\\s*)?ngay\\s*" + DAY + ")?");

	/** A footnote marker glued to a word of the preamble: “... của Trung ương1”. */
	private static final Pattern MARKER = Pattern.compile("(?<=\\p{L})(\\d{1,2})(?=[\\s,;.:)]|$)");

	/** A footnote naming a document: “1 Hướng dẫn số 118-HD/BTGTW, ngày ...”. */
	private static final Pattern FOOTNOTE = Pattern.compile("^(\\d{1,2})\\s+" + DOCUMENT + "\\s+so");

	/**
	 * The footnotes the preamble points to: a copy from a PDF keeps the grounds' details
	 * at the foot of the page and a bare number in the text.
	 */
	private static List<Paragraph> footnotes(Layout layout) {
		java.util.Set<String> markers = new java.util.HashSet<>();
		for (Paragraph p : layout.preamble()) {
			Matcher m = MARKER.matcher(p.text());
			while (m.find()) {
				markers.add(m.group(1));
			}
		}
		List<Paragraph> notes = new ArrayList<>();
		if (markers.isEmpty()) {
			return notes;
		}
		for (Paragraph p : layout.paragraphs) {
			Matcher m = FOOTNOTE.matcher(p.folded());
			if (m.find() && markers.contains(m.group(1))) {
				notes.add(p);
			}
		}
		return notes;
	}

	/** Words that make a document named in a write-up the plan's ground. */
	private static final Pattern GROUNDED = Pattern.compile("(?<![a-z])(can cu|thuc hien|cu the hoa|tren co so"
			+ "|trien khai|theo|nham)(?![a-z])[^.;]*$|(?:;|,|va)\\s*$");

	/** How many paragraphs from a news lead may name the documents a plan carries out. */
	private static final int LEAD_GROUNDS = 8;

	/**
	 * A lead that names no number (“Ban Thường vụ Tỉnh ủy Hậu Giang vừa ban hành kế hoạch
	 * tuyên truyền ...”): the issuer; the number and date come later in the write-up.
	 */
	private static final Pattern LEAD_UNNUMBERED = Pattern.compile("(?:(?:ngay|sang|chieu|toi|trua)\\s*" + DAY
			+ "\\s*,\\s*)?" + ISSUER + "\\s+(?:" + ADVERB + "\\s+)*ban hanh\\s+" + DOCUMENT + "(?!\\s+so)");

	/**
	 * The number given later: “Theo Kế hoạch số 163-KH/TU ban hành ngày 17-4-2023, ...”.
	 */
	private static final Pattern LATER_NUMBER = Pattern
		.compile("(?<![a-z])(?:theo|tai)\\s+" + DOCUMENT + "\\s+so\\s*:?\\s*" + NUMBER_WRITTEN
				+ "(?:\\s*,?\\s*(?:(?:duoc\\s+)?(?:ky\\s+)?ban hanh\\s+)?(?:vao\\s+)?ngay\\s*" + DAY + ")?");

	/** The date given later: “Kế hoạch do lãnh đạo Bộ ký ban hành ngày 13/5, ...”. */
	private static final Pattern LATER_DATE = Pattern.compile("(?<![a-z])" + DOCUMENT
			+ "\\s+(?:(?:duoc|do)\\s+[^,.;:()]{0,40}?\\s*)?(?:ky\\s+)?ban hanh\\s+(?:vao\\s+)?ngay\\s*" + DAY);

	/** A page's dateline with its year (“Thứ Sáu, 28/02/2025 - 17:42”). */
	private static final Pattern DATELINE = Pattern
		.compile("(?<![\\d/.-])\\d{1,2}\\s*([/.-])\\s*\\d{1,2}\\s*\\1\\s*(\\d{4})");

	/** A department line of a two-line header (“BAN TUYÊN GIÁO”, “SỞ VĂN HÓA, ...”). */
	private static final Pattern DEPARTMENT = Pattern
		.compile("^(ban |so |phong |van phong|trung tam|uy ban kiem tra|chi cuc)");

	/** The parent body above a department line. */
	private static final Pattern PARENT = Pattern
		.compile("^(tinh uy|thanh uy|huyen uy|quan uy|thi uy|dang uy|dang bo|uy ban nhan dan|ubnd"
				+ "|cong an (?:tinh|thanh pho|huyen|xa|phuong)|bo chi huy quan su|bo chqs)\\b");

	/** A level word before a place name (“Xã Yên Lạc”): the place is the name. */
	private static final Pattern PLACE_LEVEL = Pattern
		.compile("^(xa|phuong|thi tran|huyen|tinh|quan|thi xa|thanh pho|tp\\.?)\\s+");

	private Identity() {
	}

	/** The body that issues a document of that kind, named in the preamble. */
	private static Pattern issuerOf(String document) {
		return Pattern.compile("(?<![a-z])((?:ban|uy ban|ubnd|thuong truc|dang uy|"
				+ "huyen uy|thanh uy|tinh uy|quan uy|thi uy|phong|so|trung tam|hoi dong|doan|hoi|bo|tinh doan)\\b[^,.;:()]*?)"
				+ "(?:\\s+" + ADVERB + ")*\\s+(?:xay dung|ban hanh|trien khai|de ra|lap)\\s+" + document
				+ "\\b(?!\\s*so)");
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
			if (layout.header().contains(p) && Words.isUpper(text) && !issuerLines.isEmpty()
					&& (Words.fold(text).startsWith("va ") || issuerLines.get(issuerLines.size() - 1).endsWith(",")
							|| wrapped(issuerLines.get(issuerLines.size() - 1), text))) {
				// A name wrapped in the header: "BỘ VĂN HÓA, THỂ THAO" ⏎ "VÀ DU LỊCH".
				issuerLines.set(issuerLines.size() - 1, issuerLines.get(issuerLines.size() - 1) + " " + text);
				draft.extract("issuer.header", text, p.line());
			}
			else if (layout.header().contains(p) && Words.isUpper(text)) {
				issuerLines.add(text);
				issuerLineNumbers.add(p.line());
				draft.extract("issuer.header", text, p.line());
			}
		}
		kindAndTitle(layout, draft);
		if (draft.number == null && draft.code == null || layout.kind < 0 && draft.date == null) {
			lead(layout, draft);
		}
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

	/**
	 * Whether a short line is the end of the department's name above it, wrapped in a
	 * narrow column: “SỞ THÔNG TIN VÀ TRUYỀN” ⏎ “THÔNG”, “PHÒNG CÔNG TÁC ĐẢNG VÀ CÔNG
	 * TÁC” ⏎ “CHÍNH TRỊ”.
	 */
	private static boolean wrapped(String above, String line) {
		String folded = Words.fold(line);
		return DEPARTMENT.matcher(Words.fold(above)).find() && folded.split("\\s+").length <= 2
				&& !PARENT.matcher(folded).find() && !LEVEL_LINE.matcher(folded).find();
	}

	/** A word all in capitals, short ones too (“ỦY”). */
	private static boolean capitals(String word) {
		long letters = word.chars().filter(Character::isLetter).count();
		return letters >= 2 && word.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
	}

	private static final Pattern CITED = Pattern.compile("(?<![a-z])" + DOCUMENT + "\\s*$");

	private static String number(String text, Paragraph p, DraftBuilder draft) {
		Matcher m = NUMBER.matcher(text);
		boolean found = false;
		while (draft.code == null && !found && m.find()) {
			// "Kế hoạch số 305/KH-UBND" in a page's menu names another document; the
			// header's own is "Số: ...".
			found = !CITED.matcher(Words.fold(text.substring(Math.max(0, m.start() - 14), m.start()))).find();
		}
		if (!found && draft.code == null) {
			m = NUMBER_SHORT.matcher(text);
			found = m.find();
		}
		if (!found) {
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
		if (draft.date != null || draft.place != null) {
			return text;
		}
		Matcher m = DATE.matcher(Words.fold(text));
		if (!m.find()) {
			m = DATE_IN_FIGURES.matcher(Words.fold(text));
			if (!m.find()) {
				// "ngày mười bảy tháng mười một năm hai nghìn không trăm hai mươi sáu":
				// read as the same date in figures, in the same place on the line.
				String folded = Words.fold(text);
				Matcher words = DATE_IN_WORDS.matcher(folded);
				if (!words.find()) {
					return text;
				}
				m = DATE.matcher(folded.substring(0, words.start()) + "ngay " + Numbers.value(words.group(1))
						+ " thang " + Numbers.value(words.group(2)) + " nam " + Numbers.year(words.group(3)));
				if (!m.find(words.start())) {
					return text;
				}
			}
		}
		int line = p.lineAt(m.start());
		if (m.group(1) != null && m.group(2) != null && m.group(3) != null) {
			try {
				draft.date = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(1)));
				draft.extract("date", draft.date, line);
			}
			catch (DateTimeException ex) {
				String written = text.substring(m.start(), Math.min(m.end(), text.length()));
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
			// A comma or a word in lower case ends the words before the place: "V/v
			// tuyên truyền, cổ động trực quan Hà Nội, ngày" on one line is the
			// subject's words, then the place; within a name only a level is written
			// in lower case ("Thành phố Huế"), and a word that is no name at all
			// ("Kế hoạch, ngày") is kept for the review to flag.
			if ((word.equals("-") || word.equals("–")) && !place.isEmpty() && i > 0 && !before[i - 1].isEmpty()
					&& Character.isUpperCase(before[i - 1].charAt(0)) && !capitals(before[i - 1])) {
				// A ward named after two places: "Xuân Hương - Đà Lạt, ngày".
				place.add(0, word);
				continue;
			}
			if (word.isEmpty() || (capitals(word) && !word.matches("TP\\.?|TX\\.?")) || word.contains("/")
					|| !Character.isLetter(word.charAt(0)) || word.endsWith(",")
					|| !place.isEmpty() && Character.isLowerCase(word.charAt(0)) && !LEVEL_WORDS.contains(word)) {
				break;
			}
			place.add(0, word);
		}
		String head = text.substring(0, m.start());
		if (!place.isEmpty()) {
			String written = String.join(" ", place);
			Matcher level = PLACE_LEVEL.matcher(Words.fold(written));
			draft.place = (level.find() && level.end() < written.length()) ? written.substring(level.end()) : written;
			draft.extract("place", draft.place, line);
			// What comes before the place is the header's own ("ỦY BAN NHÂN DÂN TỈNH
			// QUẢNG NINH ... Số: ... Quảng Ninh, ngày" flattened into one line).
			int at = head.lastIndexOf(written);
			if (at >= 0) {
				head = head.substring(0, at);
			}
		}
		return head;
	}

	private static void kindAndTitle(Layout layout, DraftBuilder draft) {
		if (layout.kind < 0) {
			draft.warn(0, ImportMessage.NO_HEADING, "no 'KẾ HOẠCH' or 'HƯỚNG DẪN' heading: title and header not found");
			draft.extract("heading.none", "", 0);
			return;
		}
		Paragraph kind = layout.paragraphs.get(layout.kind);
		draft.kind = kindName(kind.folded());
		draft.extract("kind", draft.kind, kind.line());
		draft.extract(layout.kindUnderHeader ? "heading.under_header" : "heading.first", kind.text().strip(),
				kind.line());
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

	/**
	 * Without a header block, a news write-up names the document in its lead sentence:
	 * number, date and issuer are read from there.
	 */
	private static void lead(Layout layout, DraftBuilder draft) {
		List<Paragraph> first = layout.paragraphs.subList(0, Math.min(layout.paragraphs.size(), 12));
		// A lead that gives the number wins over a headline that does not ("Huyện ủy X
		// ban hành kế hoạch ..." above "..., ngày 10/02/2025, Ban Thường vụ Huyện ủy X đã
		// ban hành Kế hoạch số 286-KH/HU").
		Paragraph p = null;
		Lead lead = null;
		for (Paragraph candidate : first) {
			Lead found = lead(candidate);
			if (found != null && (lead == null || (found.number() != null && lead.number() == null))) {
				p = candidate;
				lead = found;
			}
		}
		if (p == null || lead == null) {
			return;
		}
		draft.leadParagraph = layout.paragraphs.indexOf(p);
		int line = p.lineAt(lead.issuer()[0]);
		draft.extracted.removeIf((value) -> value.field().equals("heading.none"));
		draft.extract("heading.lead", p.text().substring(lead.start(), lead.end()).strip(), line);
		Paragraph numbered = p;
		int[] numberAt = lead.number();
		String dateWritten = lead.date();
		List<Paragraph> after = layout.paragraphs.subList(draft.leadParagraph,
				Math.min(layout.paragraphs.size(), draft.leadParagraph + LEAD_GROUNDS));
		for (Paragraph later : after) {
			Matcher m = LATER_NUMBER.matcher(later.folded());
			if (numberAt == null && m.find()) {
				numbered = later;
				numberAt = new int[] { m.start(2), m.end(2) };
				dateWritten = (dateWritten != null) ? dateWritten : m.group(3);
			}
			Matcher d = LATER_DATE.matcher(later.folded());
			if (dateWritten == null && d.find()) {
				dateWritten = d.group(2);
			}
		}
		if (numberAt != null && draft.number == null) {
			String number = numbered.text()
				.substring(numberAt[0], numberAt[1])
				.replaceAll("\\s+", "")
				.replaceAll("[–—]", "-");
			draft.number = number;
			draft.code = number.replaceFirst("^\\d+[-/]", "");
			draft.extract("number", draft.number, numbered.lineAt(numberAt[0]));
		}
		LocalDate parsed = (dateWritten != null) ? leadDate(dateWritten, first, p) : null;
		if (draft.date == null && parsed != null) {
			draft.date = parsed;
			draft.extract("date", draft.date, line);
		}
		if (draft.issuer == null) {
			// "Hội Liên hiệp Phụ nữ (LHPN) tỉnh Nghệ An": the abbreviation in brackets is
			// not part of the name.
			draft.leadIssuer = p.text()
				.substring(lead.issuer()[0], lead.issuer()[1])
				.replaceAll("\\s*\\([\\p{Lu}Đ]{2,8}\\)", "")
				.strip();
			draft.leadIssuerLine = line;
		}
	}

	/** The lead sentence of a paragraph in any of its forms, or null. */
	private static @Nullable Lead lead(Paragraph p) {
		for (Pattern pattern : List.of(LEAD, LEAD_BRACKETED, LEAD_UNNUMBERED, LEAD_PASSIVE)) {
			Matcher m = pattern.matcher(p.folded());
			while (m.find()) {
				Lead lead = lead(pattern, m);
				// "... Đảng bộ tỉnh ... ban hành": an issuer starts with a capital.
				if (Character.isUpperCase(p.text().charAt(lead.issuer()[0]))) {
					return lead;
				}
			}
		}
		return null;
	}

	private static Lead lead(Pattern pattern, Matcher m) {
		if (pattern == LEAD) {
			return new Lead(m.start(), m.end(), new int[] { m.start(2), m.end(2) }, new int[] { m.start(4), m.end(4) },
					(m.group(5) != null) ? m.group(5) : m.group(1));
		}
		if (pattern == LEAD_BRACKETED) {
			return new Lead(m.start(), m.end(), new int[] { m.start(2), m.end(2) }, new int[] { m.start(5), m.end(5) },
					(m.group(6) != null) ? m.group(6) : m.group(1));
		}
		if (pattern == LEAD_UNNUMBERED) {
			return new Lead(m.start(), m.end(), new int[] { m.start(2), m.end(2) }, null, m.group(1));
		}
		String date = (m.group(4) != null) ? m.group(4) : (m.group(6) != null) ? m.group(6) : m.group(1);
		return new Lead(m.start(), m.end(), new int[] { m.start(5), m.end(5) }, new int[] { m.start(3), m.end(3) },
				date);
	}

	/**
	 * The lead's date; a day and month without a year (“Chiều 28/2”) take the year of the
	 * page's dateline above the lead.
	 */
	private static @Nullable LocalDate leadDate(String written, List<Paragraph> first, Paragraph lead) {
		String[] parts = written.replaceAll("\\s", "").split("[/.-]");
		if (parts.length == 3) {
			return Dates.of(parts[2], parts[1], parts[0]);
		}
		for (Paragraph p : first) {
			if (p == lead) {
				break;
			}
			Matcher dateline = DATELINE.matcher(p.folded());
			if (dateline.find()) {
				return Dates.of(dateline.group(2), parts[1], parts[0]);
			}
		}
		return null;
	}

	/** Where a lead is, the spans of its issuer and number, and its date as written. */
	private record Lead(int start, int end, int[] issuer, int @Nullable [] number, @Nullable String date) {

	}

	/** The kind as the draft names it: “KẾ HOẠCH”, “HƯỚNG DẪN”, “ĐỊNH HƯỚNG”, ... */
	static String kindName(String folded) {
		if (folded.startsWith("ke hoach")) {
			return "KẾ HOẠCH";
		}
		if (folded.startsWith("huong dan")) {
			return "HƯỚNG DẪN";
		}
		if (folded.startsWith("dinh huong")) {
			return "ĐỊNH HƯỚNG";
		}
		if (folded.startsWith("quyet dinh")) {
			return "QUYẾT ĐỊNH";
		}
		if (folded.startsWith("thong bao")) {
			return "THÔNG BÁO";
		}
		return "CHƯƠNG TRÌNH";
	}

	private static void implemented(Layout layout, DraftBuilder draft) {
		List<Paragraph> grounds = new ArrayList<>(layout.preamble());
		List<Paragraph> told = new ArrayList<>();
		if (layout.kind < 0 && draft.leadParagraph >= 0) {
			// A news write-up's lead and the sentences after it name what the plan
			// carries out.
			int from = draft.leadParagraph;
			told.addAll(layout.paragraphs.subList(from,
					Math.max(from, Math.min(layout.closing, Math.min(layout.paragraphs.size(), from + LEAD_GROUNDS)))));
			grounds.addAll(0, told);
		}
		grounds.addAll(layout.annexPreamble());
		grounds.addAll(footnotes(layout));
		java.util.Set<String> cited = new java.util.HashSet<>();
		for (Paragraph p : grounds) {
			Matcher m = IMPLEMENTED.matcher(p.folded());
			while (m.find()) {
				String written = p.text().substring(m.start(), m.end()).strip();
				if (told.contains(p)
						&& !GROUNDED.matcher(p.folded().substring(Math.max(0, m.start() - 60), m.start())).find()) {
					// A write-up names other documents too ("tuyên truyền Kết luận số
					// ..."); the plan's grounds are said to be grounds.
					continue;
				}
				if (draft.number != null && compact(m.group(2)).equals(compact(Words.fold(draft.number)))) {
					// The document itself, named in a news lead or a decision's article.
					continue;
				}
				if (!cited.add(compact(m.group(2)))) {
					// Cited again (a decision's grounds and its annex's).
					continue;
				}
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

	private static String compact(String text) {
		return text.replaceAll("\\s", "").replaceAll("[–—]", "-");
	}

	/**
	 * A level name in the header (“TỈNH ỦY HÀ NAM” for “tỉnh ủy”), in title case, or
	 * null: the issuer's own name, better than the place the document was signed in.
	 */
	private static @org.jspecify.annotations.Nullable String nameInHeader(String level, List<String> issuerLines) {
		for (String line : issuerLines) {
			String folded = Words.fold(line);
			int at = folded.indexOf(level + " ");
			if (at >= 0) {
				// "CỔNG THÔNG TIN ĐIỆN TỬ XÃ HƯNG ĐẠO - TỈNH CAO BẰNG": the name ends at
				// the separator.
				String name = line.substring(at + level.length()).split("\\s[-–—|]\\s")[0].strip();
				if (!name.isEmpty()) {
					return titleCase(name);
				}
			}
		}
		return null;
	}

	/**
	 * Whether the level word an issuer ends with is a level (“UBND xã”, “Ban Thường vụ
	 * Tỉnh ủy”) and not the end of a place's name (“UBND xã Cẩm Quan”, whose “Quan” is no
	 * “quận”): a one-word level is written in lower case.
	 */
	private static boolean isLevel(String issuer, Matcher bare) {
		String level = bare.group(1).strip();
		return level.contains(" ") || Character.isLowerCase(
				issuer.charAt(bare.start(1) + (bare.group(1).length() - bare.group(1).stripLeading().length())));
	}

	/**
	 * The province a provincial paper is named after: “BÁO ĐẮK LẮK ĐIỆN TỬ”, and since
	 * 2025 “BÁO VÀ PHÁT THANH, TRUYỀN HÌNH ĐẮK LẮK”; {@code null} when the banner names
	 * no paper.
	 */
	private static @org.jspecify.annotations.Nullable String newspaperPlace(List<String> banner) {
		String named = nameInHeader("bao", banner);
		if (named == null) {
			return null;
		}
		return named.replaceFirst("(?i)\\s+(Điện Tử|Online)$", "")
			.replaceFirst("(?iu)^và\\s+phát\\s+thanh,?\\s+truyền\\s+hình\\s+", "");
	}

	/**
	 * A site's banner: its first lines in capitals, each up to its first separator, the
	 * portal's own name, and the place a news headline starts with.
	 */
	private static List<String> banner(Layout layout) {
		List<String> banner = new ArrayList<>();
		int end = Math.min((layout.kind < 0 && layout.paragraphs.size() > 0) ? 6 : 3, layout.paragraphs.size());
		for (Paragraph p : layout.paragraphs.subList(0, end)) {
			String first = p.text().split("\\s[|›»]\\s|\\s-\\s")[0];
			Matcher headline = HEADLINE_PLACE.matcher(p.text());
			if (Words.isUpper(first) || SITE.matcher(Words.fold(first)).find()) {
				// "BÁO ĐẮK LẮK", "Cổng Thông tin điện tử tỉnh Quảng Ngãi".
				banner.add(first);
			}
			else if (headline.find()) {
				// A provincial paper's headline "Tuyên Quang: Đẩy mạnh tuyên truyền ...".
				banner.add("TỈNH " + headline.group(1));
				banner.add("THÀNH PHỐ " + headline.group(1));
			}
		}
		return banner;
	}

	/**
	 * A site's own name: “Cổng Thông tin điện tử tỉnh …”, “Trang thông tin điện tử xã …”.
	 */
	private static final Pattern SITE = Pattern
		.compile("^(?:cong|trang)\\s+thong\\s+tin\\s+dien\\s+tu\\s+(?:tinh|thanh pho|xa|phuong)\\s");

	/** A headline that starts with its place: “Tuyên Quang: ...”. */
	private static final Pattern HEADLINE_PLACE = Pattern
		.compile("^(\\p{Lu}\\p{L}*(?:\\s\\p{Lu}\\p{L}*){0,3}):\\s+\\p{Lu}");

	/** “HÀ NAM” → “Hà Nam”. */
	static String titleCase(String text) {
		StringBuilder out = new StringBuilder();
		for (String word : text.toLowerCase(java.util.Locale.ROOT).split(" ")) {
			if (!word.isEmpty()) {
				out.append(out.isEmpty() ? "" : " ")
					.append(Character.toUpperCase(word.charAt(0)))
					.append(word.substring(1));
			}
		}
		return out.toString();
	}

	/**
	 * A two-line header's issuer composed into one name: a department under its parent
	 * (“TỈNH ỦY NGHỆ AN” over “BAN TUYÊN GIÁO” → “BAN TUYÊN GIÁO TỈNH ỦY NGHỆ AN”; “UBND
	 * TỈNH LÀO CAI” over “SỞ VĂN HÓA...” → “SỞ VĂN HÓA... TỈNH LÀO CAI”; “ĐẢNG BỘ TỈNH X”
	 * is its “TỈNH ỦY X”).
	 */
	static String composed(String parent, String department) {
		String folded = Words.fold(parent);
		String parentName = parent;
		if (folded.startsWith("dang bo ")) {
			String rest = parent.substring("ĐẢNG BỘ ".length()).strip();
			String restFolded = Words.fold(rest);
			parentName = restFolded.startsWith("tinh ") ? "TỈNH ỦY " + rest.substring(5)
					: restFolded.startsWith("thanh pho ") ? "THÀNH ỦY " + rest.substring(10)
							: restFolded.startsWith("huyen ") ? "HUYỆN ỦY " + rest.substring(6) : "ĐẢNG ỦY " + rest;
		}
		else if (folded.startsWith("uy ban nhan dan ")) {
			parentName = parent.substring("ỦY BAN NHÂN DÂN ".length()).strip();
		}
		else if (folded.startsWith("ubnd ")) {
			parentName = parent.substring("UBND ".length()).strip();
		}
		return department + " " + parentName;
	}

	/** The genre's abbreviations in an issuer's name, and what they stand for. */
	private static final String[][] ABBREVIATIONS = { { "UBND", "Ủy ban nhân dân" }, { "HĐND", "Hội đồng nhân dân" },
			{ "MTTQ", "Mặt trận Tổ quốc" }, { "BTV", "Ban Thường vụ" }, { "BTG", "Ban Tuyên giáo" },
			{ "BCH", "Ban Chấp hành" }, { "CCB", "Cựu chiến binh" }, { "ccb", "Cựu chiến binh" },
			{ "TNCS", "Thanh niên Cộng sản" }, { "LHPN", "Liên hiệp Phụ nữ" }, { "LĐLĐ", "Liên đoàn Lao động" },
			{ "TLĐLĐ", "Tổng Liên đoàn Lao động" } };

	/**
	 * An issuer with the genre's abbreviations written out (“UBND huyện Krông Pắc” → “Ủy
	 * ban nhân dân huyện Krông Pắc”; in capitals where the header is), so the same body
	 * is named the same way whichever form the document used.
	 */
	static String expanded(String issuer) {
		boolean upper = Words.isUpper(issuer);
		String out = issuer;
		for (String[] abbreviation : ABBREVIATIONS) {
			String full = upper ? abbreviation[1].toUpperCase(java.util.Locale.ROOT) : abbreviation[1];
			out = out.replaceAll("(?<![\\p{L}])" + abbreviation[0] + "(?![\\p{L}])", full);
		}
		return AgencyNames.normalCase(out);
	}

	private static final Pattern COMMITTEE = Pattern
		.compile("^((tinh|thanh|huyen|quan|thi|dang) uy|(tinh|thanh|huyen) doan|hoi|uy ban mat tran) ");

	/**
	 * A Party committee's document signed “T/M BAN THƯỜNG VỤ” (or T/L, on its behalf) is
	 * its Standing Board's: the header “HUYỆN ỦY TUẦN GIÁO” and that signature make “Ban
	 * Thường vụ Huyện ủy Tuần Giáo”.
	 */
	static void standingBoard(DraftBuilder draft) {
		PlanDraft.Signer signer = draft.signer;
		if (draft.issuer == null || signer == null || signer.onBehalfOf() == null) {
			return;
		}
		if (Words.fold(signer.onBehalfOf()).matches(".*\\bban thuong vu\\b.*")
				&& COMMITTEE.matcher(Words.fold(draft.issuer)).find()) {
			draft.issuer = "Ban Thường vụ " + draft.issuer;
			draft.extract("issuer", draft.issuer, signer.line());
		}
	}

	private static void issuer(Layout layout, DraftBuilder draft, List<String> issuerLines, List<Integer> lines) {
		Pattern pattern = switch (String.valueOf(draft.kind)) {
			case "HƯỚNG DẪN" -> ISSUER_GUIDANCE;
			case "CHƯƠNG TRÌNH" -> ISSUER_PROGRAMME;
			default -> ISSUER_PLAN;
		};
		for (Paragraph p : layout.preamble()) {
			if (draft.leadIssuer != null && layout.paragraphs.indexOf(p) > draft.leadParagraph) {
				// After a write-up's lead, "... xây dựng kế hoạch" is a task the plan
				// gives
				// ("Đảng ủy UBND tỉnh lãnh đạo UBND tỉnh xây dựng kế hoạch tổ chức lễ").
				break;
			}
			Matcher m = pattern.matcher(p.folded());
			while (m.find()) {
				String issuer = p.text().substring(m.start(1), m.end(1)).strip();
				if (!Character.isUpperCase(issuer.charAt(0))) {
					continue;
				}
				Matcher bare = BARE_LEVEL.matcher(Words.fold(issuer));
				if (bare.find() && isLevel(issuer, bare)) {
					String named = nameInHeader(bare.group(1).strip(), issuerLines);
					if (named != null) {
						issuer = issuer + " " + named;
					}
					else if (draft.place != null) {
						issuer = issuer + " " + draft.place;
					}
				}
				int last = issuerLines.size() - 1;
				if (last > 0 && Words.fold(issuer).equals(Words.fold(issuerLines.get(last)))
						&& DEPARTMENT.matcher(Words.fold(issuer)).find()
						&& PARENT.matcher(Words.fold(issuerLines.get(last - 1))).find()) {
					// "Phòng Văn hóa - Xã hội xây dựng Kế hoạch" under "UBND PHƯỜNG NAM
					// ĐỊNH / PHÒNG VĂN HÓA - XÃ HỘI": the department of that parent.
					issuer = composed(issuerLines.get(last - 1), issuerLines.get(last));
				}
				draft.issuer = expanded(issuer);
				draft.extract("issuer", draft.issuer, p.lineAt(m.start(1)));
				return;
			}
		}
		if (draft.leadIssuer != null) {
			String issuer = draft.leadIssuer;
			Matcher bare = BARE_LEVEL.matcher(Words.fold(issuer));
			if (bare.find() && isLevel(issuer, bare)) {
				// "Ban Thường vụ Tỉnh ủy" on the portal of "TỈNH SÓC TRĂNG".
				String level = bare.group(1)
					.strip()
					.replaceFirst("^thanh (uy|doan)$", "thanh pho")
					.replaceFirst(" (uy|doan)$", "");
				String named = nameInHeader(level, banner(layout));
				if (named == null && level.equals("tinh")) {
					// A province's newspaper: "BÁO ĐẮK LẮK", "BÁO KON TUM ĐIỆN TỬ".
					named = newspaperPlace(banner(layout));
				}
				if (named != null) {
					issuer = issuer + " " + named;
				}
			}
			else if (DEPARTMENT_ONLY.matcher(Words.fold(issuer)).matches()) {
				// "Sở Văn hóa, Thể thao và Du lịch" in "BÁO PHÚ THỌ ĐIỆN TỬ": the
				// province's department.
				String named = newspaperPlace(banner(layout));
				if (named != null) {
					issuer = issuer + (CITIES.contains(Words.fold(named)) ? " thành phố " : " tỉnh ") + named;
				}
			}
			draft.issuer = expanded(issuer);
			draft.extract("issuer", draft.issuer, draft.leadIssuerLine);
			return;
		}
		if (!issuerLines.isEmpty()) {
			String issuer = issuerLines.get(issuerLines.size() - 1);
			if (issuerLines.size() > 1 && LEVEL_LINE.matcher(Words.fold(issuer)).find()) {
				issuer = issuerLines.get(issuerLines.size() - 2) + " " + issuer;
			}
			else if (issuerLines.size() > 1 && DEPARTMENT.matcher(Words.fold(issuer)).find()
					&& PARENT.matcher(Words.fold(issuerLines.get(issuerLines.size() - 2))).find()) {
				issuer = composed(issuerLines.get(issuerLines.size() - 2), issuer);
			}
			draft.issuer = expanded(issuer);
			draft.extract("issuer", draft.issuer, lines.get(lines.size() - 1));
			return;
		}
		draft.warn(0, ImportMessage.NO_ISSUER,
				"no issuing body found (neither in the header nor in a sentence '... xây dựng kế hoạch')");
	}

}
