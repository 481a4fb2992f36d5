package vn.loa.importer;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.loa.calendar.Anniversary;
import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.Event;
import vn.loa.calendar.WrittenOrdinals;
import vn.loa.importer.PlanDraft.AnniversaryMention;
import vn.loa.importer.PlanDraft.EventMention;
import vn.loa.importer.Source.Paragraph;

/**
 * Finds the anniversaries a plan names, with their ordinal and origin in any written form
 * (“(03/02/1930-03/02/2025)”, “3/2/1930 – 3/2/2021”, “30.4.1975”, “Quốc khánh 2/9”, “80
 * năm Cách mạng Tháng Tám”), and matches them to the calendar by date and name.
 */
final class Anniversaries {

	private static final String SEP = "\\s*(?:[-–—]|den)\\s*";

	private static final Pattern RANGE = Pattern.compile(full(1) + SEP + "(?:ngay\\s*)?" + full(5));

	private static final Pattern SINGLE = Pattern.compile(full(1));

	/** A date or a range of dates right after a name, in an opening bracket or not. */
	private static final Pattern DATED_RANGE = Pattern
		.compile("^\\(?\\s*" + full(1) + "(?:" + SEP + "(?:ngay\\s*)?" + full(5) + ")?");

	private static final Pattern DAY_MONTH = Pattern.compile("(?<![\\d/.\\-])(\\d{1,2})/(\\d{1,2})(?![\\d/])");

	private static final Pattern ORDINAL = Pattern.compile("(?<!\\d)(\\d{1,3})\\s*năm(?!\\p{L})",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern NAME_END = Pattern.compile("[,;:(.]|\\s(và|gắn|tiến tới|nhằm|để)\\s|\\s\\d");

	private static final Pattern NOT_ANNIVERSARY = Pattern
		.compile("(sau|qua|gần|hơn|trong|những|mục tiêu|hướng tới|tới|đến|của|với|mỗi|khoảng)\\s*$");

	private static final Pattern COMMEMORATION = Pattern.compile("(ky niem|chao mung|nhan dip)");

	private static final Pattern LEAD = Pattern
		.compile("^(\\s|,|-|–|và|lễ|kỷ niệm|chào mừng|như|nhân dịp|trọng tâm là|là)+", Pattern.CASE_INSENSITIVE);

	private final CalendarBook book;

	private final DraftBuilder draft;

	private final Events events;

	Anniversaries(CalendarBook book, DraftBuilder draft, Events events) {
		this.book = book;
		this.draft = draft;
		this.events = events;
	}

	/** A full date whose groups start at {@code group}: day, separator, month, year. */
	private static String full(int group) {
		return "(?<![\\d/.])(\\d{1,2})\\s*([/.\\-])\\s*(\\d{1,2})\\s*\\" + (group + 1) + "\\s*(\\d{4})(?!\\d)";
	}

	void read(List<Paragraph> paragraphs) {
		for (Paragraph p : paragraphs) {
			List<int[]> covered = new ArrayList<>();
			ranges(p, covered);
			singles(p, covered);
			dayMonths(p, covered);
			ordinals(p);
			lunar(p);
		}
		this.draft.anniversaries.sort(Comparator.comparingInt(AnniversaryMention::line));
	}

	private void ranges(Paragraph p, List<int[]> covered) {
		Matcher m = RANGE.matcher(p.folded());
		while (m.find()) {
			covered.add(new int[] { m.start(), m.end() });
			int line = p.lineAt(m.start());
			String written = p.text().substring(m.start(), m.end());
			LocalDate from = Dates.of(m.group(4), m.group(3), m.group(1));
			LocalDate to = Dates.of(m.group(8), m.group(7), m.group(5));
			if (from == null || to == null) {
				this.draft.warn(line, ImportMessage.ANNIVERSARY_RANGE_IMPOSSIBLE_DATE,
						"impossible date in '" + written + "': anniversary not added", written);
				continue;
			}
			Context context = context(p, m.start());
			if (recalled(p, m.start(), line)) {
				continue;
			}
			boolean sameDay = from.getDayOfMonth() == to.getDayOfMonth() && from.getMonthValue() == to.getMonthValue();
			if (from.getYear() >= to.getYear() || context.ordinal() == null && !sameDay) {
				// A period ("từ ngày 01/4/2025 đến ngày 30/4/2025"), not an anniversary.
				continue;
			}
			Integer year = this.draft.year();
			if (year != null && to.getYear() > year + 2) {
				// "hướng tới 100 năm thành lập Đảng (1930 - 2030)" in a plan of 2026: a
				// horizon, not a target.
				continue;
			}
			int ordinal = (context.ordinal() != null) ? context.ordinal() : to.getYear() - from.getYear();
			if (context.ordinal() != null) {
				String checked = context.ordinal() + " năm (" + m.group(1) + "/" + m.group(3) + "/" + m.group(4) + " - "
						+ m.group(5) + "/" + m.group(7) + "/" + m.group(8) + ")";
				// Both dates exist here, so a finding is either a wrong count or two
				// days.
				int span = to.getYear() - from.getYear();
				ImportMessage code = (context.ordinal() != span) ? ImportMessage.ANNIVERSARY_ORDINAL_SPAN
						: ImportMessage.ANNIVERSARY_DIFFERENT_DAYS;
				for (WrittenOrdinals.Finding finding : WrittenOrdinals.check(checked)) {
					this.draft.warn(line, code, finding.message() + " ('" + context.name() + "')", checked,
							context.ordinal(), span, context.name());
				}
			}
			dated(context.name(), from, ordinal, line);
		}
	}

	private void singles(Paragraph p, List<int[]> covered) {
		Matcher m = SINGLE.matcher(p.folded());
		while (m.find()) {
			if (inside(covered, m.start())) {
				continue;
			}
			LocalDate date = Dates.of(m.group(4), m.group(3), m.group(1));
			Context context = context(p, m.start());
			String before = p.folded().substring(Math.max(0, m.start() - 6), m.start());
			boolean documentDate = before.matches(".*ngay\\s*$")
					&& !p.text().substring(Math.max(0, m.start() - 6), m.start()).contains("Ngày");
			int line = p.lineAt(m.start());
			if (date == null) {
				if (context.ordinal() != null) {
					String impossible = p.text().substring(m.start(), m.end());
					this.draft.warn(line, ImportMessage.ANNIVERSARY_IMPOSSIBLE_DATE,
							"impossible date '" + impossible + "' for '" + context.name() + "': anniversary not added",
							impossible, context.name());
				}
				continue;
			}
			if (recalled(p, m.start(), line)) {
				covered.add(new int[] { m.start(), m.end() });
				continue;
			}
			List<Anniversary> exact = byOrigin(date);
			Anniversary named = (context.ordinal() != null) ? byName(context.name(), context.ordinal()) : null;
			if (!exact.isEmpty()) {
				covered.add(new int[] { m.start(), m.end() });
				Anniversary best = best(exact, context.name());
				add(best, context.ordinal(), line);
			}
			else if (named != null && !context.name().isBlank()) {
				// "80 năm Ngày Tổng tuyển cử (06/01/2026)": the day it is kept, or a
				// date that is not the anniversary's at all (a page's posting date).
				covered.add(new int[] { m.start(), m.end() });
				add(named, context.ordinal(), line);
			}
			else if (context.ordinal() != null && !documentDate && !context.name().isBlank()) {
				covered.add(new int[] { m.start(), m.end() });
				LocalDate origin = originOrNull(date, context.ordinal());
				if (origin != null) {
					dated(context.name(), origin, context.ordinal(), line);
				}
			}
		}
	}

	private void dayMonths(Paragraph p, List<int[]> covered) {
		Matcher m = DAY_MONTH.matcher(p.folded());
		while (m.find()) {
			if (inside(covered, m.start())) {
				continue;
			}
			int day = Integer.parseInt(m.group(1));
			int month = Integer.parseInt(m.group(2));
			String clause = clause(p.text(), m.start());
			Anniversary best = null;
			double score = 0.5;
			for (Anniversary a : this.book.anniversaries()) {
				double similarity = Words.similarity(clause, a.name());
				if (!a.lunar() && a.day() == day && a.month() == month && similarity >= score) {
					best = a;
					score = similarity;
				}
			}
			if (best != null && !recalled(p, m.start(), p.lineAt(m.start()))) {
				add(best, keptOrdinal(best, day, month), p.lineAt(m.start()));
			}
		}
	}

	/**
	 * The occurrence a known anniversary named by its day (“Ngày Quốc tế Lao động 01/5”)
	 * marks: the first such day from a little before the plan's date (a plan of
	 * 26/12/2025 for the holidays of 2026 means 01/5/2026), else in the plan's year;
	 * {@code null} when neither the plan's date nor the anniversary's origin year is
	 * known.
	 */
	private @Nullable Integer keptOrdinal(Anniversary anniversary, int day, int month) {
		Integer origin = anniversary.originYear();
		if (origin == null) {
			return null;
		}
		LocalDate dated = this.draft.date;
		Integer planYear = this.draft.year();
		int year;
		if (dated != null) {
			LocalDate from = dated.minusDays(DraftBuilder.SIGNED_LATE_DAYS);
			MonthDay kept = MonthDay.of(month, day);
			year = kept.atYear(from.getYear()).isBefore(from) ? from.getYear() + 1 : from.getYear();
		}
		else if (planYear != null) {
			year = planYear;
		}
		else {
			return null;
		}
		return (year > origin) ? year - origin : null;
	}

	private void ordinals(Paragraph p) {
		Matcher m = ORDINAL.matcher(p.text());
		while (m.find()) {
			String before = p.text().substring(Math.max(0, m.start() - 14), m.start()).toLowerCase();
			if (NOT_ANNIVERSARY.matcher(before).find()) {
				continue;
			}
			String rest = p.text().substring(m.end());
			Matcher end = NAME_END.matcher(rest);
			boolean ended = end.find();
			String name = (ended ? rest.substring(0, end.start()) : rest).strip();
			String after = (ended ? rest.substring(end.start()) : "").strip();
			if (name.isEmpty() || !Character.isLetter(name.charAt(0)) || Words.tokens(name).size() < 2
					|| datedRangeFollows(after)) {
				continue;
			}
			int ordinal = Integer.parseInt(m.group(1));
			int line = p.lineAt(m.start());
			if (recalled(p, m.start(), line)) {
				continue;
			}
			if (byName(name, null) != null && byName(name, ordinal) == null) {
				// A known anniversary in another year ("hướng tới 100 năm thành lập
				// Đảng").
				continue;
			}
			Anniversary anniversary = byName(name, ordinal);
			Event event = this.events.byName(name, ordinal);
			if (anniversary != null && (event == null
					|| Words.similarity(name, anniversary.name()) >= this.events.similarityOf(event, name))) {
				add(anniversary, ordinal, line);
			}
			else if (event != null) {
				this.draft.addEvent(new EventMention(event.id(), event.name(), false, line));
			}
			else if (COMMEMORATION.matcher(Words.fold(before + " " + clause(p.text(), m.start()))).find()) {
				String written = m.group() + " " + name;
				this.draft.warn(line, ImportMessage.ANNIVERSARY_UNDATED,
						"'" + written + "' has no date the calendar knows: not added; enter its origin date to keep it",
						written);
			}
		}
	}

	/**
	 * Whether a name is followed by its dates in full (“(28/7/1929 - 28/7/2026)”), which
	 * the range reading takes care of; not when one of them does not exist (“31/9/2025”),
	 * which the range reading refuses.
	 */
	private static boolean datedRangeFollows(String after) {
		Matcher dates = DATED_RANGE.matcher(Words.fold(after));
		if (!dates.find()) {
			return false;
		}
		return Dates.of(dates.group(4), dates.group(3), dates.group(1)) != null
				&& (dates.group(5) == null || Dates.of(dates.group(8), dates.group(7), dates.group(5)) != null);
	}

	/**
	 * The anniversary a name matches whose ordinal falls in the plan's years (any year
	 * without one).
	 */
	/**
	 * A lunar observance the calendar keeps without an origin year (Tết Nguyên đán, Giỗ
	 * Tổ Hùng Vương), named with the year it is kept in (“Tết Nguyên đán Ất Tỵ 2025”,
	 * “Giỗ Tổ Hùng Vương mùng 10 tháng 3 âm lịch năm 2025”): it has no ordinal to write.
	 */
	private void lunar(Paragraph p) {
		for (Anniversary a : this.book.anniversaries()) {
			if (!a.lunar() || a.originYear() != null) {
				continue;
			}
			String name = Words.fold(a.name());
			int at = p.folded().indexOf(name);
			while (at >= 0) {
				String after = p.folded()
					.substring(at + name.length(), Math.min(p.folded().length(), at + name.length() + 60));
				String before = p.folded().substring(Math.max(0, at - 12), at);
				if ((LUNAR_YEAR.matcher(after).find() || KEPT.matcher(before).find()) && !BREAK.matcher(before).find()
						&& !recalled(p, at, p.lineAt(at))) {
					add(a, null, p.lineAt(at));
					break;
				}
				at = p.folded().indexOf(name, at + 1);
			}
		}
		Matcher spring = SPRING.matcher(p.folded());
		if (spring.find() && !recalled(p, spring.start(), p.lineAt(spring.start()))) {
			this.book.anniversary(NEW_YEAR).ifPresent((tet) -> add(tet, null, p.lineAt(spring.start())));
		}
	}

	/** The lunar new year, which a plan also names as the spring it welcomes. */
	private static final String NEW_YEAR = "tet-nguyen-dan";

	/** A year of the sexagenary cycle in folded words: “bính ngọ” → {@code binh ngo}. */
	private static final String CYCLE_YEAR = "(?:" + String.join("|", Lunar.STEMS) + ")\\s+(?:"
			+ String.join("|", Lunar.BRANCHES) + ")";

	/** “Mừng Xuân Bính Ngọ”, “đón Xuân 2026”: Tết by another name. */
	private static final Pattern SPRING = Pattern
		.compile("(?<![a-z])(?:mung|don|vui)\\s+xuan\\s+(?:nam\\s+)?(?:\\d{4}|" + CYCLE_YEAR + ")(?![a-z])");

	/**
	 * The year a lunar observance is kept in, close after its name: in figures, as the
	 * year of the sexagenary cycle (“Bính Ngọ”) or as its lunar day (“mùng 10 tháng 3”,
	 * “10/3 âm lịch”).
	 */
	private static final Pattern LUNAR_YEAR = Pattern
		.compile("^[^.;:]{0,45}?(?:(?:nam\\s+)?(?:[a-z]+\\s+[a-z]+\\s+)?\\d{4}(?!\\d)" + "|(?<![a-z])" + CYCLE_YEAR
				+ "(?![a-z])|am\\s*lich|mung\\s*\\d)");

	/** Tết as a time of year, not a day to mark: “nghỉ Tết”, “sau Tết”, “trước Tết”. */
	private static final Pattern BREAK = Pattern.compile("(?<![a-z])(nghi|sau|truoc|ra)\\s*$");

	/** Words before a lunar observance that keep it: “đón Tết”, “mừng Tết”, “vui Tết”. */
	private static final Pattern KEPT = Pattern.compile("(?<![a-z])(don|mung|vui|an)\\s*$");

	/**
	 * Words that make a mention a recollection of something already held, not a target:
	 * before it in its clause (“Phát huy kết quả các hoạt động kỷ niệm ...”, “Tiếp nối
	 * thành công của ...”, “Trước đó, ...”, a plan “ban hành đúng ngày” of one) or after
	 * it (“... vừa qua”, “... đã được tổ chức”).
	 */
	private static final Pattern RECALL_BEFORE = Pattern
		.compile("(?<![a-z])nhac\\s+lai\\s+(?:ky\\s+niem|cac)|(?<![a-z])(phat huy|tiep noi|ke thua)\\s+"
				+ "(?:[a-z]+\\s+){0,3}?(ket qua|thanh cong|thanh tuu|khong khi)|(?<![a-z])sau\\s+(cac|nhung)\\s+hoat\\s+dong"
				+ "|(?<![a-z])truoc\\s+do(?![a-z])|(?<![a-z])ban\\s+hanh\\s+(?:dung|trung)\\s+(?:vao\\s+)?(?:dip|ngay)(?![a-z])|(?<![a-z])ket\\s+qua\\s+(to\\s+chuc|cac\\s+hoat\\s+dong)"
				+ "|(?<![a-z])vua\\s+(?:qua|(?:[a-z]+\\s+)?(?:to\\s+chuc|ky\\s+niem))(?![a-z])"
				+ "|(?<![a-z])da\\s+(?:[a-z]+\\s+){0,2}?(?:to\\s+chuc|tuyen\\s+truyen|ky\\s+niem)(?![a-z])");

	/**
	 * Words after a mention that put it outside the plan: “... không thuộc phạm vi Kế
	 * hoạch này”.
	 */
	private static final Pattern EXCLUDED_AFTER = Pattern.compile("(?<![a-z])(khong\\s+thuoc\\s+pham\\s+vi"
			+ "|(?:theo|co|se\\s+co)\\s+(?:mot\\s+)?(?:ke\\s+hoach|dinh\\s+huong|huong\\s+dan)\\s+rieng)(?![a-z])");

	private static final Pattern RECALL_AFTER = Pattern.compile("(?<![a-z])(vua\\s+qua|vua\\s+dien\\s+ra"
			+ "|(?:vua|da)\\s+(?:khep\\s+lai|ket\\s+thuc)"
			+ "|vua\\s+to\\s+chuc|da\\s+(?:duoc\\s+)?(?:[a-z]+\\s+){0,2}?(?:to\\s+chuc|dien\\s+ra|ky\\s+niem)|da\\s+qua)(?![a-z])");

	/** A new clause with its own aim: what follows is not recalled. */
	private static final Pattern NEW_CLAUSE = Pattern.compile(
			"(?:[,;]|\\s+va)\\s*(?:dong\\s+thoi\\s+)?(tiep\\s+tuc|tuyen\\s+truyen|chao\\s+mung|huong\\s+toi|tien\\s+toi"
					+ "|chuan\\s+bi|gan\\s+voi|dac\\s+biet|nhat\\s+la)(?![a-z])");

	/**
	 * Whether the mention at {@code at} recalls an anniversary already held (“Phát huy
	 * kết quả các hoạt động kỷ niệm 94 năm ... (03/02/1930 - 03/02/2024)”, “... Tết
	 * Nguyên đán vừa qua”): the plan does not ask activities for it.
	 */
	private boolean recalled(Paragraph p, int at, int line) {
		String folded = p.folded();
		int start = Math.max(folded.lastIndexOf(". ", at), folded.lastIndexOf(';', at)) + 1;
		int end = folded.length();
		for (String stop : new String[] { ". ", ";" }) {
			int i = folded.indexOf(stop, at);
			if (i >= 0 && i < end) {
				end = i;
			}
		}
		Matcher clause = NEW_CLAUSE.matcher(folded);
		clause.region(start, at);
		while (clause.find()) {
			start = clause.start();
		}
		clause.region(at, end);
		if (clause.find()) {
			end = clause.start();
		}
		boolean recalled = RECALL_BEFORE.matcher(folded.substring(start, at)).find()
				|| RECALL_AFTER.matcher(folded.substring(at, end)).find();
		if (!recalled && EXCLUDED_AFTER.matcher(folded.substring(at, end)).find()) {
			String written = quoted(p.text(), start, end);
			this.draft.warn(line, ImportMessage.ANNIVERSARY_EXCLUDED,
					"'" + written + "' is left outside this plan: not added as a target", written);
			return true;
		}
		if (recalled) {
			String written = quoted(p.text(), start, end);
			this.draft.warn(line, ImportMessage.ANNIVERSARY_RECALLED,
					"'" + written + "' recalls what was already held: not added as a target", written);
		}
		return recalled;
	}

	/** The clause a warning quotes, without its list marker, at most 120 characters. */
	private static String quoted(String text, int start, int end) {
		String clause = text.substring(start, end).strip().replaceFirst("^([-+•–]|\\d{1,2}(\\.\\d{1,2})*[.)])\\s*", "");
		return (clause.length() > 120) ? clause.substring(0, 119).strip() + "…" : clause;
	}

	/**
	 * A single date written beside an ordinal for an anniversary the calendar does not
	 * know: its origin (“(19/5/1890)”), or null when the date falls in the plan's own
	 * years (a day something is held, not an origin).
	 */
	private @Nullable LocalDate originOrNull(LocalDate date, int ordinal) {
		Integer year = this.draft.year();
		if (year != null && Math.abs(date.getYear() - year) <= 2 && date.getYear() + ordinal > year + 2) {
			// A day in the plan's own years beside an ordinal, for an anniversary the
			// calendar does not know: an activity's date ("70 năm một chặng đường ...
			// tối 05/9/2025"), not an origin to propose.
			return null;
		}
		return date;
	}

	private @Nullable Anniversary byName(String name, @Nullable Integer ordinal) {
		Integer year = this.draft.year();
		Anniversary best = null;
		double score = 0.6;
		for (Anniversary a : this.book.anniversaries()) {
			double similarity = Words.similarity(name, a.name());
			boolean inYears = (ordinal == null)
					|| year != null && a.originYear() != null && Math.abs(a.originYear() + ordinal - year) <= 1;
			if (inYears && similarity >= score) {
				best = a;
				score = similarity;
			}
		}
		return best;
	}

	private void dated(String name, LocalDate origin, int ordinal, int line) {
		List<Anniversary> exact = byOrigin(origin);
		if (!exact.isEmpty()) {
			add(best(exact, name), ordinal, line);
			return;
		}
		for (Anniversary a : this.book.anniversaries()) {
			if (!a.lunar() && a.day() == origin.getDayOfMonth() && a.month() == origin.getMonthValue()
					&& Words.similarity(name, a.name()) >= 0.6) {
				String known = a.origin().map(DraftYaml::date).orElse("?");
				this.draft.warn(
						line, ImportMessage.ANNIVERSARY_OTHER_YEAR, "'" + name + "' is dated " + DraftYaml.date(origin)
								+ " but the calendar has " + a.id() + " from " + known + ": check the year",
						name, DraftYaml.date(origin), a.id(), known);
				add(a, ordinal, line);
				return;
			}
		}
		String proposedName = Words.capitalise(name.isBlank() ? "Kỷ niệm " + DraftYaml.date(origin) : name);
		String id = Words.slug(proposedName, 8);
		String unique = id.isEmpty() ? "ky-niem" : id;
		for (int i = 2; this.book.anniversary(unique).isPresent() || proposedElsewhere(unique, origin); i++) {
			unique = id + "-" + i;
		}
		this.draft.warn(line, ImportMessage.ANNIVERSARY_PROPOSED,
				"anniversary '" + proposedName + "' (" + DraftYaml.date(origin)
						+ ") is not in the calendar: proposed as '" + unique + "', tier K",
				proposedName, DraftYaml.date(origin), unique);
		this.draft.addAnniversary(new AnniversaryMention(unique, proposedName, ordinal, origin, true, line));
	}

	private boolean proposedElsewhere(String id, LocalDate origin) {
		return this.draft.anniversaries.stream().anyMatch((a) -> a.id().equals(id) && !origin.equals(a.origin()));
	}

	private void add(Anniversary a, @Nullable Integer ordinal, int line) {
		this.draft
			.addAnniversary(new AnniversaryMention(a.id(), a.name(), ordinal, a.origin().orElse(null), false, line));
	}

	private List<Anniversary> byOrigin(LocalDate date) {
		return this.book.anniversaries()
			.stream()
			.filter((a) -> !a.lunar() && a.originYear() != null && a.origin().map(date::equals).orElse(false))
			.toList();
	}

	private static Anniversary best(List<Anniversary> candidates, String name) {
		Anniversary best = candidates.get(0);
		double score = -1;
		for (Anniversary a : candidates) {
			double similarity = Words.similarity(name, a.name());
			if (similarity > score) {
				best = a;
				score = similarity;
			}
		}
		return best;
	}

	/** The words before a date that name what it dates, and their ordinal. */
	private static Context context(Paragraph p, int at) {
		String clause = clause(p.text(), at);
		Matcher ordinal = ORDINAL.matcher(clause);
		Integer value = null;
		int from = 0;
		while (ordinal.find()) {
			value = Integer.parseInt(ordinal.group(1));
			from = ordinal.end();
		}
		String name = LEAD.matcher(clause.substring(from)).replaceFirst("");
		name = name.replaceAll("[\\s(,–—-]+$", "").strip();
		return new Context(value, name);
	}

	private static String clause(String text, int at) {
		int start = Math.max(0, at - 160);
		String before = text.substring(start, at);
		int cut = -1;
		for (int i = before.length() - 1; i >= 0; i--) {
			char c = before.charAt(i);
			if (c == ';' || c == ':' || c == ')' || (c == '(' && i < before.length() - 2)
					|| (c == '.' && i + 1 < before.length() && before.charAt(i + 1) == ' ')) {
				cut = i;
				break;
			}
		}
		// Nor does a clause reach back past another date.
		Matcher year = Pattern.compile("\\d{4}(?!\\d)").matcher(before);
		while (year.find()) {
			cut = Math.max(cut, year.end() - 1);
		}
		return before.substring(cut + 1);
	}

	private static boolean inside(List<int[]> spans, int offset) {
		return spans.stream().anyMatch((span) -> offset >= span[0] && offset < span[1]);
	}

	private record Context(@Nullable Integer ordinal, String name) {

	}

}
