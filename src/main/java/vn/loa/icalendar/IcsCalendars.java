package vn.loa.icalendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.Event;
import vn.loa.calendar.Occurrence;
import vn.loa.calendar.Phase;
import vn.loa.calendar.Plan;
import vn.loa.content.ContentItem;

/**
 * Chooses what each feed holds within a year window and writes it: everything; one plan
 * (its phases and the anniversaries and events it names, no content since content names
 * no plan); or one organisation (the calendar entries and content it owns).
 */
final class IcsCalendars {

	static final String NAME = "Loa — Lịch tuyên truyền";

	private final CalendarBook book;

	private final List<ContentItem> content;

	private final YearWindow window;

	private final Instant stamp;

	private final ZoneId zone;

	/**
	 * @param content the items due in the window, in any status
	 * @param stamp the DTSTAMP of every entry
	 */
	IcsCalendars(CalendarBook book, List<ContentItem> content, YearWindow window, Instant stamp, ZoneId zone) {
		this.book = book;
		this.content = content;
		this.window = window;
		this.stamp = stamp;
		this.zone = zone;
	}

	String all() {
		return write(NAME, (occurrence) -> true, (event) -> true, (plan) -> true, (item) -> true);
	}

	Optional<String> plan(String reference) {
		return this.book.plan(reference)
			.map((plan) -> write(NAME + " — " + ((plan.number() != null) ? "Kế hoạch " + plan.number() : plan.title()),
					(occurrence) -> plan.anniversaries().contains(occurrence.anniversary().id()),
					(event) -> plan.events().contains(event.id()), (other) -> other.id().equals(plan.id()),
					(item) -> false));
	}

	Optional<String> organisation(String id) {
		return this.book.organisation(id).map((owner) -> organisation(owner.id(), owner.name()));
	}

	/**
	 * What an organisation owns, named {@code name}, whether or not the files declare it.
	 */
	String organisation(String id, String name) {
		return write(NAME + " — " + name, (occurrence) -> id.equals(occurrence.anniversary().organisation()),
				(event) -> id.equals(event.organisation()), (plan) -> id.equals(plan.organisation()),
				(item) -> id.equals(item.organisation()));
	}

	private String write(String name, Predicate<Occurrence> occurrences, Predicate<Event> events, Predicate<Plan> plans,
			Predicate<ContentItem> items) {
		List<IcsEntry> entries = new ArrayList<>();
		this.book.occurrencesBetween(this.window.firstDay(), this.window.lastDay())
			.stream()
			.filter(occurrences)
			.map(IcsEntries::occurrence)
			.forEach(entries::add);
		this.book.eventsBetween(this.window.firstDay(), this.window.lastDay())
			.stream()
			.filter(events)
			.map(IcsEntries::event)
			.forEach(entries::add);
		for (Plan plan : this.book.plans()) {
			if (plans.test(plan)) {
				for (Phase phase : plan.phases()) {
					if (phase.overlaps(this.window.firstDay(), this.window.lastDay(), this.book)) {
						entries.add(IcsEntries.phase(plan, phase, this.book, this.window.lastDay()));
					}
				}
			}
		}
		this.content.stream().filter(IcsEntries::isShown).filter(items).map(IcsEntries::content).forEach(entries::add);
		return IcsWriter.write(name, entries, this.stamp, this.zone);
	}

}
