package vn.loa.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loa.calendar.CalendarBook;
import vn.loa.organisations.Scope;
import vn.loa.calendar.CalendarService;
import vn.loa.calendar.Event;
import vn.loa.calendar.Occurrence;
import vn.loa.content.ContentActor;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentWorkflow;
import vn.loa.content.InvalidContentException;
import vn.loa.content.Outlet;
import vn.loa.content.ContentQueries;

/**
 * The desk's calendar: a month or a week grid and an agenda list of anniversaries, events
 * and scheduled content day by day, each day a way into preparing content for it, the
 * running plan phases as bands across the weeks (and as a list above the grid, which is
 * what a phone shows), and an item dragged to another day moved there.
 */
@Controller
class DeskCalendarController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final CalendarService calendar;

	private final ContentQueries store;

	private final Clock clock;

	private final ZoneId zone;

	private final ScopedContent scoped;

	private final ContentWorkflow workflow;

	private final ErrorMessages errors;

	DeskCalendarController(CalendarService calendar, ContentQueries store, Clock clock, ZoneId zone,
			ScopedContent scoped, ContentWorkflow workflow, ErrorMessages errors) {
		this.workflow = workflow;
		this.errors = errors;
		this.scoped = scoped;
		this.calendar = calendar;
		this.store = store;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/desk/calendar")
	String calendar(@RequestParam(required = false) @Nullable String month,
			@RequestParam(required = false) @Nullable String view,
			@RequestParam(required = false) @Nullable String date, Model model, Locale locale, Scope scope) {
		String shown = (view == null || view.isBlank()) ? "month" : view.strip();
		model.addAttribute("view", shown);
		model.addAttribute("today", today().toString());
		return switch (shown) {
			case "month" -> month(month, model, locale, scope);
			case "week" -> week(parseDate(date), model, locale, scope);
			case "agenda" -> agenda(parseDate(date), model, locale, scope);
			default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"view must be month, week or agenda, not '" + view + "'");
		};
	}

	/**
	 * Moves an item dragged to another day in the month or week grid: the same time on
	 * the new day, through the same review as an edit (an approved or scheduled item goes
	 * back to review), never to a day already past and never for an item that went out.
	 */
	@PostMapping("/desk/calendar/move")
	String move(@RequestParam String id, @RequestParam String date, @RequestParam(defaultValue = "") String back,
			RedirectAttributes redirect, Scope scope) {
		String returnTo = back.startsWith("/desk/calendar") ? back : "/desk/calendar";
		ContentItem item = this.scoped.require(scope, id);
		LocalDate day = parseDate(date);
		Instant due = item.dueAt();
		if (day == null || due == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give the item's new day as yyyy-MM-dd");
		}
		if (day.isBefore(today())) {
			redirect.addFlashAttribute("moveProblem", new Moved(item.title(), DATE.format(day)));
			return "redirect:" + returnTo;
		}
		LocalTime time = due.atZone(this.zone).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
		String when = day + " " + time;
		Map<String, String> staleAfter = new LinkedHashMap<>();
		item.staleAfter().forEach((outlet, duration) -> staleAfter.put(outlet.key(), duration.toString()));
		ContentDraft draft = new ContentDraft(item.id(), item.title(), item.summary(), item.body(), item.radioScript(),
				item.outlets().stream().map(Outlet::key).sorted().toList(), when, staleAfter, item.organisation(),
				"draft", List.of(item.audience().key()), item.priority().key());
		try {
			ContentItem moved = this.workflow.update(item.id(), draft,
					new ContentActor(Actors.current(), Actors.hasAnyRole("APPROVER", "ADMIN")), null);
			redirect.addFlashAttribute("moved", new Moved(moved.title(), DATE.format(day)));
			redirect.addFlashAttribute("movedStatus", moved.status().key());
		}
		catch (InvalidContentException ex) {
			redirect.addFlashAttribute("moveRefused", this.errors.of(ex));
		}
		return "redirect:" + returnTo;
	}

	private String month(@Nullable String month, Model model, Locale locale, Scope scope) {
		YearMonth shown = parse(month);
		LocalDate first = shown.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate last = shown.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
		Span span = span(first, last, scope, locale);
		List<Week> weeks = new ArrayList<>();
		for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
			List<Day> days = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				LocalDate date = monday.plusDays(i);
				days.add(span.day(date, YearMonth.from(date).equals(shown)));
			}
			weeks.add(new Week(days, span.phases().week(monday)));
		}
		model.addAttribute("month", shown.toString());
		model.addAttribute("monthNumber", shown.getMonthValue());
		model.addAttribute("year", shown.getYear());
		model.addAttribute("previous", shown.minusMonths(1).toString());
		model.addAttribute("next", shown.plusMonths(1).toString());
		model.addAttribute("weeks", weeks);
		model.addAttribute("phases", span.phases().between(shown.atDay(1), shown.atEndOfMonth()));
		model.addAttribute("back", "/desk/calendar?month=" + shown);
		// The week and the list open on today in this month, else on its first day.
		model.addAttribute("anchor",
				YearMonth.from(today()).equals(shown) ? today().toString() : shown.atDay(1).toString());
		return "desk-calendar";
	}

	/** One week, Monday to Sunday, in the same grid as the month. */
	private String week(@Nullable LocalDate date, Model model, Locale locale, Scope scope) {
		LocalDate monday = ((date != null) ? date : today()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate sunday = monday.plusDays(6);
		Span span = span(monday, sunday, scope, locale);
		List<Day> days = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			days.add(span.day(monday.plusDays(i), true));
		}
		model.addAttribute("weeks", List.of(new Week(days, span.phases().week(monday))));
		model.addAttribute("from", DATE.format(monday));
		model.addAttribute("to", DATE.format(sunday));
		model.addAttribute("month", YearMonth.from(monday).toString());
		model.addAttribute("previous", monday.minusWeeks(1).toString());
		model.addAttribute("next", monday.plusWeeks(1).toString());
		model.addAttribute("phases", span.phases().between(monday, sunday));
		model.addAttribute("back", "/desk/calendar?view=week&date=" + monday);
		model.addAttribute("anchor", monday.toString());
		return "desk-calendar";
	}

	/**
	 * The days of the coming {@value #AGENDA_DAYS} that have something on them, as a
	 * list.
	 */
	private String agenda(@Nullable LocalDate date, Model model, Locale locale, Scope scope) {
		LocalDate first = (date != null) ? date : today();
		LocalDate last = first.plusDays(AGENDA_DAYS - 1);
		Span span = span(first, last, scope, locale);
		List<Day> days = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			Day shown = span.day(day, true);
			if (!shown.empty()) {
				days.add(shown);
			}
		}
		model.addAttribute("days", days);
		model.addAttribute("from", DATE.format(first));
		model.addAttribute("to", DATE.format(last));
		model.addAttribute("month", YearMonth.from(first).toString());
		model.addAttribute("previous", first.minusDays(AGENDA_DAYS).toString());
		model.addAttribute("next", first.plusDays(AGENDA_DAYS).toString());
		model.addAttribute("phases", span.phases().between(first, last));
		model.addAttribute("anchor", first.toString());
		return "desk-calendar";
	}

	private static final int AGENDA_DAYS = 30;

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	private @Nullable LocalDate parseDate(@Nullable String date) {
		if (date == null || date.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(date.strip());
		}
		catch (DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "date must be yyyy-MM-dd, not '" + date + "'");
		}
	}

	/**
	 * What falls between two days, read once: the grid's and the list's days are made
	 * from it.
	 */
	private Span span(LocalDate first, LocalDate last, Scope scope, Locale locale) {
		CalendarBook book = this.calendar.book();
		List<ContentItem> items = this.scoped.within(scope, this.store.findDueBetween(
				first.atStartOfDay(this.zone).toInstant(), last.plusDays(1).atStartOfDay(this.zone).toInstant()));
		return new Span(book.occurrencesBetween(first, last), book.eventsBetween(first, last), items, today(),
				new PhaseBands(book, locale), locale, this.zone);
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

	/**
	 * The anniversaries, events and items between two days, and today.
	 *
	 * @param occurrences the anniversaries' occurrences
	 * @param events the events
	 * @param items the items due
	 * @param today today in the Loa zone
	 * @param phases the plan phases as bands and a list
	 * @param locale the page's language
	 * @param zone the Loa zone
	 */
	private record Span(List<Occurrence> occurrences, List<Event> events, List<ContentItem> items, LocalDate today,
			PhaseBands phases, Locale locale, ZoneId zone) {

		Day day(LocalDate date, boolean inRange) {
			List<Anniversary> anniversaries = this.occurrences.stream()
				.filter((o) -> o.date().equals(date))
				.map((o) -> new Anniversary(o.title(this.locale), o.occurrenceClass().name(),
						o.lunarDate().map((lunar) -> lunar.dayAndMonth()).orElse(null)))
				.toList();
			List<String> named = this.events.stream()
				.filter((e) -> !e.endDate().orElseThrow().isBefore(date)
						&& !Objects.requireNonNull(e.start(), "a known event's start").isAfter(date))
				.map((e) -> e.nameIn(this.locale))
				.toList();
			ZoneId zone = this.zone;
			List<Scheduled> scheduled = this.items.stream()
				.filter((item) -> item.dueAt() != null && item.dueAt().atZone(zone).toLocalDate().equals(date))
				.map((item) -> new Scheduled(TIME.format(item.dueAt().atZone(zone)), item.id(), item.title(),
						item.status().key(), movable(item.status()) && !date.isBefore(this.today)))
				.toList();
			return new Day(date.toString(), DAY.format(date), inRange, date.equals(this.today), anniversaries, named,
					scheduled, date.getDayOfWeek().getValue(), DATE.format(date));
		}

	}

	/** Whether an item in this status may still be moved to another day. */
	private static boolean movable(ContentStatus status) {
		return !status.hasGoneOut() && status != ContentStatus.WITHDRAWN && status != ContentStatus.ARCHIVED;
	}

	/**
	 * An item moved, or refused a move.
	 *
	 * @param title its title
	 * @param day the day it was dragged to
	 */
	record Moved(String title, String day) {

	}

	/** One week row of the grid: its days, then the bands of the phases running in it. */
	record Week(List<Day> days, List<PhaseBands.Band> bands) {

	}

	/** One day of the grid or the list; {@code weekday} is 1 (Monday) to 7 (Sunday). */
	record Day(String iso, String label, boolean inMonth, boolean today, List<Anniversary> anniversaries,
			List<String> events, List<Scheduled> items, int weekday, String full) {

		/** Whether nothing falls on it. */
		boolean empty() {
			return this.anniversaries.isEmpty() && this.events.isEmpty() && this.items.isEmpty();
		}

	}

	/**
	 * An anniversary falling on a day: its title, its class and its lunar day and month
	 * ("10/3") if lunar.
	 */
	record Anniversary(String title, String occurrenceClass, @Nullable String lunar) {

	}

	/**
	 * A content item going out on a day; {@code movable} when it may be dragged to
	 * another.
	 */
	record Scheduled(String time, String id, String title, String status, boolean movable) {

	}

}
