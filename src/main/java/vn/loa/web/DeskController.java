package vn.loa.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.loa.channels.email.Bulletin;
import vn.loa.channels.email.BulletinDeliveries;
import vn.loa.channels.feed.Feeds;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentQueries;
import vn.loa.content.Preparation;
import vn.loa.database.StorageFailures;
import vn.loa.organisations.Organisation;
import vn.loa.organisations.Organisations;
import vn.loa.organisations.Scope;
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

	/** How many of the newest bulletins the dashboard looks through for failures. */
	static final int RECENT_BULLETINS = 100;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private final ContentQueries store;

	private final PublicationLog publications;

	private final Preparation preparation;

	private final Clock clock;

	private final ZoneId zone;

	private final BulletinDeliveries deliveries;

	private final Feeds feeds;

	private final StorageFailures storage;

	private final ScopedContent scoped;

	private final Organisations organisations;

	private final LocalhostDefaults localhost;

	DeskController(ContentQueries store, PublicationLog publications, Preparation preparation,
			BulletinDeliveries deliveries, Feeds feeds, StorageFailures storage, Clock clock, ZoneId zone,
			ScopedContent scoped, Organisations organisations, LocalhostDefaults localhost) {
		this.localhost = localhost;
		this.scoped = scoped;
		this.organisations = organisations;
		this.store = store;
		this.feeds = feeds;
		this.storage = storage;
		this.deliveries = deliveries;
		this.publications = publications;
		this.preparation = preparation;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/desk")
	String dashboard(Model model, Locale locale, Scope scope) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, this.zone);
		Instant end = today.plusDays(DAYS_AHEAD + 1).atStartOfDay(this.zone).toInstant();
		Instant since = now.minus(Duration.ofDays(DAYS_AHEAD));
		// Said to administrators, who can change it.
		List<String> localDefaults = Actors.hasAnyRole("ADMIN") ? this.localhost.problems() : List.of();
		model.addAttribute("localDefaults", localDefaults);
		model.addAttribute("baseUrl", this.localhost.baseUrl());
		model.addAttribute("sender", this.localhost.from());
		model.addAttribute("feedProblem",
				this.feeds.problem()
					.map((problem) -> new FeedProblemRow(format(problem.at()), problem.message()))
					.orElse(null));
		// A commune sees what its province sends it beside its own items.
		model.addAttribute("coming",
				this.scoped.concerning(scope, this.store.findDueBetween(now, end))
					.stream()
					.map((item) -> coming(item, scope))
					.toList());
		List<PublicationLog.Entry> problems = Stream.of(Outcome.LATE, Outcome.MISSED, Outcome.UNREACHED)
			.flatMap((outcome) -> this.publications.withOutcome(outcome).stream())
			.filter((entry) -> entry.dueAt().isAfter(since) && !entry.dueAt().isAfter(now))
			.sorted(Comparator.comparing(PublicationLog.Entry::dueAt).reversed())
			.toList();
		// Bulletins count the deliveries to the caller's own subscribers.
		List<Bulletin> failed = this.deliveries.recent(0, RECENT_BULLETINS, this.organisations.reach(scope))
			.stream()
			.filter((bulletin) -> bulletin.failed() > 0 && bulletin.queuedAt() != null
					&& bulletin.queuedAt().isAfter(since))
			.toList();
		Map<String, String> titles = titles(scope,
				Stream
					.concat(problems.stream().map(PublicationLog.Entry::itemId), failed.stream().map(Bulletin::itemId))
					.toList());
		if (!scope.everywhere()) {
			// One organisation's people see the problems of their own items only.
			problems = problems.stream().filter((entry) -> titles.containsKey(entry.itemId())).toList();
		}
		model.addAttribute("problems", problems.stream()
			.map((entry) -> new ProblemRow(format(entry.dueAt()), entry.itemId(),
					titles.getOrDefault(entry.itemId(), entry.itemId()), entry.outlet().key(), entry.outcome().name()))
			.toList());
		model.addAttribute("failed",
				failed.stream()
					.map((bulletin) -> new FailedRow(format(bulletin.queuedAt()), bulletin.itemId(),
							titles.getOrDefault(bulletin.itemId(), bulletin.itemId()), bulletin.failed(),
							bulletin.sent() + bulletin.retrying() + bulletin.pending() + bulletin.failed()))
					.toList());
		model.addAttribute("unprepared",
				this.preparation.unprepared(today, UNPREPARED_DAYS, (item) -> this.scoped.concerns(scope, item))
					.stream()
					.map((u) -> new UnpreparedRow(u.occurrence().displayDate(locale), u.occurrence().title(locale),
							u.leadDays(), u.daysUntilPreparation()))
					.toList());
		return "desk";
	}

	private ComingRow coming(ContentItem item, Scope scope) {
		String from = this.organisations.covers(scope, item.organisation()) ? null
				: this.organisations.find(item.organisation()).map(Organisation::name).orElse(item.organisation());
		return new ComingRow(format(item.dueAt()), item.id(), item.title(),
				item.outlets().stream().map((o) -> o.key()).sorted().toList(), item.status().key(), from);
	}

	/** Titles of the items still stored that concern {@code scope}, by id. */
	private Map<String, String> titles(Scope scope, Collection<String> ids) {
		return this.scoped.concerning(scope, this.store.findAll(Set.copyOf(ids)))
			.stream()
			.collect(Collectors.toMap(ContentItem::id, ContentItem::title));
	}

	private String format(@Nullable Instant instant) {
		return (instant != null) ? TIME.format(instant.atZone(this.zone)) : "";
	}

	/** Why the feeds serve their last good bytes, or the database refused a write. */
	record FeedProblemRow(String at, String message) {

	}

	/**
	 * An item going out in the coming days; {@code from} names the organisation above
	 * that sends it down, {@code null} for the caller's own.
	 */
	record ComingRow(String dueAt, String id, String title, List<String> outlets, String status,
			@Nullable String from) {

	}

	/** An outlet that carried an item late, or never. */
	record ProblemRow(String dueAt, String itemId, String title, String outlet, String outcome) {

	}

	/** A bulletin some recipients never received. */
	record FailedRow(String queuedAt, String itemId, String title, int failed, int recipients) {

	}

	/** An anniversary with no content scheduled against it yet. */
	record UnpreparedRow(String date, String title, int leadDays, long daysUntilPreparation) {

	}

}
