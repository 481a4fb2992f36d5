package vn.loa.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.loa.organisations.Organisations;
import vn.loa.organisations.Organisation;
import vn.loa.calendar.CalendarService;
import vn.loa.channels.feed.Feeds;
import vn.loa.channels.feed.PublishedItem;

/**
 * The residents' home page (latest items, coming anniversaries) and the monthly archive.
 */
@Controller
class HomeController {

	private static final int LATEST = 10;

	private static final int UPCOMING_DAYS = 60;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final Feeds feeds;

	private final Organisations organisations;

	private final CalendarService calendar;

	private final Clock clock;

	private final ZoneId zone;

	HomeController(Feeds feeds, Organisations organisations, CalendarService calendar, Clock clock, ZoneId zone) {
		this.feeds = feeds;
		this.organisations = organisations;
		this.calendar = calendar;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/")
	String home(Model model) {
		LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
		model.addAttribute("items", entries(this.feeds.latest(LATEST)));
		model.addAttribute("occurrences",
				this.calendar.book().occurrencesBetween(today, today.plusDays(UPCOMING_DAYS)));
		model.addAttribute("thisMonth", Month.of(YearMonth.from(today)));
		return "home";
	}

	/**
	 * An organisation's page: the latest items of its feeds, the coming anniversaries,
	 * and links to its feeds and calendar.
	 */
	@GetMapping({ "/o/{organisation}", "/o/{organisation}/" })
	String organisation(@PathVariable String organisation, Model model, HttpServletResponse response) {
		Optional<Organisation> found = this.organisations.find(organisation);
		if (found.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "error";
		}
		LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
		model.addAttribute("organisation", found.get());
		// Where it sits: "Tỉnh Thái Nguyên" under a commune.
		model.addAttribute("within",
				this.organisations.ancestors(organisation)
					.stream()
					.map(Organisation::name)
					.collect(java.util.stream.Collectors.joining(" · ")));
		model.addAttribute("feedBase", "/o/" + organisation + "/");
		model.addAttribute("items", entries(this.feeds.latest(organisation, LATEST)));
		model.addAttribute("occurrences",
				this.calendar.book().occurrencesBetween(today, today.plusDays(UPCOMING_DAYS)));
		model.addAttribute("thisMonth", Month.of(YearMonth.from(today)));
		return "home";
	}

	@GetMapping("/archive/{year}/{month}")
	String archive(@PathVariable String year, @PathVariable String month, Model model, HttpServletResponse response) {
		return archive(Organisations.DEFAULT, year, month, model, response);
	}

	/** An organisation's items of one month, its own and those from above. */
	@GetMapping("/o/{id}/archive/{year}/{month}")
	String archive(@PathVariable("id") String organisation, @PathVariable String year, @PathVariable String month,
			Model model, HttpServletResponse response) {
		if (!Organisations.DEFAULT.equals(organisation)) {
			Optional<Organisation> found = this.organisations.find(organisation);
			if (found.isEmpty()) {
				response.setStatus(HttpStatus.NOT_FOUND.value());
				return "error";
			}
			model.addAttribute("organisation", found.get());
			model.addAttribute("feedBase", "/o/" + organisation + "/");
			model.addAttribute("archiveBase", "/o/" + organisation + "/archive/");
		}
		YearMonth shown;
		try {
			if (!year.matches("[0-9]{4}") || !month.matches("[0-9]{1,2}")) {
				throw new DateTimeException("not a month");
			}
			shown = YearMonth.of(Integer.parseInt(year), Integer.parseInt(month));
		}
		catch (DateTimeException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "archive";
		}
		model.addAttribute("shown", Month.of(shown));
		model.addAttribute("previous", Month.of(shown.minusMonths(1)));
		model.addAttribute("next", Month.of(shown.plusMonths(1)));
		model.addAttribute("items",
				entries(this.feeds.publishedBetween(organisation, shown.atDay(1).atStartOfDay(this.zone).toInstant(),
						shown.plusMonths(1).atDay(1).atStartOfDay(this.zone).toInstant())));
		return "archive";
	}

	private List<Entry> entries(List<PublishedItem> published) {
		return published.stream()
			.map((p) -> new Entry(p.item().id(), p.item().title(),
					(p.item().summary() != null) ? p.item().summary() : "",
					DATE.format(p.publishedAt().atZone(this.zone)),
					p.publishedAt().atZone(this.zone).toOffsetDateTime().withNano(0).toString()))
			.toList();
	}

	/** An item as the lists show it: its date already in Loa's zone. */
	/**
	 * A published item as the home page and the archive list it.
	 *
	 * @param date when it went out, as people read it ({@code 01/09/2025})
	 * @param datetime the same for machines (ISO-8601 with its offset), for
	 * {@code <time>}
	 */
	record Entry(String id, String title, String summary, String date, String datetime) {

	}

	/** A month as links and headings show it: "09/2025", path parts "2025" and "09". */
	record Month(String year, String month, String label) {

		static Month of(YearMonth month) {
			return new Month(String.valueOf(month.getYear()), "%02d".formatted(month.getMonthValue()),
					"%02d/%d".formatted(month.getMonthValue(), month.getYear()));
		}

	}

}
