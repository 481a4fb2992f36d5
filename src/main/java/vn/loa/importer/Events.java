package vn.loa.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.Event;
import vn.loa.importer.PlanDraft.EventMention;
import vn.loa.importer.Source.Paragraph;

/**
 * Finds the events a plan names: party congresses (“Đại hội đại biểu Đảng bộ tỉnh Thái
 * Nguyên lần thứ XXI”, “Đại hội XIV của Đảng”), the plenum a plan is about, and
 * commemorations the calendar keeps as events; matches them to the calendar's events.
 */
final class Events {

	private static final Pattern CONGRESS = Pattern.compile("(?<![a-z])dai\\s*hoi(?![a-z])");

	private static final Pattern NUMERAL = Pattern.compile("(?<!\\p{L})([IVXL]{1,6})(?!\\p{L})");

	private static final Pattern STOP = Pattern.compile("[;:(.]|\\stien toi\\s|\\sgan voi\\s"
			+ "|,(?!\\s*(thanh pho|tinh|huyen|quan|thi xa|xa|phuong|thi tran|nhiem ky)(?![a-z]))");

	private static final Pattern NATIONAL = Pattern
		.compile("^\\s*(dai bieu)?\\s*(dang)?\\s*(toan quoc)?\\s*(lan thu)?\\s*$");

	private static final Pattern PAST = Pattern.compile("(nghi quyet|nhiem ky|ket qua)\\s*$");

	private static final Pattern TERM = Pattern.compile("^\\s*,?\\s*nhiệm kỳ\\s*\\d{4}\\s*[-–—]\\s*\\d{4}");

	private static final Pattern OF_PARTY = Pattern.compile("^\\s*(của Đảng|Đảng toàn quốc)");

	private static final Pattern PLENUM = Pattern
		.compile("hoi\\s*nghi\\s+(?:lan\\s+thu\\s+(\\d{1,2})|trung\\s*uong\\s+(\\d{1,2}))"
				+ "[^;:.]{0,60}?khoa\\s+([ivx]{1,5})(?![a-z])");

	private static final List<String[]> LEVELS = List.of(new String[] { "thị xã", "thi-xa" },
			new String[] { "thị trấn", "thi-tran" }, new String[] { "thành phố", "thanh-pho" },
			new String[] { "tỉnh", "tinh" }, new String[] { "huyện", "huyen" }, new String[] { "quận", "quan" },
			new String[] { "phường", "phuong" }, new String[] { "xã", "xa" });

	private final CalendarBook book;

	private final DraftBuilder draft;

	private final List<Key> known = new ArrayList<>();

	private String context = "";

	Events(CalendarBook book, DraftBuilder draft) {
		this.book = book;
		this.draft = draft;
		for (Event event : book.events()) {
			List<Congress> congresses = congresses(event.name(), Words.fold(event.name()), true);
			if (!congresses.isEmpty()) {
				Congress c = congresses.get(0);
				this.known.add(new Key(event, c.level(), c.place(), c.number()));
			}
		}
	}

	void read(Layout layout) {
		this.context = Words
			.fold(String.join(" ", nonNull(this.draft.issuer), nonNull(this.draft.place), nonNull(this.draft.title),
					String.join(" ", this.draft.implementsDocuments), String.join(" ", this.draft.recipients)));
		Paragraph title = layout.title();
		if (title != null) {
			plenum(title);
		}
		for (Paragraph p : layout.text()) {
			for (Congress c : congresses(p.text(), p.folded(), false)) {
				resolve(c, p.lineAt(c.start()));
			}
		}
	}

	/** The congress written at {@code offset} of the paragraph, resolved, or null. */
	@Nullable Found congressAt(Paragraph p, int offset) {
		for (Congress c : congresses(p.text(), p.folded(), true)) {
			if (c.start() >= offset && c.start() <= offset + 12) {
				return new Found(resolve(c, p.lineAt(c.start())), c.end());
			}
		}
		return null;
	}

	private void plenum(Paragraph p) {
		Matcher m = PLENUM.matcher(p.folded());
		if (!m.find()) {
			return;
		}
		String name = p.text().substring(m.start(), m.end());
		String number = (m.group(1) != null) ? m.group(1) : m.group(2);
		String term = m.group(3);
		for (Event event : this.book.events()) {
			Matcher other = PLENUM.matcher(Words.fold(event.name()));
			if (other.find() && number.equals((other.group(1) != null) ? other.group(1) : other.group(2))
					&& term.equals(other.group(3))) {
				this.draft.addEvent(new EventMention(event.id(), event.name(), false, p.lineAt(m.start())));
				return;
			}
		}
		propose("hoi-nghi-tw-" + number + "-khoa-" + term, Words.capitalise(name), p.lineAt(m.start()));
	}

	/** The best calendar event for a commemoration named with its ordinal, or null. */
	@Nullable Event byName(String name, int ordinal) {
		Event best = null;
		double score = 0.6;
		for (Event event : this.book.events()) {
			double similarity = Words.similarity(name, event.name());
			if (similarity >= score && event.name().matches(".*\\b" + ordinal + "\\b.*")) {
				best = event;
				score = similarity;
			}
		}
		return best;
	}

	double similarityOf(Event event, String name) {
		return Words.similarity(name, event.name());
	}

	private EventMention resolve(Congress c, int line) {
		List<Key> candidates = this.known.stream()
			.filter((k) -> k.number() == c.number() && k.level().equals(c.level()))
			.toList();
		if (c.place() != null) {
			String place = Words.fold(c.place());
			candidates = candidates.stream()
				.filter((k) -> k.place() != null && Words.fold(k.place()).equals(place))
				.toList();
		}
		else if (!"national".equals(c.level()) && !this.context.isBlank()) {
			candidates = candidates.stream()
				.filter((k) -> k.place() == null || this.context.contains(Words.fold(k.place())))
				.toList();
		}
		if (candidates.size() == 1) {
			Event event = candidates.get(0).event();
			return this.draft.addEvent(new EventMention(event.id(), event.name(), false, line));
		}
		String id = "national".equals(c.level()) ? "dai-hoi-" + roman(c)
				: "dai-hoi-" + c.level() + ((c.place() != null) ? "-" + Words.slug(c.place(), 6) : "") + "-" + roman(c);
		return propose(id, c.name(), line);
	}

	private EventMention propose(String id, String name, int line) {
		String unique = id;
		for (int i = 2; this.book.event(unique).isPresent(); i++) {
			unique = id + "-" + i;
		}
		for (EventMention known : this.draft.events) {
			if (known.id().equals(unique)) {
				return known;
			}
		}
		this.draft.warn(line, ImportMessage.EVENT_PROPOSED, "event '" + name + "' is not in the calendar: proposed as '"
				+ unique + "' with its date unknown; enter the date", name, unique);
		return this.draft.addEvent(new EventMention(unique, name, true, line));
	}

	private static String roman(Congress c) {
		return c.numeral().toLowerCase(Locale.ROOT);
	}

	/**
	 * Every congress with a number in a text, one per level when one phrase names several
	 * (“Đại hội Đảng bộ Tỉnh, Thành phố lần thứ VIII”).
	 */
	static List<Congress> congresses(String text, String folded, boolean includePast) {
		List<Congress> found = new ArrayList<>();
		Matcher m = CONGRESS.matcher(folded);
		while (m.find()) {
			int start = m.start();
			if (!includePast && PAST.matcher(folded.substring(Math.max(0, start - 20), start)).find()) {
				continue;
			}
			int limit = Math.min(folded.length(), m.end() + 110);
			Matcher next = CONGRESS.matcher(folded);
			if (next.find(m.end()) && next.start() < limit) {
				limit = next.start();
			}
			Matcher stop = STOP.matcher(folded);
			stop.region(m.end(), limit);
			if (stop.find()) {
				limit = stop.start();
			}
			Matcher numeral = NUMERAL.matcher(text);
			numeral.region(m.end(), limit);
			if (!numeral.find() || Words.roman(numeral.group(1)) == 0) {
				continue;
			}
			String between = text.substring(m.end(), numeral.start());
			String after = text.substring(numeral.end(), Math.min(text.length(), numeral.end() + 40));
			int end = numeral.end();
			Matcher term = TERM.matcher(after);
			Matcher party = OF_PARTY.matcher(after);
			if (term.find()) {
				end += term.end();
			}
			else if (party.find()) {
				end += party.end();
			}
			String name = text.substring(start, end).replaceAll("\\s+", " ");
			int number = Words.roman(numeral.group(1));
			List<String[]> levels = levels(between.toLowerCase(Locale.ROOT));
			if (levels.isEmpty() && after.toLowerCase(Locale.ROOT).matches("^\\s*đảng bộ\\s.*")) {
				levels = levels(after.toLowerCase(Locale.ROOT).substring(0, Math.min(after.length(), 20)));
			}
			if (levels.isEmpty() || between.toLowerCase(Locale.ROOT).contains("toàn quốc")) {
				if (!NATIONAL.matcher(Words.fold(between)).matches() && !Words.fold(between).contains("toan quoc")
						&& !OF_PARTY.matcher(after).find()) {
					continue;
				}
				found.add(new Congress("national", null, number, numeral.group(1), name, start, end));
				continue;
			}
			for (String[] level : levels) {
				String place = place(between, level[0]);
				String written = (levels.size() == 1) ? name
						: "Đại hội Đảng bộ " + level[0] + " lần thứ " + numeral.group(1);
				found.add(new Congress(level[1], place, number, numeral.group(1), written, start, end));
			}
		}
		return found;
	}

	private static List<String[]> levels(String lower) {
		List<String[]> levels = new ArrayList<>();
		String rest = " " + lower.replaceAll("[,;]", " ").replace("xã hội", " ") + " ";
		for (String[] level : LEVELS) {
			String marker = " " + level[0] + " ";
			if (rest.contains(marker)) {
				levels.add(level);
				rest = rest.replace(marker, " ");
			}
		}
		return levels;
	}

	private static @Nullable String place(String between, String level) {
		String first = level.substring(0, 1);
		Matcher m = Pattern
			.compile("(?<!\\p{L})[" + first.toUpperCase(Locale.ROOT) + first + "]" + Pattern.quote(level.substring(1))
					+ "\\s+((?:\\p{Lu}\\p{Ll}*)(?:\\s*[-–]\\s*\\p{Lu}\\p{Ll}*|\\s+\\p{Lu}\\p{Ll}*)*)")
			.matcher(between);
		while (m.find()) {
			String place = m.group(1).strip();
			if (!place.isEmpty() && Words.roman(place.split("\\s")[0]) == 0) {
				return place;
			}
		}
		return null;
	}

	private static String nonNull(@Nullable String text) {
		return (text != null) ? text : "";
	}

	/** A congress as written. */
	record Congress(String level, @Nullable String place, int number, String numeral, String name, int start, int end) {

	}

	/** A calendar event with the congress its name describes. */
	private record Key(Event event, String level, @Nullable String place, int number) {

	}

	/** A resolved event and where its mention ends. */
	record Found(EventMention event, int end) {

	}

}
