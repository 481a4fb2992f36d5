package vn.loa.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.loa.calendar.Anniversary;
import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.Occurrence;
import vn.loa.calendar.Phase;
import vn.loa.calendar.Plan;

/**
 * When an item goes out, as an editor writes it: an absolute local time
 * ({@code 2025-09-02 06:00}, {@code 02/09/2025 06:00}) or a time relative to the
 * calendar:
 * <ul>
 * <li>{@code anniversary quoc-khanh 2025, 1 day before, 06:00}</li>
 * <li>{@code event dai-hoi-xiv, 2 weeks before, 07:00}</li>
 * <li>{@code start of phase 2 of 443-KH/TU, 07:00} (or {@code end of phase ...})</li>
 * </ul>
 * Absolute times may give seconds ({@code 2025-09-02 06:00:30}). The offset and the time
 * are optional (no offset: on the day; no time: 06:00).
 */
final class Schedule {

	/** The time of day used when a schedule names none: the morning broadcast. */
	public static final LocalTime DEFAULT_TIME = LocalTime.of(6, 0);

	private static final Pattern ABSOLUTE = Pattern
		.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?"
				+ "|(\\d{1,2})/(\\d{1,2})/(\\d{4})(?: (\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

	static final Pattern ANNIVERSARY = Pattern.compile("anniversary\\s+([\\w-]+)\\s*,?\\s*(\\d{4})",
			Pattern.CASE_INSENSITIVE);

	static final Pattern EVENT = Pattern.compile("event\\s+([\\w-]+)", Pattern.CASE_INSENSITIVE);

	static final Pattern PHASE = Pattern.compile("(start|end)\\s+of\\s+phase\\s+(\\d+)\\s+of\\s+(\\S+?)",
			Pattern.CASE_INSENSITIVE);

	static final Pattern OFFSET = Pattern.compile("(\\d+)\\s+(day|days|week|weeks|hour|hours)\\s+(before|after)");

	private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

	private Schedule() {
	}

	/**
	 * The instant {@code spec} names, read in {@code zone} against {@code book}.
	 * @throws ScheduleException naming what could not be read or found
	 */
	public static ZonedDateTime resolve(String spec, CalendarBook book, ZoneId zone) {
		String text = stored(spec, book).strip();
		Matcher absolute = ABSOLUTE.matcher(text);
		if (absolute.matches()) {
			return absolute(absolute, zone);
		}
		String[] parts = text.split("\\s*,\\s*");
		String anchorText = parts[0];
		int index = 1;
		LocalDate anchor;
		Matcher anniversary = ANNIVERSARY.matcher(text);
		if (anniversary.lookingAt()) {
			anchor = anniversaryDate(book, anniversary.group(1), Integer.parseInt(anniversary.group(2)));
			// "anniversary x, 2025": the year may have been split off as its own part
			if (!anchorText.contains(anniversary.group(2))) {
				index = 2;
			}
		}
		else {
			anchor = relativeAnchor(anchorText, book);
		}
		LocalDateTime result = anchor.atTime(DEFAULT_TIME);
		long offsetHours = 0;
		boolean timeSet = false;
		for (; index < parts.length; index++) {
			String part = parts[index].toLowerCase(Locale.ROOT);
			Matcher offset = OFFSET.matcher(part);
			Matcher time = TIME.matcher(part);
			if (offset.matches()) {
				long amount = Long.parseLong(offset.group(1));
				long hours = switch (offset.group(2)) {
					case "day", "days" -> amount * 24;
					case "week", "weeks" -> amount * 24 * 7;
					default -> amount;
				};
				offsetHours += offset.group(3).equals("before") ? -hours : hours;
			}
			else if (time.matches() && !timeSet) {
				result = result.toLocalDate().atTime(time(time.group(1), time.group(2), spec));
				timeSet = true;
			}
			else {
				throw new ScheduleException(ContentError.WHEN_UNREADABLE_PART,
						"cannot read '" + parts[index] + "' in schedule '" + spec
								+ "' (expected an offset like '1 day before' or a time like '06:00')",
						parts[index], spec);
			}
		}
		return result.plusHours(offsetHours).atZone(zone);
	}

	/**
	 * The form Loa stores a schedule in: an editor's Vietnamese (“06:00, 1 ngày trước Kỷ
	 * niệm Quốc khánh 2025”) read into {@code anniversary quoc-khanh 2025, 1 day before,
	 * 06:00}; the stored form itself is returned as it is.
	 * @throws ScheduleException naming what could not be read or found
	 */
	public static String stored(String spec, CalendarBook book) {
		String text = spec.strip();
		return VietnameseSchedule.isVietnamese(text) ? VietnameseSchedule.stored(text, book) : text;
	}

	/**
	 * A schedule said the way an editor says it, in the page's language: “07:00 ngày bắt
	 * đầu giai đoạn 2 của 443-KH/TU” rather than {@code start of phase 2 of 443-KH/TU,
	 * 07:00}. The Vietnamese reads back as the same schedule; a schedule that cannot be
	 * read is shown as written.
	 */
	public static String said(String spec, CalendarBook book, Locale locale) {
		try {
			return VietnameseSchedule.said(stored(spec, book), book, locale);
		}
		catch (RuntimeException ex) {
			return spec;
		}
	}

	/**
	 * The anniversary occurrence a schedule is written against, if it is written against
	 * one.
	 */
	public static Optional<AnniversaryAnchor> anniversaryOf(String spec) {
		Matcher anniversary = ANNIVERSARY.matcher((spec != null) ? spec.strip() : "");
		if (!anniversary.lookingAt()) {
			return Optional.empty();
		}
		return Optional.of(new AnniversaryAnchor(anniversary.group(1), Integer.parseInt(anniversary.group(2))));
	}

	/** The event a schedule is written against ({@code event ID, ...}), if any. */
	public static Optional<String> eventOf(String spec) {
		Matcher event = EVENT.matcher(anchorText(spec));
		return event.matches() ? Optional.of(event.group(1)) : Optional.empty();
	}

	/**
	 * The plan, as written, whose phase a schedule is written against
	 * ({@code start of phase 2 of 443-KH/TU, ...}), if any.
	 */
	public static Optional<String> planOf(String spec) {
		Matcher phase = PHASE.matcher(anchorText(spec));
		return phase.matches() ? Optional.of(phase.group(3)) : Optional.empty();
	}

	private static String anchorText(String spec) {
		return (spec != null) ? spec.strip().split("\\s*,\\s*")[0] : "";
	}

	/**
	 * An anniversary in a year, as a schedule names it.
	 *
	 * @param id the anniversary's id
	 * @param year the year of the occurrence
	 */
	public record AnniversaryAnchor(String id, int year) {

	}

	private static LocalDate relativeAnchor(String text, CalendarBook book) {
		Matcher event = EVENT.matcher(text);
		if (event.matches()) {
			String id = event.group(1);
			return book.event(id)
				.orElseThrow(
						() -> new ScheduleException(ContentError.WHEN_UNKNOWN_EVENT, "unknown event '" + id + "'", id))
				.startDate()
				.orElseThrow(() -> new ScheduleException(ContentError.WHEN_EVENT_UNDATED,
						"the date of event '" + id + "' is not known yet", id));
		}
		Matcher phase = PHASE.matcher(text);
		if (phase.matches()) {
			Plan plan = book.plan(phase.group(3))
				.orElseThrow(() -> new ScheduleException(ContentError.WHEN_UNKNOWN_PLAN,
						"unknown plan '" + phase.group(3) + "'", phase.group(3)));
			int number = Integer.parseInt(phase.group(2));
			Phase found = plan.phase(number)
				.orElseThrow(() -> new ScheduleException(ContentError.WHEN_NO_PHASE,
						"plan " + phase.group(3) + " has no phase " + number, phase.group(3), String.valueOf(number)));
			if (phase.group(1).equalsIgnoreCase("start")) {
				return found.start();
			}
			return found.endIn(book)
				.orElseThrow(() -> new ScheduleException(ContentError.WHEN_PHASE_END_UNKNOWN,
						"the end of phase " + number + " of " + phase.group(3)
								+ " is not known yet (it runs until an event without a date)",
						String.valueOf(number), phase.group(3)));
		}
		throw new ScheduleException(ContentError.WHEN_UNREADABLE, "cannot read schedule '" + text
				+ "' (expected a date like '2025-09-02 06:00', 'anniversary ID YEAR', 'event ID' or 'start of phase N of PLAN')",
				text);
	}

	private static LocalDate anniversaryDate(CalendarBook book, String id, int year) {
		Anniversary anniversary = book.anniversary(id)
			.orElseThrow(() -> new ScheduleException(ContentError.WHEN_UNKNOWN_ANNIVERSARY,
					"unknown anniversary '" + id + "'", id));
		Optional<Occurrence> occurrence = anniversary.occurrenceIn(year);
		return occurrence.map(Occurrence::date)
			.orElseThrow(() -> new ScheduleException(ContentError.WHEN_NO_OCCURRENCE,
					"anniversary '" + id + "' has no occurrence in " + year, id, String.valueOf(year)));
	}

	private static ZonedDateTime absolute(Matcher m, ZoneId zone) {
		try {
			boolean iso = m.group(1) != null;
			int first = iso ? 1 : 7;
			LocalDate date = iso
					? LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
							Integer.parseInt(m.group(3)))
					: LocalDate.of(Integer.parseInt(m.group(9)), Integer.parseInt(m.group(8)),
							Integer.parseInt(m.group(7)));
			LocalTime time = (m.group(first + 3) != null) ? time(m.group(first + 3), m.group(first + 4), m.group())
					: DEFAULT_TIME;
			if (m.group(first + 5) != null) {
				time = time.withSecond(Integer.parseInt(m.group(first + 5)));
			}
			return date.atTime(time).atZone(zone);
		}
		catch (DateTimeException ex) {
			throw new ScheduleException(ContentError.WHEN_IMPOSSIBLE_DATE,
					"impossible date in '" + m.group() + "': " + ex.getMessage(), m.group());
		}
	}

	private static LocalTime time(String hours, String minutes, String spec) {
		try {
			return LocalTime.of(Integer.parseInt(hours), Integer.parseInt(minutes));
		}
		catch (DateTimeException ex) {
			throw new ScheduleException(ContentError.WHEN_IMPOSSIBLE_TIME,
					"impossible time '" + hours + ":" + minutes + "' in '" + spec + "'", hours + ":" + minutes, spec);
		}
	}

	/**
	 * A schedule that cannot be read or does not resolve, with an English message for a
	 * person and a code for pages in other languages.
	 */
	public static class ScheduleException extends RuntimeException {

		private final ContentError error;

		private final List<Object> arguments;

		ScheduleException(ContentError error, String message, Object... arguments) {
			super(message);
			this.error = error;
			this.arguments = List.of(arguments);
		}

		/** What is wrong. */
		public ContentError error() {
			return this.error;
		}

		/**
		 * The values the message quotes, in the order the code's translation numbers
		 * them.
		 */
		public List<Object> arguments() {
			return this.arguments;
		}

	}

}
