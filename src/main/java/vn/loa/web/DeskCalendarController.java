package vn.loa.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.loa.calendar.CalendarBook;
import vn.loa.organisations.Scope;
import vn.loa.calendar.CalendarService;
import vn.loa.calendar.Event;
import vn.loa.calendar.Occurrence;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentQueries;

/**
 * The desk's month view: anniversaries, events and scheduled content day by day, each day
 * a way into preparing content for it, and the running plan phases as bands across the
 * weeks (and as a list above the grid, which is what a phone shows).
 */
@Controller
class DeskCalendarController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");

	private final CalendarService calendar;

	private final ContentQueries store;

	private final Clock clock;

	private final ZoneId zone;

	private final ScopedContent scoped;

	DeskCalendarController(CalendarService calendar, ContentQueries store, Clock clock, ZoneId zone,
			ScopedContent scoped) {
		this.scoped = scoped;
		this.calendar = calendar;
		this.store = store;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/desk/calendar")
	String month(@RequestParam(required = false) @Nullable String month, Model model, Locale locale, Scope scope) {
		YearMonth shown = parse(month);
		LocalDate first = shown.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate last = shown.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
		CalendarBook book = this.calendar.book();
		List<Occurrence> occurrences = book.occurrencesBetween(first, last);
		List<Event> events = book.eventsBetween(first, last);
		List<ContentItem> items = this.scoped.within(scope, this.store.findDueBetween(
				first.atStartOfDay(this.zone).toInstant(), last.plusDays(1).atStartOfDay(this.zone).toInstant()));
		LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
		PhaseBands phases = new PhaseBands(book, locale);
		List<Week> weeks = new ArrayList<>();
		for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
			List<Day> days = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				LocalDate date = monday.plusDays(i);
				days.add(day(date, shown, today, occurrences, events, items, locale));
			}
			weeks.add(new Week(days, phases.week(monday)));
		}
		model.addAttribute("month", shown.toString());
		model.addAttribute("monthNumber", shown.getMonthValue());
		model.addAttribute("year", shown.getYear());
		model.addAttribute("previous", shown.minusMonths(1).toString());
		model.addAttribute("next", shown.plusMonths(1).toString());
		model.addAttribute("weeks", weeks);
		model.addAttribute("phases", phases.between(shown.atDay(1), shown.atEndOfMonth()));
		return "desk-calendar";
	}

	private YearMonth parse(@Nullable String month) {
		if (month == null || month.isBlank()) {
			return YearMonth.now(this.clock.withZone(this.zone));
		}
		try {
			return YearMonth.parse(month.strip());
		}
		catch (DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "month must be yyyy-MM, not '" + month + "'");
		}
	}

	private Day day(LocalDate date, YearMonth shown, LocalDate today, List<Occurrence> occurrences, List<Event> events,
			List<ContentItem> items, Locale locale) {
		List<Anniversary> anniversaries = occurrences.stream()
			.filter((o) -> o.date().equals(date))
			.map((o) -> new Anniversary(o.title(locale), o.occurrenceClass().name(),
					o.lunarDate().map((lunar) -> lunar.dayAndMonth()).orElse(null)))
			.toList();
		List<String> named = events.stream()
			.filter((e) -> !e.endDate().orElseThrow().isBefore(date)
					&& !Objects.requireNonNull(e.start(), "a known event's start").isAfter(date))
			.map((e) -> e.nameIn(locale))
			.toList();
		List<Scheduled> scheduled = items.stream()
			.filter((item) -> item.dueAt() != null && item.dueAt().atZone(this.zone).toLocalDate().equals(date))
			.map((item) -> new Scheduled(TIME.format(item.dueAt().atZone(this.zone)), item.id(), item.title(),
					item.status().key()))
			.toList();
		return new Day(date.toString(), DAY.format(date), YearMonth.from(date).equals(shown), date.equals(today),
				anniversaries, named, scheduled);
	}

	/** One week row of the grid: its days, then the bands of the phases running in it. */
	record Week(List<Day> days, List<PhaseBands.Band> bands) {

	}

	/** One day of the grid. */
	record Day(String iso, String label, boolean inMonth, boolean today, List<Anniversary> anniversaries,
			List<String> events, List<Scheduled> items) {

	}

	/**
	 * An anniversary falling on a day: its title, its class and its lunar day and month
	 * ("10/3") if lunar.
	 */
	record Anniversary(String title, String occurrenceClass, @Nullable String lunar) {

	}

	/** A content item going out on a day. */
	record Scheduled(String time, String id, String title, String status) {

	}

}
