package vn.loa.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.loa.importer.PlanDraft.PhaseDraft;
import vn.loa.importer.Source.Paragraph;

/**
 * Finds a plan's phases: paragraphs that start with “Giai đoạn”, “Đợt”, “Thời gian”, “Cao
 * điểm”, “Quý” or “Từ ...”, split at each “đợt N” and “cao điểm”, and the period each one
 * gives (“từ nay đến hết năm 2024”, “từ năm 2025 đến Đại hội XIV”, “Quý IV/2022”, “từ
 * tháng 3-5/2025”, “từ ngày 28/3/2023 đến hết ngày 05/4/2023”).
 */
final class Phases {

	private static final Pattern MARKER = Pattern
		.compile("^(\\d{1,2}(\\.\\d{1,2})*\\s*[.)]|[-+•–·▪●\\uF0B7\\uF0A7]|[a-zđ]\\)|[IVX]{1,4}\\s*[.\\-–)])\\s*");

	private static final Pattern START = Pattern
		.compile("^(giai\\s*doan|dot\\s*cao\\s*diem|dot\\s*(\\d+|[ivx]+|mot|hai|ba|bon"
				+ "|thu\\s*(?:nhat|hai|ba|tu)|dau|cuoi)(?![a-z])"
				+ "|thoi\\s*gian|cao\\s*diem|quy\\s*([ivx]+|\\d)(?![a-z])|tu\\s*ngay|tu\\s*thang|tu\\s*nay|tu\\s*nam"
				+ "|buoc\\s*(\\d+|[ivx]+)(?![a-z])|thang\\s*\\d{1,2}\\s*/\\s*\\d{4}\\s*(?::|$)|sau\\s+[a-z ]{2,30}?\\s+den\\s)");

	private static final Pattern LABEL = Pattern.compile("^thoi\\s*gian[^:]{0,30}:\\s*");

	private static final Pattern SPLIT = Pattern
		.compile("(?<![a-z])(dot\\s*(\\d+|[ivx]+|mot|hai|ba|bon)|giai\\s*doan\\s*(\\d|[ivx]+)(?![a-z0-9/-])"
				+ "|cao\\s*diem)(?![a-z])");

	/**
	 * A numbered phase begun inside a paragraph, with its period, or the period a news
	 * write-up gives the plan (“Theo Kế hoạch, các hoạt động được triển khai từ ngày”).
	 */
	private static final Pattern INSIDE = Pattern
		.compile("(?<![a-z])(giai\\s*doan|dot)\\s*(\\d+|[ivx]+)\\s*[:(,]?\\s*(?:\\([^)]{0,40}\\)\\s*,?\\s*)?tu\\s*ngay"
				+ "|(?<![a-z])(?:dot\\s*)?cao\\s*diem[^.;:]{0,70}?tu\\s*ngay"
				+ "|(?<![a-z])theo\\s*ke\\s*hoach\\s*,?[^.;:]{0,80}?(?:trien\\s*khai|dien\\s*ra|thuc\\s*hien)\\s*(?<from>tu\\s*ngay)");

	private static final Pattern NAMED = Pattern.compile("^(giai\\s*doan|dot|buoc)");

	/** A phase's label alone (“Đợt 2 - ”, “Giai đoạn ”), before “cao điểm” names it. */
	private static final Pattern LABEL_ONLY = Pattern
		.compile("(giai\\s*doan|dot|buoc)\\s*(\\d+|[ivx]+|thu\\s*[a-z]+|dau|cuoi)?\\s*(la\\s*(giai\\s*doan|dot)\\s*)?"
				+ "[-–:,(]?\\s*");

	/** A numbered or Roman-numbered heading line. */
	private static final Pattern HEADING = Pattern.compile("^(\\d{1,2}|[IVX]{1,4})\\s*[.)]\\s+\\S");

	/** A heading over a list of activities. */
	private static final Pattern ACTIVITIES = Pattern
		.compile("^\\S+\\s+(?:cac\\s+)?(?:hoat\\s+dong|noi\\s+dung\\s+hoat\\s+dong)(?:\\s+cu\\s+the)?\\s*:?\\s*$");

	/**
	 * An activity's own time (“- Thời gian: tháng 5/2023” under “- Đơn vị chủ trì: ...”).
	 */
	private static final Pattern ACTIVITY = Pattern
		.compile("^[-+•–]\\s*(?:(?:don vi|co quan)\\s+(?:chu tri|thuc hien|phoi hop)|chu tri|phoi hop|kinh phi)");

	private static final String D = "(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})";

	/**
	 * From the plan's own date: “từ nay”, “từ khi ban hành kế hoạch”, “từ ngày ban hành
	 * Kế hoạch”, “kể từ ngày ký”.
	 */
	private static final Pattern FROM_NOW = Pattern.compile("tu\\s*(?:nay|(?:khi|ngay)\\s*(?:ky\\s*)?ban\\s*hanh"
			+ "(?:\\s*(?:ke\\s*hoach|van\\s*ban|thong\\s*bao)(?:\\s*nay)?)?|ngay\\s*ky)\\s*(?:den|toi)\\s*(?:het\\s*)?");

	private static final Pattern DAYS = Pattern
		.compile("(?:tu\\s*)?(?:ngay\\s*)?" + D + "(?:\\s*[/.-]\\s*(\\d{4}))?" + "(?:\\s*\\([^)]{0,60}\\))?"
				+ "\\s*(?:den|toi|-|–|—)\\s*(?:het\\s*)?(?:ngay\\s*)?" + D + "\\s*[/.-]\\s*(\\d{4})");

	/** "Thời gian tuyên truyền từ ngày ...", said in a sentence of its own. */
	private static final Pattern STATED_TIME = Pattern
		.compile("(?<![a-z])(?:thoi\\s*gian(?:\\s*(?:tuyen\\s*truyen|thuc\\s*hien|to\\s*chuc))?\\s*(?:la|:)?"
				+ "|(?:hoat\\s*dong|tuyen\\s*truyen|thang\\s*(?:thanh\\s*nien|cong\\s*nhan|hanh\\s*dong|nhan\\s*dao)|chien\\s*dich"
				+ "|dot\\s*thi\\s*dua)[^.;]{0,40}?"
				+ "(?:duoc\\s+)?(?:to\\s*chuc|trien\\s*khai|thuc\\s*hien|dien\\s*ra))"
				+ "\\s*()(?=tu\\s|trong\\s+(?:thang|quy))");

	/** A festival (“Lễ hội Đền Hùng”), whose own days are not the plan's period. */
	private static final Pattern FESTIVAL = Pattern.compile("(?<![a-z])le\\s*hoi(?![a-z])");

	/** A month without its year in a named phase: “Đợt 1 (trong tháng 6)”. */
	private static final Pattern MONTH_NO_YEAR = Pattern
		.compile("(?<![a-z])(?:trong\\s+)?thang\\s*(\\d{1,2})(?!\\s*[/.\\-\\d])(?!\\s*(?:nam|den|va|-|,))");

	/** A phase's label shortly before: “Đợt 1 (trong tháng 6)”. */
	private static final Pattern NAMED_BEFORE = Pattern
		.compile("(?<![a-z])(giai\\s*doan|dot|buoc)\\s*(\\d+|[ivx]+)[^.;]{0,12}$");

	/**
	 * A range of days in one month: "từ ngày 19 đến ngày 23/01/2026", "19–23/01/2026".
	 */
	private static final Pattern DAY_SPAN = Pattern
		.compile("(?:tu\\s*ngay\\s*)?(?<![\\d/.-])(\\d{1,2})\\s*(?:den|toi|-|–)"
				+ "\\s*(?:het\\s*)?(?:ngay\\s*)?(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})");

	/** A range without its year (“từ ngày 1/8 đến ngày 5/9”): the plan's year. */
	private static final Pattern DAYS_NO_YEAR = Pattern.compile("tu\\s*(?:ngay\\s*)?" + D
			+ "\\s*(?:den|toi|-|–)\\s*(?:het\\s*)?(?:ngay\\s*)?" + D + "(?!\\s*[/.-]?\\s*\\d)");

	/**
	 * The same written in words: “từ ngày 01 tháng 10 năm 2022 đến ngày 20 tháng 11 năm
	 * 2022”.
	 */
	private static final Pattern DAYS_IN_WORDS = Pattern
		.compile("(?:tu\\s*)?(?:ngay|mung)\\s*(" + Numbers.WORDS + ")\\s*thang\\s*(" + Numbers.WORDS
				+ ")(?:\\s*nam\\s*(\\d{4}))?\\s*(?:den|toi)\\s*(?:het\\s*)?(?:ngay|mung)\\s*(" + Numbers.WORDS
				+ ")\\s*thang\\s*(" + Numbers.WORDS + ")\\s*nam\\s*(\\d{4})");

	/**
	 * From a date until something that is not a date: an event (“đến khi khai mạc Đại hội
	 * XIV”, “đến Đại hội đại biểu toàn quốc lần thứ XIV”), a month or a year.
	 */
	private static final Pattern FROM_DATE = Pattern.compile("tu\\s*(?:ngay\\s*)?" + D + "\\s*[/.-]\\s*(\\d{4})"
			+ "\\s*(?:,?\\s*(?:va\\s*)?(?:keo\\s*dai|ket\\s*thuc|cho)\\s*)?(?:den|toi)\\s*(?:het\\s*)?(?:truoc\\s*)?(?:ngay\\s*)?(?:khi\\s*)?"
			+ "(?:(?:khai\\s*mac|dien\\s*ra|ket\\s*thuc)\\s*)?");

	private static final Pattern MONTHS = Pattern.compile("tu\\s*thang\\s*(\\d{1,2})(?:\\s*/\\s*(\\d{4}))?\\s*"
			+ "(?:-|–|den(?:\\s*het)?(?:\\s*thang)?)\\s*(\\d{1,2})\\s*(?:/|nam)\\s*(\\d{4})");

	/** From a month until something else: “từ tháng 7/2025 đến khi kết thúc Đại hội”. */
	private static final Pattern FROM_MONTH = Pattern
		.compile("tu\\s*thang\\s*(\\d{1,2})\\s*(?:/|nam)\\s*(\\d{4})\\s*(?:den|toi)\\s*(?:het\\s*)?");

	/**
	 * After what the previous phase ended with, until a date: “Sau bầu cử đến hết tháng
	 * 4/2026” starts the day after the previous phase ends.
	 */
	private static final Pattern SINCE_PREVIOUS = Pattern
		.compile("(?<![a-z])sau\\s+[a-z ]{2,30}?\\s+(?:den|toi)\\s*(?:het\\s*)?");

	private static final Pattern FROM_YEAR = Pattern.compile("tu\\s*nam\\s*(\\d{4})\\s*(?:den|toi)\\s*(?:het\\s*)?");

	/** “Quý IV/2022”, “quý II và quý III năm 2026”, “Quý I-II/2025”. */
	private static final Pattern QUARTER = Pattern.compile("quy\\s*([ivx]+|\\d)"
			+ "(?:\\s*(?:va|,|-|–|den(?:\\s*het)?)\\s*(?:quy\\s*)?([ivx]+|\\d))?\\s*(?:/|nam)\\s*(\\d{4})");

	private static final Pattern MONTH_LIST = Pattern
		.compile("thang\\s*(\\d{1,2}(?:\\s*(?:,|va|-|–)\\s*(?:thang\\s*)?\\d{1,2})*)\\s*(?:/|nam)\\s*(\\d{4})");

	private static final Pattern YEAR = Pattern.compile("nam\\s*(\\d{4})");

	private static final Pattern IN_A_DATE = Pattern.compile("(?<![a-z])thang\\s*[a-z0-9 ]{1,12}$");

	private static final Pattern END_DATE = Pattern.compile("(?:ngay\\s*)?" + D + "\\s*[/.-]\\s*(\\d{4})");

	private static final Pattern END_MONTH = Pattern.compile("thang\\s*(\\d{1,2})\\s*(?:/|nam)\\s*(\\d{4})");

	private static final Pattern END_YEAR = Pattern.compile("nam\\s*(\\d{4})");

	private static final Pattern END_QUARTER = Pattern.compile("quy\\s*([ivx]+|\\d)\\s*(?:/|nam)\\s*(\\d{4})");

	/** An end named then dated in brackets: “đến ngày bầu cử (Chủ nhật, 15/3/2026)”. */
	private static final Pattern END_BRACKET = Pattern
		.compile("(?:ngay\\s*)?[a-z ]{2,40}\\((?:[^)]{0,20}?[,\\s]\\s*)?" + D + "\\s*[/.-]\\s*(\\d{4})\\s*\\)");

	private static final Pattern BARE_CONGRESS = Pattern.compile("dai\\s*hoi(?![a-z])");

	/** An end named then dated: “đến ngày bầu cử 15/3/2026”. */
	private static final Pattern END_NAMED = Pattern
		.compile("(?:ngay\\s*)?[a-z ]{2,30}?\\s" + D + "\\s*[/.-]\\s*(\\d{4})(?![\\d/])");

	/**
	 * An end on the lunar calendar: “đến hết Rằm tháng Giêng năm Bính Ngọ”, “đến mùng 10
	 * tháng 3 âm lịch”. Lunar when it says so, names the month Giêng or Chạp, or gives
	 * the year of the sexagenary cycle.
	 */
	private static final String LUNAR_DAY = "(?:(ram)|(?:mung|mong)\\s*(\\d{1,2})|(\\d{1,2}))\\s*thang\\s*(gieng|chap|\\d{1,2})"
			+ "(\\s*am\\s*lich)?(?:\\s*(?:nam\\s*)?(?:(\\d{4})(?!\\d)|(" + String.join("|", Lunar.STEMS) + ")\\s+("
			+ String.join("|", Lunar.BRANCHES) + ")))?(?![a-z])";

	private static final Pattern END_LUNAR = Pattern.compile("(?:ngay\\s*)?" + LUNAR_DAY);

	/**
	 * A period that starts on a lunar day: “Từ ngày 15 tháng Chạp năm Ất Tỵ đến hết ngày
	 * mùng 7 tháng Giêng năm Bính Ngọ”, “từ mùng 8 tháng Giêng đến hết Rằm tháng Giêng”.
	 */
	private static final Pattern FROM_LUNAR = Pattern
		.compile("tu\\s*(?:ngay\\s*)?" + LUNAR_DAY + "\\s*(?:den|toi)\\s*(?:het\\s*)?");

	/** The words between “đến” and the event a period runs until. */
	private static final Pattern UNTIL = Pattern.compile("(?:truoc\\s*)?(?:ngay\\s*)?(?:khi\\s*)?"
			+ "(?:(?:khai\\s*mac|dien\\s*ra|ket\\s*thuc|be\\s*mac|to\\s*chuc)\\s*(?:thanh\\s*cong\\s*)?)?");

	private final DraftBuilder draft;

	private final Events events;

	Phases(DraftBuilder draft, Events events) {
		this.draft = draft;
		this.events = events;
	}

	void read(Layout layout) {
		List<Paragraph> reading = layout.reading();
		boolean activities = false;
		for (int i = 0; i < reading.size(); i++) {
			Paragraph p = reading.get(i);
			if (HEADING.matcher(p.text()).find()) {
				activities = ACTIVITIES.matcher(p.folded()).find();
			}
			else if (activities && p.folded().matches("^[-+•–·]\\s.*")) {
				// "3. Các hoạt động cụ thể" then "- Từ ngày 08-3 đến 31-3-2024: ra quân
				// ...": an activity's dates, not a phase.
				continue;
			}
			if (isActivityTime(reading, i)) {
				continue;
			}
			Matcher marker = MARKER.matcher(p.text());
			int at = marker.find() ? marker.end() : 0;
			if (!START.matcher(p.folded().substring(at)).find()) {
				// "Kế hoạch chia thành hai đợt. Đợt 1 từ ngày ...": the phases begin
				// inside.
				Matcher inside = INSIDE.matcher(p.folded());
				if (!inside.find(at)) {
					continue;
				}
				// A news write-up's "Theo Kế hoạch, ... được triển khai từ ngày": the
				// phase is the period, not the sentence around it.
				at = (inside.start("from") >= 0) ? inside.start("from") : inside.start();
			}
			Matcher label = LABEL.matcher(p.folded().substring(at));
			if (label.find()) {
				at += label.end();
			}
			List<Integer> cuts = new ArrayList<>();
			cuts.add(at);
			Matcher split = SPLIT.matcher(p.folded());
			split.region(at, p.folded().length());
			while (split.find()) {
				// "Đợt cao điểm" is one phase, not "Đợt" and "cao điểm".
				String between = p.folded().substring(at, split.start());
				boolean bracketed = between.lastIndexOf('(') > between.lastIndexOf(')');
				// A peak named inside a period ("từ tháng 3-5/2025, cao điểm tháng
				// 3, 4/2025") is a phase of its own, marked as the peak.
				if (split.start() > at && !LABEL_ONLY.matcher(between).matches() && !bracketed) {
					cuts.add(split.start());
				}
			}
			cuts.add(p.folded().length());
			for (int c = 0; c + 1 < cuts.size(); c++) {
				segment(p, cuts.get(c), cuts.get(c + 1));
			}
		}
	}

	/**
	 * A phase heading without dates (“Đợt đầu gắn với hoạt động tri ân”) followed within
	 * a few lines by a dated phase is that phase's heading, not a phase of its own.
	 */
	void withoutDatelessHeadings() {
		List<PhaseDraft> phases = this.draft.phases;
		for (int i = phases.size() - 2; i >= 0; i--) {
			PhaseDraft phase = phases.get(i);
			PhaseDraft next = phases.get(i + 1);
			boolean dateless = phase.start() == null && phase.end() == null && phase.until() == null;
			boolean dated = next.start() != null || next.end() != null;
			if (dateless && dated && next.line() - phase.line() <= HEADING_GAP) {
				phases.remove(i);
				this.draft.warnings.removeIf((w) -> w.line() == phase.line() && w.code().startsWith("phase."));
				this.draft.extracted.removeIf((e) -> e.line() == phase.line() && e.field().equals("phase")
						&& e.value().startsWith(phase.name()));
			}
		}
	}

	private static final int HEADING_GAP = 3;

	/** A bulleted “Thời gian: ...” beside an activity's other particulars. */
	private static boolean isActivityTime(List<Paragraph> reading, int i) {
		String folded = reading.get(i).folded();
		if (!folded.matches("^[-+•–]\\s*thoi\\s*gian.*")) {
			return false;
		}
		for (int k = Math.max(0, i - 2); k <= Math.min(reading.size() - 1, i + 2); k++) {
			if (k != i && ACTIVITY.matcher(reading.get(k).folded()).find()) {
				return true;
			}
		}
		return false;
	}

	private void segment(Paragraph p, int from, int to) {
		String folded = p.folded().substring(0, to);
		Period period = period(p, folded, from);
		boolean named = NAMED.matcher(folded.substring(from)).find();
		boolean peak = folded.substring(from).startsWith("cao");
		if (period == null && !named) {
			return;
		}
		int nameEnd = (period != null) ? period.stop() : firstDelimiter(folded, from);
		String name = Words.capitalise(p.text().substring(from, nameEnd).replaceAll("[\\s,;:.]+$", "").strip());
		int line = p.lineAt(from);
		PhaseDraft phase = (period != null)
				? new PhaseDraft(name, period.start(), period.last(), period.until(), peak, line)
				: new PhaseDraft(name, null, null, null, peak, line);
		if (this.draft.phases.stream()
			.anyMatch((known) -> known.name().equals(phase.name()) || phase.start() != null
					&& phase.start().equals(known.start()) && java.util.Objects.equals(phase.end(), known.end())
					&& java.util.Objects.equals(phase.until(), known.until()))) {
			return;
		}
		this.draft.phases.add(phase);
		this.draft.extract("phase",
				name + " [" + show(phase.start()) + " – "
						+ ((phase.until() != null) ? "until " + phase.until() : show(phase.end())) + "]"
						+ (peak ? " (cao điểm)" : ""),
				line);
		if (phase.start() == null) {
			this.draft.warn(line, ImportMessage.PHASE_NO_START, "phase '" + name + "' has no start date", name);
		}
		if (phase.end() == null && phase.until() == null) {
			this.draft.warn(line, ImportMessage.PHASE_NO_END, "phase '" + name + "' has no end: enter one", name);
		}
	}

	private static String show(@Nullable LocalDate date) {
		return (date != null) ? DraftYaml.date(date) : "?";
	}

	private static int firstDelimiter(String folded, int from) {
		Matcher m = Pattern.compile("[,;:.](?!\\s*\\d)").matcher(folded);
		return m.find(from) ? m.start() : folded.length();
	}

	/** The first period written in the folded text from {@code from}, or null. */
	private @Nullable Period period(Paragraph p, String folded, int from) {
		Period best = null;
		for (Pattern pattern : List.of(FROM_NOW, DAYS, DAYS_IN_WORDS, FROM_DATE, FROM_LUNAR, MONTHS, FROM_MONTH,
				SINCE_PREVIOUS, FROM_YEAR, QUARTER, MONTH_LIST, YEAR, DAYS_NO_YEAR, DAY_SPAN, MONTH_NO_YEAR)) {
			Matcher m = pattern.matcher(folded);
			if (m.find(from) && (best == null || m.start() < best.begin())) {
				Period period = read(pattern, m, p, folded);
				if (period != null) {
					best = period;
				}
			}
		}
		return best;
	}

	private @Nullable Period read(Pattern pattern, Matcher m, Paragraph p, String folded) {
		if (pattern == FROM_NOW) {
			LocalDate start = now(p.lineAt(m.start()), p.text().substring(m.start(), m.end()).strip());
			return end(start, m, p, folded);
		}
		if (pattern == FROM_LUNAR) {
			// No year of its own: the first such day from a little before the plan's
			// date.
			LocalDate from = this.draft.date;
			if (from == null) {
				from = this.draft.latestImplemented().map(DraftBuilder.Dated::date).orElse(null);
			}
			if (from == null) {
				return null;
			}
			LocalDate start = lunarDay(m, from.minusDays(DraftBuilder.SIGNED_LATE_DAYS));
			return (start != null) ? end(start, m, p, folded) : null;
		}
		if (pattern == FROM_DATE) {
			LocalDate start = Dates.of(m.group(3), m.group(2), m.group(1));
			return (start != null) ? end(start, m, p, folded) : null;
		}
		if (pattern == FROM_MONTH) {
			int month = Integer.parseInt(m.group(1));
			if (month < 1 || month > 12) {
				return null;
			}
			return end(LocalDate.of(Integer.parseInt(m.group(2)), month, 1), m, p, folded);
		}
		if (pattern == MONTH_NO_YEAR) {
			Integer year = this.draft.year();
			int month = Integer.parseInt(m.group(1));
			if (year == null || month < 1 || month > 12
					|| !NAMED_BEFORE.matcher(folded.substring(0, m.start())).find()) {
				return null;
			}
			return months(m, year, month, year, month);
		}
		if (pattern == DAY_SPAN) {
			LocalDate start = Dates.of(m.group(4), m.group(3), m.group(1));
			LocalDate end = Dates.of(m.group(4), m.group(3), m.group(2));
			return (start != null && end != null && !start.isAfter(end))
					? new Period(m.start(), m.end(), start, end, null) : null;
		}
		if (pattern == DAYS_NO_YEAR) {
			Integer year = this.draft.year();
			if (year == null) {
				return null;
			}
			LocalDate start = Dates.of(String.valueOf(year), m.group(2), m.group(1));
			LocalDate end = Dates.of(String.valueOf(year), m.group(4), m.group(3));
			if (start == null || end == null || start.isAfter(end)) {
				return null;
			}
			return new Period(m.start(), m.end(), start, end, null);
		}
		if (pattern == SINCE_PREVIOUS) {
			if (this.draft.phases.isEmpty()) {
				return null;
			}
			PhaseDraft previous = this.draft.phases.get(this.draft.phases.size() - 1);
			LocalDate ended = previous.end();
			if (ended == null) {
				// "Từ sau Đại hội tỉnh đến khi kết thúc Đại hội XIV" after a phase that
				// runs until an event without a date: it starts when that one ends,
				// which no one can date yet, and ends with the event it names.
				Period period = end(null, m, p, folded);
				return (previous.until() != null && period.until() != null) ? period : null;
			}
			Period period = end(ended.plusDays(1), m, p, folded);
			return (period.last() != null) ? period : null;
		}
		if (pattern == FROM_YEAR) {
			return end(LocalDate.of(Integer.parseInt(m.group(1)), 1, 1), m, p, folded);
		}
		if (pattern == DAYS || pattern == DAYS_IN_WORDS) {
			LocalDate end = Dates.of(m.group(6), Numbers.value(m.group(5)), Numbers.value(m.group(4)));
			int startYear = (m.group(3) != null) ? Integer.parseInt(m.group(3)) : Integer.parseInt(m.group(6));
			LocalDate start = Dates.of(String.valueOf(startYear), Numbers.value(m.group(2)), Numbers.value(m.group(1)));
			if (start == null || end == null) {
				String written = p.text().substring(m.start(), m.end());
				this.draft.warn(p.lineAt(m.start()), ImportMessage.PHASE_IMPOSSIBLE_DATE,
						"impossible date in '" + written + "'", written);
				return null;
			}
			if (m.group(3) == null && start.isAfter(end)) {
				start = start.minusYears(1);
			}
			if (end.getYear() - start.getYear() > 2) {
				// "(06/01/1946 - 06/01/2026)": an anniversary's origin and day, not a
				// period.
				return null;
			}
			return new Period(m.start(), m.end(), start, end, null);
		}
		if (pattern == MONTHS) {
			int year = Integer.parseInt(m.group(4));
			int startYear = (m.group(2) != null) ? Integer.parseInt(m.group(2)) : year;
			return months(m, startYear, Integer.parseInt(m.group(1)), year, Integer.parseInt(m.group(3)));
		}
		if (pattern == QUARTER) {
			int quarter = quarter(m.group(1));
			int last = (m.group(2) != null) ? quarter(m.group(2)) : quarter;
			if (quarter < 1 || quarter > 4 || last < quarter || last > 4) {
				return null;
			}
			int year = Integer.parseInt(m.group(3));
			return months(m, year, quarter * 3 - 2, year, last * 3);
		}
		if (pattern == MONTH_LIST) {
			String[] months = m.group(1).split("\\D+");
			int year = Integer.parseInt(m.group(2));
			return months(m, year, Integer.parseInt(months[0]), year, Integer.parseInt(months[months.length - 1]));
		}
		if (IN_A_DATE.matcher(folded.substring(Math.max(0, m.start() - 30), m.start())).find()) {
			// "... tháng Mười một năm 2025": the year of a date, not a year-long period.
			return null;
		}
		int year = Integer.parseInt(m.group(1));
		return new Period(m.start(), m.end(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null);
	}

	private static @Nullable Period months(Matcher m, int startYear, int first, int endYear, int last) {
		if (first < 1 || first > 12 || last < 1 || last > 12) {
			return null;
		}
		return new Period(m.start(), m.end(), LocalDate.of(startYear, first, 1), Dates.endOfMonth(endYear, last), null);
	}

	/**
	 * The period's end written after “đến (hết)”: a date, a month, a year or an event.
	 */
	private Period end(@Nullable LocalDate start, Matcher m, Paragraph p, String folded) {
		int at = m.end();
		Matcher lunar = END_LUNAR.matcher(folded);
		lunar.region(at, folded.length());
		if (lunar.lookingAt()) {
			LocalDate last = (start != null) ? lunarDay(lunar, start) : null;
			if (last != null) {
				return new Period(m.start(), lunar.end(), start, last, null);
			}
		}
		for (Pattern pattern : List.of(END_DATE, END_MONTH, END_YEAR, END_QUARTER, END_BRACKET, END_NAMED)) {
			Matcher end = pattern.matcher(folded);
			end.region(at, folded.length());
			if (end.lookingAt()) {
				LocalDate last = last(pattern, end);
				if (last != null) {
					return new Period(m.start(), end.end(), start, last, null);
				}
			}
		}
		Matcher until = UNTIL.matcher(folded);
		until.region(at, folded.length());
		if (until.lookingAt()) {
			at = until.end();
		}
		Events.Found event = this.events.congressAt(p, at);
		if (event != null) {
			return new Period(m.start(), event.end(), start, null, event.event().id());
		}
		Matcher bare = BARE_CONGRESS.matcher(folded);
		bare.region(at, folded.length());
		String congress = theCongress();
		if (bare.lookingAt() && congress != null) {
			// "đến khi khai mạc Đại hội" in a plan about one congress: that one.
			return new Period(m.start(), bare.end(), start, null, congress);
		}
		return new Period(m.start(), m.end(), start, null, null);
	}

	private static int quarter(String written) {
		return written.matches("\\d") ? Integer.parseInt(written) : Words.roman(written);
	}

	/**
	 * A document without phases that says “từ nay đến hết ngày 10/5/2024” anywhere (a
	 * notice's heading, a letter's sentence) runs for that period.
	 */
	void fromNowAnywhere(Layout layout) {
		if (this.draft.phases.stream().anyMatch((phase) -> !phase.peak())) {
			return;
		}
		int peaks = this.draft.phases.size();
		for (Paragraph p : layout.reading()) {
			Matcher m = FROM_NOW.matcher(p.folded());
			if (m.find()) {
				Period period = read(FROM_NOW, m, p, p.folded());
				if (period != null && (period.last() != null || period.until() != null)) {
					segment(p, m.start(), period.stop());
					return;
				}
			}
			Matcher time = STATED_TIME.matcher(p.folded());
			// "Các hoạt động Lễ hội Đền Hùng diễn ra từ ...": a festival's own days,
			// which the plan reports on, not the period it runs for.
			if (time.find() && !isActivityTime(layout.reading(), layout.reading().indexOf(p))
					&& !FESTIVAL.matcher(p.folded().substring(time.start(), time.end(1))).find()) {
				int from = time.end(1);
				Period period = period(p, p.folded(), from);
				if (period != null && period.begin() < from + 12 && (period.last() != null || period.until() != null)) {
					segment(p, from, period.stop());
					// The whole period before its peaks.
					if (this.draft.phases.size() > peaks) {
						this.draft.phases.add(0, this.draft.phases.remove(this.draft.phases.size() - 1));
					}
					return;
				}
			}
		}
	}

	/**
	 * The solar day of a lunar day matched by {@link #LUNAR_DAY}: in the year it names,
	 * else the first one on or after {@code after}; {@code null} when the words are not
	 * lunar (they must say âm lịch, name the month Giêng or Chạp, or give the year of the
	 * sexagenary cycle).
	 */
	private static @Nullable LocalDate lunarDay(Matcher day, LocalDate after) {
		String month = day.group(4);
		boolean lunar = day.group(5) != null || !month.matches("\\d+") || day.group(7) != null;
		if (!lunar) {
			return null;
		}
		int date = (day.group(1) != null) ? 15 : Integer.parseInt((day.group(2) != null) ? day.group(2) : day.group(3));
		int number = switch (month) {
			case "gieng" -> 1;
			case "chap" -> 12;
			default -> Integer.parseInt(month);
		};
		if (date < 1 || date > 30 || number < 1 || number > 12) {
			return null;
		}
		if (day.group(6) != null) {
			return Lunar.toSolar(date, number, Integer.parseInt(day.group(6)));
		}
		if (day.group(7) != null) {
			return Lunar.toSolar(date, number, Lunar.yearOf(day.group(7), day.group(8), after.getYear()));
		}
		for (int year = after.getYear() - 1; year <= after.getYear() + 1; year++) {
			LocalDate solar = Lunar.toSolar(date, number, year);
			if (solar != null && !solar.isBefore(after)) {
				return solar;
			}
		}
		return null;
	}

	private static @Nullable LocalDate last(Pattern pattern, Matcher end) {
		if (pattern == END_DATE) {
			return Dates.of(end.group(3), end.group(2), end.group(1));
		}
		if (pattern == END_BRACKET || pattern == END_NAMED) {
			return Dates.of(end.group(3), end.group(2), end.group(1));
		}
		if (pattern == END_MONTH) {
			int month = Integer.parseInt(end.group(1));
			return (month < 1 || month > 12) ? null : Dates.endOfMonth(Integer.parseInt(end.group(2)), month);
		}
		if (pattern == END_QUARTER) {
			int quarter = quarter(end.group(1));
			return (quarter < 1 || quarter > 4) ? null : Dates.endOfMonth(Integer.parseInt(end.group(2)), quarter * 3);
		}
		return LocalDate.of(Integer.parseInt(end.group(1)), 12, 31);
	}

	/** The one congress the plan names, or null when it names none or several. */
	private @Nullable String theCongress() {
		List<String> congresses = this.draft.events.stream()
			.map(PlanDraft.EventMention::id)
			.filter((id) -> id.startsWith("dai-hoi"))
			.distinct()
			.toList();
		if (congresses.size() == 1) {
			return congresses.get(0);
		}
		// A plan about Đại hội XIV that also names the city's own congress, which the
		// calendar does not know: the bare word is the one whose date is known.
		List<String> known = this.draft.events.stream()
			.filter((event) -> !event.proposed() && event.id().startsWith("dai-hoi"))
			.map(PlanDraft.EventMention::id)
			.distinct()
			.toList();
		return (known.size() == 1) ? known.get(0) : null;
	}

	/** “Từ nay”: the plan's date, else the latest date of what it implements. */
	private @Nullable LocalDate now(int line, String written) {
		if (this.draft.date != null) {
			return this.draft.date;
		}
		return this.draft.latestImplemented().map((dated) -> {
			this.draft.warn(line, ImportMessage.PHASE_FROM_IMPLEMENTED,
					"'" + written + "' starts on " + DraftYaml.date(dated.date()) + ", the date of " + dated.document()
							+ " (the latest document it implements), because the plan has no date",
					written, DraftYaml.date(dated.date()), dated.document());
			return dated.date();
		}).orElseGet(() -> {
			this.draft.warn(line, ImportMessage.PHASE_NO_PLAN_DATE,
					"'" + written + "' has no start date: the plan has no date", written);
			return null;
		});
	}

	/** A period: where it is written, its first and last days or the event it ends at. */
	private record Period(int begin, int stop, @Nullable LocalDate start, @Nullable LocalDate last,
			@Nullable String until) {

	}

}
