package vn.loa.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.Phase;
import vn.loa.calendar.Plan;
import vn.loa.calendar.VietnameseDates;

/**
 * The plan phases of the desk's month view as bands: one per phase and week row, spanning
 * the days the phase runs, rather than one line repeated in every day cell. A phase that
 * runs until an event without a date has an open end, said in words.
 */
final class PhaseBands {

	private final CalendarBook book;

	private final Locale locale;

	PhaseBands(CalendarBook book, Locale locale) {
		this.book = book;
		this.locale = locale;
	}

	/**
	 * The phases running on any day from {@code first} to {@code last}, in plan order.
	 */
	List<Running> between(LocalDate first, LocalDate last) {
		List<Running> running = new ArrayList<>();
		for (Plan plan : this.book.plans()) {
			String planLabel = (plan.number() != null) ? plan.number() : plan.id();
			plan.phases()
				.stream()
				.filter((phase) -> phase.overlaps(first, last, this.book))
				.forEach((phase) -> running.add(running(planLabel, phase)));
		}
		return running;
	}

	/** The bands of the week that starts on {@code monday}. */
	List<Band> week(LocalDate monday) {
		LocalDate sunday = monday.plusDays(6);
		return between(monday, sunday).stream().map((phase) -> {
			LocalDate from = phase.start().isBefore(monday) ? monday : phase.start();
			LocalDate to = phase.end().filter((end) -> end.isBefore(sunday)).orElse(sunday);
			int offset = (int) ChronoUnit.DAYS.between(monday, from);
			int span = (int) ChronoUnit.DAYS.between(from, to) + 1;
			boolean continues = phase.end().map((end) -> end.isAfter(sunday)).orElse(true);
			return new Band(phase, offset, span, 7 - offset - span, phase.start().isBefore(monday), continues);
		}).toList();
	}

	private Running running(String planLabel, Phase phase) {
		Optional<LocalDate> end = phase.endIn(this.book);
		String openUntil = null;
		String until = phase.untilEvent();
		if (end.isEmpty() && until != null) {
			openUntil = this.book.event(until).map((event) -> event.nameIn(this.locale)).orElse(until);
		}
		return new Running(planLabel + ": " + phase.name(), phase.start(), end, VietnameseDates.display(phase.start()),
				end.map(VietnameseDates::display).orElse(null), openUntil);
	}

	/**
	 * A phase as the month view names it.
	 *
	 * @param label plan number (or id) and the phase's name
	 * @param start first day
	 * @param end last day, empty while it runs until an event without a date
	 * @param from first day, dd/MM/yyyy
	 * @param to last day, dd/MM/yyyy, or {@code null} with an open end
	 * @param openUntil the name of the undated event the phase runs until, or
	 * {@code null}
	 */
	record Running(String label, LocalDate start, Optional<LocalDate> end, String from, @Nullable String to,
			@Nullable String openUntil) {

	}

	/**
	 * A phase's band across one week row: {@code offset} empty days, {@code span} days of
	 * the phase, {@code after} empty days.
	 *
	 * @param phase the phase
	 * @param offset days of the week before the band
	 * @param span days the band covers
	 * @param after days of the week after the band
	 * @param continuesBefore whether the phase started in an earlier week
	 * @param continuesAfter whether it goes on after this week (or has an open end)
	 */
	record Band(Running phase, int offset, int span, int after, boolean continuesBefore, boolean continuesAfter) {

	}

}
