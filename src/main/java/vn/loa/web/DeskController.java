package vn.loa.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.loa.content.ContentItem;
import vn.loa.content.ContentStore;
import vn.loa.content.Preparation;
import vn.loa.publishing.Outcome;
import vn.loa.publishing.PublicationLog;

/**
 * The editors' desk: the dashboard of the next 14 days, what went out late or was missed,
 * and the anniversaries still without content.
 */
@Controller
class DeskController {

	static final int DAYS_AHEAD = 14;

	static final int UNPREPARED_DAYS = 60;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private final ContentStore store;

	private final PublicationLog publications;

	private final Preparation preparation;

	private final Clock clock;

	private final ZoneId zone;

	DeskController(ContentStore store, PublicationLog publications, Preparation preparation, Clock clock, ZoneId zone) {
		this.store = store;
		this.publications = publications;
		this.preparation = preparation;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/desk")
	String dashboard(Model model, Locale locale) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, this.zone);
		Instant end = today.plusDays(DAYS_AHEAD + 1).atStartOfDay(this.zone).toInstant();
		Instant since = now.minus(Duration.ofDays(DAYS_AHEAD));
		model.addAttribute("coming", this.store.findDueBetween(now, end).stream().map(this::coming).toList());
		model.addAttribute("problems",
				Stream
					.concat(this.publications.withOutcome(Outcome.LATE).stream(),
							this.publications.withOutcome(Outcome.MISSED).stream())
					.filter((entry) -> entry.dueAt().isAfter(since) && !entry.dueAt().isAfter(now))
					.sorted(Comparator.comparing(PublicationLog.Entry::dueAt).reversed())
					.map((entry) -> new ProblemRow(format(entry.dueAt()), entry.itemId(), entry.outlet().key(),
							entry.outcome().name()))
					.toList());
		model.addAttribute("unprepared",
				this.preparation.unprepared(today, UNPREPARED_DAYS)
					.stream()
					.map((u) -> new UnpreparedRow(u.occurrence().displayDate(locale), u.occurrence().title(locale),
							u.leadDays(), u.daysUntilPreparation()))
					.toList());
		return "desk";
	}

	private ComingRow coming(ContentItem item) {
		return new ComingRow(format(item.dueAt()), item.id(), item.title(),
				String.join(", ", item.outlets().stream().map((o) -> o.key()).sorted().toList()), item.status().key());
	}

	private String format(Instant instant) {
		return TIME.format(instant.atZone(this.zone));
	}

	/** An item going out in the coming days. */
	record ComingRow(String dueAt, String id, String title, String outlets, String status) {

	}

	/** An outlet that carried an item late, or never. */
	record ProblemRow(String dueAt, String itemId, String outlet, String outcome) {

	}

	/** An anniversary with no content scheduled against it yet. */
	record UnpreparedRow(String date, String title, int leadDays, long daysUntilPreparation) {

	}

}
