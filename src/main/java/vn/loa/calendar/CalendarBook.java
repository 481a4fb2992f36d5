package vn.loa.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of all calendar data: what {@code calendar/} held when it was
 * read.
 */
public final class CalendarBook {

	private final List<Anniversary> anniversaries;

	private final List<Event> events;

	private final List<Plan> plans;

	private final List<Organisation> organisations;

	public CalendarBook(List<Anniversary> anniversaries, List<Event> events, List<Plan> plans,
			List<Organisation> organisations) {
		this.anniversaries = List.copyOf(anniversaries);
		this.events = List.copyOf(events);
		this.plans = List.copyOf(plans);
		this.organisations = List.copyOf(organisations);
	}

	public static CalendarBook empty() {
		return new CalendarBook(List.of(), List.of(), List.of(), List.of());
	}

	public List<Anniversary> anniversaries() {
		return this.anniversaries;
	}

	public List<Event> events() {
		return this.events;
	}

	public List<Plan> plans() {
		return this.plans;
	}

	public List<Organisation> organisations() {
		return this.organisations;
	}

	public Optional<Anniversary> anniversary(String id) {
		return this.anniversaries.stream().filter((a) -> a.id().equals(id)).findFirst();
	}

	public Optional<Event> event(String id) {
		return this.events.stream().filter((e) -> e.id().equals(id)).findFirst();
	}

	/** The plan named by its id or its document number. */
	public Optional<Plan> plan(String reference) {
		return this.plans.stream().filter((p) -> p.isNamedBy(reference)).findFirst();
	}

	public Optional<Organisation> organisation(String id) {
		return this.organisations.stream().filter((o) -> o.id().equals(id)).findFirst();
	}

	/**
	 * Every anniversary occurrence from {@code from} to {@code to} inclusive, by date.
	 */
	public List<Occurrence> occurrencesBetween(LocalDate from, LocalDate to) {
		List<Occurrence> result = new ArrayList<>();
		// A lunar year that begins in one solar year ends in the next one's January or
		// February.
		for (int year = from.getYear() - 1; year <= to.getYear(); year++) {
			for (Anniversary anniversary : this.anniversaries) {
				anniversary.occurrenceIn(year)
					.filter((o) -> !o.date().isBefore(from) && !o.date().isAfter(to))
					.ifPresent(result::add);
			}
		}
		result.sort(Comparator.comparing(Occurrence::date).thenComparing((o) -> o.anniversary().id()));
		return result;
	}

	/** Events whose known dates touch the range, by date. */
	public List<Event> eventsBetween(LocalDate from, LocalDate to) {
		return this.events.stream()
			.filter(Event::dateKnown)
			.filter((e) -> !e.endDate().orElseThrow().isBefore(from)
					&& !Objects.requireNonNull(e.start(), "known start").isAfter(to))
			.sorted(Comparator.comparing(Event::start))
			.toList();
	}

}
