package vn.loa.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.loa.calendar.Anniversary;
import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.Event;
import vn.loa.calendar.Occurrence;
import vn.loa.calendar.Plan;
import vn.loa.calendar.VietnameseDates;
import vn.loa.content.ContentItem;

/**
 * What a plan's page shows besides its phases: the anniversaries and events it names,
 * each with the date it next falls on, and the content items scheduled against its
 * phases.
 */
final class DeskPlanDetail {

	/**
	 * How many years ahead to look for an anniversary's next occurrence: one on 29/02
	 * recurs only in leap years.
	 */
	private static final int YEARS_AHEAD = 8;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private DeskPlanDetail() {
	}

	/**
	 * The anniversaries the plan names, in its order, each with its first occurrence on
	 * or after {@code today}.
	 */
	static List<AnniversaryRow> anniversaries(Plan plan, CalendarBook book, LocalDate today) {
		return plan.anniversaries().stream().map((id) -> book.anniversary(id).map((anniversary) -> {
			Optional<Occurrence> next = next(anniversary, today);
			return new AnniversaryRow(id, anniversary.name(), next.map(Occurrence::displayDate).orElse(null),
					next.map(Occurrence::ordinal).orElse(null), next.map(Occurrence::title).orElse(null),
					next.map((o) -> YearMonth.from(o.date()).toString()).orElse(null));
		}).orElseGet(() -> new AnniversaryRow(id, id, null, null, null, null))).toList();
	}

	/** The events the plan names, in its order, with their dates when known. */
	static List<EventRow> events(Plan plan, CalendarBook book) {
		return plan.events()
			.stream()
			.map((id) -> book.event(id)
				.map((event) -> new EventRow(id, event.name(), dates(event),
						event.startDate().map((start) -> YearMonth.from(start).toString()).orElse(null)))
				.orElseGet(() -> new EventRow(id, id, null, null)))
			.toList();
	}

	/** The items that carry the plan out (the controller picks them), by time. */
	static List<ContentRow> content(Collection<ContentItem> items, ZoneId zone) {
		return items.stream()
			.sorted(Comparator.comparing(ContentItem::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(ContentItem::id))
			.map((item) -> new ContentRow(item.id(), item.title(), item.when(), format(item.dueAt(), zone),
					item.status().key()))
			.toList();
	}

	private static Optional<Occurrence> next(Anniversary anniversary, LocalDate today) {
		// A lunar year that begins in one solar year ends in the next one's January.
		for (int year = today.getYear() - 1; year <= today.getYear() + YEARS_AHEAD; year++) {
			Optional<Occurrence> occurrence = anniversary.occurrenceIn(year).filter((o) -> !o.date().isBefore(today));
			if (occurrence.isPresent()) {
				return occurrence;
			}
		}
		return Optional.empty();
	}

	private static @Nullable String dates(Event event) {
		if (!event.dateKnown()) {
			return null;
		}
		LocalDate first = Objects.requireNonNull(event.start(), "a known event's start");
		LocalDate last = event.end();
		String start = VietnameseDates.display(first);
		return (last != null && !last.equals(first)) ? start + " – " + VietnameseDates.display(last) : start;
	}

	static @Nullable String format(@Nullable Instant instant, ZoneId zone) {
		return (instant != null) ? TIME.format(instant.atZone(zone)) : null;
	}

	/**
	 * An anniversary the plan names and its next occurrence: date as shown (with the
	 * lunar date for a lunar one), ordinal, title and the month to open in the desk
	 * calendar ({@code yyyy-MM}); those are {@code null} when it does not recur or is
	 * unknown.
	 */
	record AnniversaryRow(String id, String name, @Nullable String nextDate, @Nullable Integer ordinal,
			@Nullable String title, @Nullable String month) {

	}

	/**
	 * An event the plan names: its dates as shown and the month of its first day
	 * ({@code yyyy-MM}), both {@code null} while not known.
	 */
	record EventRow(String id, String name, @Nullable String dates, @Nullable String month) {

	}

	/** A content item scheduled against the plan, with its status key. */
	record ContentRow(String id, String title, String when, @Nullable String dueAt, String status) {

	}

}
