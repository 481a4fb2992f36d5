package vn.loa.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import vn.loa.calendar.Anniversary;
import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.Event;
import vn.loa.calendar.Occurrence;
import vn.loa.calendar.Phase;
import vn.loa.calendar.Plan;

/**
 * What the content form's schedule picker offers: the calendar's coming anniversary
 * occurrences, plan phases and dated events, each with the words that name it in a
 * schedule (“Kỷ niệm Ngày Quốc khánh nước CHXHCN Việt Nam 2027”, “ngày bắt đầu giai đoạn
 * 2 của 443-KH/TU”, “ngày khai mạc Đại hội …”), which the form's script puts together
 * with an offset and a time. Without the script the field is typed as before.
 *
 * @param anniversaries the occurrences of the next months, soonest first
 * @param phases the starts and ends of the plans' phases still to come
 * @param events the events with a date still to come
 */
record SchedulePicker(List<Choice> anniversaries, List<Choice> phases, List<Choice> events) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/** How far ahead the picker looks. */
	private static final int MONTHS = 15;

	/**
	 * One thing to schedule against.
	 *
	 * @param words how a schedule names it
	 * @param label what the list shows: the words and the day
	 */
	record Choice(String words, String label) {

	}

	/**
	 * The choices of the coming months; {@code words} says a stored anchor in Vietnamese
	 * (the content module's wording, which reads back as the same schedule).
	 */
	static SchedulePicker of(CalendarBook book, LocalDate today, UnaryOperator<String> words) {
		LocalDate until = today.plusMonths(MONTHS);
		List<Occurrence> occurrences = new ArrayList<>();
		for (Anniversary anniversary : book.anniversaries()) {
			for (int year = today.getYear(); year <= until.getYear(); year++) {
				anniversary.occurrenceIn(year)
					.filter((o) -> !o.date().isBefore(today) && !o.date().isAfter(until))
					.ifPresent(occurrences::add);
			}
		}
		occurrences.sort(Comparator.comparing(Occurrence::date));
		List<Choice> anniversaries = occurrences.stream().map((o) -> {
			String said = words.apply("anniversary " + o.anniversary().id() + " " + o.date().getYear());
			return new Choice(said, said + " — " + o.date().format(DAY));
		}).toList();
		List<Choice> phases = new ArrayList<>();
		for (Plan plan : book.plans()) {
			String reference = (plan.number() != null) ? plan.number() : plan.id();
			for (Phase phase : plan.phases()) {
				if (!phase.start().isBefore(today)) {
					String said = words.apply("start of phase " + phase.number() + " of " + reference);
					phases.add(new Choice(said, said + " — " + phase.start().format(DAY)));
				}
				phase.endIn(book).filter((end) -> !end.isBefore(today)).ifPresent((end) -> {
					String said = words.apply("end of phase " + phase.number() + " of " + reference);
					phases.add(new Choice(said, said + " — " + end.format(DAY)));
				});
			}
		}
		List<Choice> events = new ArrayList<>();
		for (Event event : book.events()) {
			event.startDate().filter((start) -> !start.isBefore(today)).ifPresent((start) -> {
				String said = words.apply("event " + event.id());
				events.add(new Choice(said, said + " — " + start.format(DAY)));
			});
		}
		return new SchedulePicker(anniversaries, phases, events);
	}

}
