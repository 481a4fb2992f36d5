package vn.loa.icalendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.Event;
import vn.loa.calendar.Occurrence;
import vn.loa.calendar.OccurrenceClass;
import vn.loa.calendar.Phase;
import vn.loa.calendar.Plan;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.Outlet;

/**
 * Turns occurrences, events, phases and content items into calendar entries with
 * Vietnamese wording and UIDs made from their ids.
 */
final class IcsEntries {

	static final String ANNIVERSARY = "Ngày kỷ niệm";

	static final String NAM_TRON = "Năm tròn";

	static final String NAM_LE_5 = "Năm lẻ 5";

	static final String EVENT = "Sự kiện";

	static final String PHASE = "Giai đoạn kế hoạch";

	static final String CONTENT = "Tin bài";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private IcsEntries() {
	}

	/**
	 * An occurrence on its day; a năm tròn or năm lẻ 5 is marked in the summary ("[Năm
	 * tròn] Kỷ niệm 80 năm ...") and in CATEGORIES.
	 */
	static IcsEntry occurrence(Occurrence occurrence) {
		String mark = mark(occurrence.occurrenceClass());
		List<String> categories = new ArrayList<>(List.of(ANNIVERSARY));
		String summary = occurrence.title();
		String description = occurrence.anniversary().name();
		if (mark != null) {
			categories.add(mark);
			summary = "[" + mark + "] " + summary;
		}
		if (occurrence.ordinal() != null) {
			description += "\nKỷ niệm " + occurrence.ordinal() + " năm"
					+ ((mark != null) ? " (" + mark.toLowerCase(Locale.ROOT) + ")." : ".");
		}
		return IcsEntry.allDay(
				"occurrence-" + occurrence.anniversary().id() + "-" + occurrence.date().getYear() + "@loa", summary,
				description, categories, occurrence.date(), occurrence.date());
	}

	/** An event with a known date, over its days. */
	static IcsEntry event(Event event) {
		LocalDate first = event.startDate().orElseThrow();
		LocalDate last = event.endDate().orElseThrow();
		String days = first.equals(last) ? "Ngày " + DAY.format(first)
				: "Từ " + DAY.format(first) + " đến " + DAY.format(last);
		return IcsEntry.allDay("event-" + event.id() + "@loa", event.name(), days + ".", List.of(EVENT), first, last);
	}

	/**
	 * A phase over its days; one whose end is not known yet runs to {@code windowEnd},
	 * and its description says so.
	 */
	static IcsEntry phase(Plan plan, Phase phase, CalendarBook book, LocalDate windowEnd) {
		Optional<LocalDate> end = phase.endIn(book);
		String label = (plan.number() != null) ? "Kế hoạch " + plan.number() : plan.title();
		StringBuilder description = new StringBuilder(label);
		if (plan.number() != null) {
			description.append(": ").append(plan.title());
		}
		description.append("\nGiai đoạn ")
			.append(phase.number())
			.append(": ")
			.append(phase.name())
			.append("\nTừ ")
			.append(DAY.format(phase.start()));
		if (end.isPresent()) {
			description.append(" đến ").append(DAY.format(end.get())).append('.');
		}
		else {
			description.append("; chưa biết ngày kết thúc");
			if (phase.untilEvent() != null) {
				String until = book.event(phase.untilEvent()).map(Event::name).orElse(phase.untilEvent());
				description.append(" (đến ").append(until).append(", chưa có ngày)");
			}
			description.append(", nên lịch này kéo dài đến hết ").append(DAY.format(windowEnd)).append('.');
		}
		return IcsEntry.allDay("phase-" + plan.id() + "-" + phase.number() + "@loa", label + " — " + phase.name(),
				description.toString(), List.of(PHASE), phase.start(), end.orElse(windowEnd));
	}

	/** A content item at the moment it goes out. */
	static IcsEntry content(ContentItem item) {
		StringBuilder description = new StringBuilder();
		if (item.summary() != null && !item.summary().isBlank()) {
			description.append(item.summary().strip()).append("\n\n");
		}
		description.append("Kênh: ")
			.append(item.outlets().stream().sorted().map(IcsEntries::outlet).collect(Collectors.joining(", ")))
			.append("\nTrạng thái: ")
			.append(status(item.status()));
		return IcsEntry.at("content-" + item.id() + "@loa", item.title(), description.toString(), List.of(CONTENT),
				Objects.requireNonNull(item.dueAt(), "a shown item's time"));
	}

	/** Whether an item belongs in a calendar: it is going out or went out. */
	static boolean isShown(ContentItem item) {
		return item.dueAt() != null && (item.status() == ContentStatus.SCHEDULED
				|| item.status() == ContentStatus.PUBLISHED || item.status() == ContentStatus.LATE);
	}

	private static @Nullable String mark(OccurrenceClass occurrenceClass) {
		return switch (occurrenceClass) {
			case NAM_TRON -> NAM_TRON;
			case NAM_LE_5 -> NAM_LE_5;
			default -> null;
		};
	}

	private static String outlet(Outlet outlet) {
		return switch (outlet) {
			case FEED -> "trang tin (RSS/Atom)";
			case EMAIL -> "bản tin email";
			case RADIO -> "đài truyền thanh";
		};
	}

	private static String status(ContentStatus status) {
		return switch (status) {
			case SCHEDULED -> "đã lên lịch";
			case PUBLISHED -> "đã đăng";
			case LATE -> "đã đăng muộn";
			default -> status.key();
		};
	}

}
