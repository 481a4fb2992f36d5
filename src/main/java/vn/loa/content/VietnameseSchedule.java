package vn.loa.content;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.loa.calendar.Anniversary;
import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.Event;
import vn.loa.text.PlainText;

/**
 * A schedule as a Vietnamese editor says it, read into the form Loa stores, and the
 * stored form said back in Vietnamese or English:
 * <ul>
 * <li>“06:00 ngày 02/9/2025” is {@code 2025-09-02 06:00};</li>
 * <li>“06:00, 1 ngày trước Kỷ niệm Quốc khánh 2025” (or “... Kỷ niệm 80 năm Quốc khánh”)
 * is {@code anniversary quoc-khanh 2025, 1 day before, 06:00};</li>
 * <li>“07:00 ngày bắt đầu giai đoạn 2 của 443-KH/TU” is
 * {@code start of phase 2 of 443-KH/TU, 07:00};</li>
 * <li>“ngày khai mạc Đại hội XIV” is {@code event dai-hoi-xiv}.</li>
 * </ul>
 * Anniversaries and events are named by their id or by words of their name (without tone
 * marks if need be); a name that fits several is refused with the candidates.
 */
final class VietnameseSchedule {

	private static final Pattern TIME = Pattern
		.compile("(?<![\\d/.:-])(\\d{1,2})\\s*(?::|giờ|h|g)\\s*(\\d{2})?(?:\\s*phút)?(?![\\d/])");

	private static final Pattern OFFSET = Pattern.compile("(\\d+)\\s*(ngày|tuần|giờ|tiếng)\\s*(trước|sau)",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern DATE = Pattern.compile(
			"(?<!\\d)(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})(?!\\d)|(\\d{4})-(\\d{1,2})-(\\d{1,2})");

	private static final Pattern PHASE = Pattern.compile(
			"(bắt đầu|kết thúc)\\s+(?:giai đoạn|đợt)\\s+(\\d+)\\s+(?:của\\s+)?(?:kế hoạch\\s+)?(?:số\\s+)?(\\S+)",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern YEAR = Pattern.compile("(?<![\\d/])(\\d{4})\\s*$");

	private static final Pattern ORDINAL = Pattern.compile("^(\\d{1,3})\\s*năm\\s+",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/** Words that say what the anchor is rather than name it. */
	private static final Pattern LEADING = Pattern.compile(
			"^(?:(?:vào|lúc|ngày|hôm|dịp|kỷ niệm|lễ|sự kiện|khai mạc|diễn ra|bắt đầu)(?:\\s+|$))+",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/** Words every name has, which say nothing about which one. */
	private static final Set<String> FILLER = Set.of("ngay", "ky", "niem", "le", "cua", "va", "nuoc", "lan", "thu");

	/**
	 * A stored absolute time: ISO day, optional hour and minute (seconds are not said).
	 */
	private static final Pattern STORED_ABSOLUTE = Pattern
		.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2}))?.*");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

	private VietnameseSchedule() {
	}

	/**
	 * Whether {@code spec} is written the Vietnamese way rather than in the stored form.
	 */
	static boolean isVietnamese(String spec) {
		String folded = PlainText.withoutMarks(spec);
		return !folded.matches("^\\s*(anniversary|event|start of|end of)\\b.*") && !folded
			.matches("^\\s*(\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}/\\d{1,2}/\\d{4})([t ]\\d{1,2}:\\d{2}(:\\d{2})?)?\\s*$");
	}

	/**
	 * The stored form of a schedule written in Vietnamese.
	 * @throws Schedule.ScheduleException naming what could not be read or found
	 */
	static String stored(String spec, CalendarBook book) {
		String rest = " " + spec.strip().replaceAll("\\s+", " ") + " ";
		List<String> offsets = new ArrayList<>();
		Matcher offset = OFFSET.matcher(rest);
		while (offset.find()) {
			String unit = PlainText.withoutMarks(offset.group(2));
			String english = switch (unit) {
				case "ngay" -> "day";
				case "tuan" -> "week";
				default -> "hour";
			};
			int amount = Integer.parseInt(offset.group(1));
			offsets.add(amount + " " + english + ((amount == 1) ? "" : "s") + " "
					+ (PlainText.withoutMarks(offset.group(3)).equals("truoc") ? "before" : "after"));
		}
		rest = OFFSET.matcher(rest).replaceAll(" ");
		String time = null;
		Matcher date = DATE.matcher(rest);
		String absolute = null;
		if (date.find()) {
			absolute = (date.group(1) != null) ? date.group(3) + "-" + pad(date.group(2)) + "-" + pad(date.group(1))
					: date.group(4) + "-" + pad(date.group(5)) + "-" + pad(date.group(6));
			try {
				LocalDate.parse(absolute);
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw new Schedule.ScheduleException(ContentError.WHEN_IMPOSSIBLE_DATE,
						"impossible date in '" + date.group().strip() + "'", date.group().strip());
			}
			rest = rest.substring(0, date.start()) + " " + rest.substring(date.end());
		}
		Matcher clock = TIME.matcher(rest);
		if (clock.find()) {
			time = pad(clock.group(1)) + ":" + ((clock.group(2) != null) ? clock.group(2) : "00");
			rest = rest.substring(0, clock.start()) + " " + rest.substring(clock.end());
		}
		String anchor = rest.replaceAll("[,;]", " ").replaceAll("\\s+", " ").strip();
		if (absolute != null) {
			String leftover = LEADING.matcher(anchor).replaceFirst("").strip();
			if (!leftover.isEmpty() || !offsets.isEmpty()) {
				throw unreadable(spec);
			}
			return absolute + " " + ((time != null) ? time : "06:00");
		}
		String stored = anchor(anchor, spec, book);
		StringBuilder out = new StringBuilder(stored);
		offsets.forEach((o) -> out.append(", ").append(o));
		if (time != null) {
			out.append(", ").append(time);
		}
		return out.toString();
	}

	private static String anchor(String anchor, String spec, CalendarBook book) {
		Matcher phase = PHASE.matcher(anchor);
		if (phase.find()) {
			String side = PlainText.withoutMarks(phase.group(1)).equals("bat dau") ? "start" : "end";
			return side + " of phase " + phase.group(2) + " of " + phase.group(3).replaceAll("[.,;]+$", "");
		}
		String named = LEADING.matcher(anchor).replaceFirst("").strip();
		if (named.isEmpty()) {
			throw unreadable(spec);
		}
		Matcher year = YEAR.matcher(named);
		if (year.find()) {
			String name = named.substring(0, year.start()).strip();
			Anniversary anniversary = one(book.anniversaries(), Anniversary::id, Anniversary::name, name);
			if (anniversary != null) {
				return "anniversary " + anniversary.id() + " " + year.group(1);
			}
		}
		Matcher ordinal = ORDINAL.matcher(named);
		if (ordinal.find()) {
			String name = named.substring(ordinal.end()).strip();
			Anniversary anniversary = one(book.anniversaries(), Anniversary::id, Anniversary::name, name);
			if (anniversary != null && anniversary.originYear() != null) {
				return "anniversary " + anniversary.id() + " "
						+ (anniversary.originYear() + Integer.parseInt(ordinal.group(1)));
			}
		}
		Event event = one(book.events(), Event::id, Event::name, named);
		if (event != null) {
			return "event " + event.id();
		}
		if (one(book.anniversaries(), Anniversary::id, Anniversary::name, named) != null) {
			throw new Schedule.ScheduleException(ContentError.WHEN_ANNIVERSARY_YEAR,
					"'" + named + "' is an anniversary: say which year ('Kỷ niệm Quốc khánh 2025' or "
							+ "'Kỷ niệm 80 năm Quốc khánh')",
					named);
		}
		if (named.equals(anchor) && !YEAR.matcher(named).find() && !ORDINAL.matcher(named).find()) {
			// Nothing in it says it names an anniversary or an event ("next tuesday").
			throw unreadable(spec);
		}
		String shown = anchor.replaceFirst("(?iu)^(?:(?:kỷ niệm|vào|lúc|dịp|lễ)\\s+)+", "")
			.replaceFirst("\\s*\\d{4}$", "")
			.strip();
		throw new Schedule.ScheduleException(ContentError.WHEN_UNKNOWN_NAME,
				"no anniversary or event of the calendar is called '" + shown + "'", shown);
	}

	/**
	 * The one entry an id or words of a name pick out: every word written is a word of
	 * the name; of several, the one with fewest other words, unless two tie.
	 */
	private static <T> @Nullable T one(List<T> entries, Function<T, String> id, Function<T, String> name,
			String written) {
		String wanted = PlainText.withoutMarks(written).strip();
		for (T entry : entries) {
			if (id.apply(entry).equalsIgnoreCase(wanted)) {
				return entry;
			}
		}
		Set<String> words = words(written);
		if (words.isEmpty()) {
			return null;
		}
		T best = null;
		int bestExtra = Integer.MAX_VALUE;
		List<String> tied = new ArrayList<>();
		for (T entry : entries) {
			Set<String> nameWords = words(name.apply(entry));
			if (!nameWords.containsAll(words)) {
				continue;
			}
			int extra = nameWords.size() - words.size();
			if (extra < bestExtra) {
				best = entry;
				bestExtra = extra;
				tied.clear();
				tied.add(name.apply(entry));
			}
			else if (extra == bestExtra) {
				tied.add(name.apply(entry));
			}
		}
		if (tied.size() > 1) {
			throw new Schedule.ScheduleException(ContentError.WHEN_AMBIGUOUS_NAME,
					"'" + written + "' fits several: " + String.join("; ", tied), written, String.join("; ", tied));
		}
		return best;
	}

	private static Set<String> words(String text) {
		Set<String> words = new LinkedHashSet<>(
				Arrays.asList(PlainText.withoutMarks(text).replaceAll("[^a-z0-9]+", " ").strip().split(" ")));
		words.removeIf((w) -> w.isEmpty() || FILLER.contains(w));
		return words;
	}

	private static Schedule.ScheduleException unreadable(String spec) {
		return new Schedule.ScheduleException(ContentError.WHEN_UNREADABLE,
				"cannot read schedule '" + spec
						+ "' (expected '06:00 ngày 02/9/2025', '06:00, 1 ngày trước Kỷ niệm Quốc khánh 2025', "
						+ "'07:00 ngày bắt đầu giai đoạn 2 của 443-KH/TU' or 'ngày khai mạc Đại hội XIV')",
				spec);
	}

	private static String pad(String number) {
		return (number.length() == 1) ? "0" + number : number;
	}

	/**
	 * The stored form said the way an editor says it, in Vietnamese or English; the
	 * Vietnamese reads back as the same schedule.
	 */
	static String said(String stored, CalendarBook book, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		String[] parts = stored.strip().split("\\s*,\\s*");
		Matcher absolute = STORED_ABSOLUTE.matcher(parts[0]);
		if (parts.length == 1 && absolute.matches()) {
			LocalDate day = LocalDate.of(Integer.parseInt(absolute.group(1)), Integer.parseInt(absolute.group(2)),
					Integer.parseInt(absolute.group(3)));
			LocalTime time = (absolute.group(4) != null)
					? LocalTime.of(Integer.parseInt(absolute.group(4)), Integer.parseInt(absolute.group(5)))
					: Schedule.DEFAULT_TIME;
			return english ? time.format(HOUR) + " on " + day.format(DAY)
					: time.format(HOUR) + " ngày " + day.format(DAY);
		}
		String time = null;
		List<String> offsets = new ArrayList<>();
		for (int i = 1; i < parts.length; i++) {
			if (parts[i].matches("\\d{1,2}:\\d{2}")) {
				time = parts[i];
			}
			else if (parts[i].matches("\\d{4}")) {
				parts[0] = parts[0] + " " + parts[i];
			}
			else {
				offsets.add(english ? parts[i] : offsetInVietnamese(parts[i]));
			}
		}
		String anchor = anchorSaid(parts[0], book, english);
		String when = (time != null) ? time : Schedule.DEFAULT_TIME.format(HOUR);
		if (offsets.isEmpty()) {
			return english ? when + " on " + anchor : when + " " + anchor;
		}
		return when + ", " + String.join(", ", offsets) + " " + anchor;
	}

	private static String offsetInVietnamese(String offset) {
		Matcher m = Schedule.OFFSET.matcher(offset);
		if (!m.matches()) {
			return offset;
		}
		String unit = m.group(2).startsWith("day") ? "ngày" : m.group(2).startsWith("week") ? "tuần" : "giờ";
		return m.group(1) + " " + unit + " " + (m.group(3).equals("before") ? "trước" : "sau");
	}

	static String anchorSaid(String anchor, CalendarBook book, boolean english) {
		Matcher anniversary = Schedule.ANNIVERSARY.matcher(anchor);
		if (anniversary.matches()) {
			String id = anniversary.group(1);
			String name = book.anniversary(id).map(Anniversary::name).orElse(id);
			String year = anniversary.group(2);
			if (english) {
				String en = book.anniversary(id).map((a) -> (a.nameEn() != null) ? a.nameEn() : a.name()).orElse(id);
				return en + " " + year;
			}
			return "Kỷ niệm " + name + " " + year;
		}
		Matcher event = Schedule.EVENT.matcher(anchor);
		if (event.matches()) {
			String id = event.group(1);
			if (english) {
				return "the opening of " + book.event(id).map((e) -> e.nameIn(Locale.ENGLISH)).orElse(id);
			}
			return "ngày khai mạc " + book.event(id).map(Event::name).orElse(id);
		}
		Matcher phase = Schedule.PHASE.matcher(anchor);
		if (phase.matches()) {
			if (english) {
				return "the " + phase.group(1) + " of phase " + phase.group(2) + " of " + phase.group(3);
			}
			return "ngày " + (phase.group(1).equals("start") ? "bắt đầu" : "kết thúc") + " giai đoạn " + phase.group(2)
					+ " của " + phase.group(3);
		}
		return anchor;
	}

}
