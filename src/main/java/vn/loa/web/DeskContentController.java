package vn.loa.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.CalendarService;
import vn.loa.calendar.Plan;
import vn.loa.channels.email.BulletinPreviews;
import vn.loa.channels.radio.RadioAudio;
import vn.loa.channels.radio.RadioQueue;
import vn.loa.channels.radio.RadioSlotFit;
import vn.loa.content.ContentActor;
import vn.loa.content.ContentDraft;
import vn.loa.channels.radio.RadioStations;
import vn.loa.channels.radio.SpokenScripts;
import vn.loa.organisations.Audience;
import vn.loa.organisations.Organisation;
import vn.loa.organisations.Organisations;
import vn.loa.web.security.CallerScope;
import vn.loa.subscribers.Subscribers;
import vn.loa.content.ContentCorrections;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentQueries;
import vn.loa.content.ContentWorkflow;
import vn.loa.content.ScheduleWording;
import vn.loa.content.InvalidContentException;
import vn.loa.content.Outlet;
import vn.loa.content.PlanScope;
import vn.loa.content.ReviewRefusedException;

/**
 * The desk's content pages: the filtered list, the form with its previews, and the review
 * steps (submit, approve, withdraw), each recorded in the audit log.
 */
@Controller
class DeskContentController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/** Items on one page of the list. */
	static final int PAGE_SIZE = 50;

	private static final Set<String> FORM_FIELDS = Set.of("title", "summary", "body", "outlets", "when", "radioScript",
			"status", "organisation", "audience", "priority");

	private final ContentWorkflow workflow;

	private final ContentQueries store;

	private final RadioQueue radio;

	private final CalendarService calendar;

	private final BulletinPreviews bulletins;

	private final ZoneId zone;

	private final ErrorMessages errors;

	private final Organisations organisations;

	private final RadioStations stations;

	private final Subscribers subscribers;

	private final ScopedContent scoped;

	private final SpokenScripts speech;

	private final RadioAudio audio;

	private final ScheduleWording schedules;

	private final ContentCorrections corrections;

	DeskContentController(ContentWorkflow workflow, ContentQueries store, RadioQueue radio, CalendarService calendar,
			BulletinPreviews bulletins, ZoneId zone, ErrorMessages errors, Organisations organisations,
			RadioStations stations, Subscribers subscribers, ScopedContent scoped, SpokenScripts speech,
			RadioAudio audio, ScheduleWording schedules, ContentCorrections corrections) {
		this.corrections = corrections;
		this.schedules = schedules;
		this.scoped = scoped;
		this.speech = speech;
		this.audio = audio;
		this.organisations = organisations;
		this.stations = stations;
		this.subscribers = subscribers;
		this.workflow = workflow;
		this.store = store;
		this.radio = radio;
		this.calendar = calendar;
		this.bulletins = bulletins;
		this.zone = zone;
		this.errors = errors;
	}

	@GetMapping("/desk/content")
	String list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String outlet,
			@RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "1") String page, Model model) {
		ContentStatus wanted = parse(status, ContentStatus::parse);
		Outlet on = parse(outlet, Outlet::parse);
		LocalDate start = parse(from, LocalDate::parse);
		LocalDate end = parse(to, LocalDate::parse);
		CalendarBook book = this.calendar.book();
		Plan of = (plan != null && !plan.isBlank()) ? book.plan(plan.strip()).orElse(null) : null;
		Integer asked = parse(page, Integer::valueOf);
		ContentQueries.KeyPage found = this.store.page(wanted, on,
				(start != null) ? start.atStartOfDay(this.zone).toInstant() : null,
				(end != null) ? end.plusDays(1).atStartOfDay(this.zone).toInstant() : null,
				(of != null) ? PlanScope.of(of, book, this.zone) : null,
				this.organisations.reach(CallerScope.current()), (asked != null) ? asked : 1, PAGE_SIZE);
		List<String> ids = found.keys().stream().map(ContentQueries.ContentKey::id).toList();
		Map<String, ContentItem> items = new LinkedHashMap<>();
		this.store.findAll(ids).forEach((item) -> items.put(item.id(), item));
		List<Row> rows = ids.stream()
			.map(items::get)
			.filter(Objects::nonNull)
			.map((item) -> new Row(item.id(), item.title(), format(item.dueAt()), outlets(item), item.status().key()))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("total", found.total());
		model.addAttribute("page", found.page());
		model.addAttribute("pages", found.pages());
		model.addAttribute("statuses", List.of(ContentStatus.values()));
		model.addAttribute("outletChoices", List.of(Outlet.values()));
		model.addAttribute("plans", book.plans());
		model.addAttribute("filter",
				new Filter((wanted != null) ? wanted.key() : "", (on != null) ? on.key() : "",
						(of != null) ? of.id() : "", (start != null) ? start.toString() : "",
						(end != null) ? end.toString() : ""));
		return "desk-content";
	}

	@GetMapping("/desk/content/new")
	String create(@RequestParam(required = false) @Nullable String date, Model model) {
		LocalDate day = parse(date, LocalDate::parse);
		ContentForm form = new ContentForm(null, "", "", "", List.of("feed"), (day != null) ? day.toString() : "", "",
				"", "save", "", CallerScope.current().organisationOr(Organisations.DEFAULT), "own", "", "normal");
		return form(model, form, null, Map.of(), HttpServletResponse.SC_OK, null);
	}

	/**
	 * The item's radio script as audio at the default reading speed, for the editor and
	 * the approver to hear before it is approved; 503 with the reason without a speech
	 * engine.
	 */
	@GetMapping("/desk/content/{id}/audio")
	ResponseEntity<Resource> audio(@PathVariable String id) throws IOException {
		// The item's script changes when it is saved: the player asks again each time.
		return this.audio.download(item(id).script(), DeskPreview.SYLLABLES_PER_MINUTE,
				CacheControl.noCache().cachePrivate());
	}

	/** An item's own address opens it (its form, with its review and outlets). */
	@GetMapping("/desk/content/{id}")
	String open(@PathVariable String id) {
		return "redirect:/desk/content/" + org.springframework.web.util.UriUtils.encodePathSegment(item(id).id(),
				java.nio.charset.StandardCharsets.UTF_8) + "/edit";
	}

	@GetMapping("/desk/content/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		ContentItem item = item(id);
		ContentForm form = ContentForm.of(item, this.store.revision(id).orElseThrow(),
				this.schedules.inField(item.when()));
		return form(model, form, item, Map.of(), HttpServletResponse.SC_OK, null);
	}

	@PostMapping("/desk/content")
	String saveNew(@ModelAttribute ContentForm form, Model model, HttpServletResponse response) {
		if (form.previewOnly()) {
			return form(model, form, null, Map.of(), HttpServletResponse.SC_OK, null);
		}
		ContentItem after;
		try {
			after = this.workflow.create(this.scoped.draft(CallerScope.current(), form.draft()), actor());
		}
		catch (InvalidContentException ex) {
			return invalid(model, form, null, ex, response);
		}
		return submitIfAsked(form, after);
	}

	@PostMapping("/desk/content/{id}")
	String save(@PathVariable String id, @ModelAttribute ContentForm form, Model model, HttpServletResponse response) {
		ContentItem before = item(id);
		if (form.previewOnly()) {
			return form(model, form, before, Map.of(), HttpServletResponse.SC_OK, null);
		}
		ContentItem after;
		try {
			after = this.workflow.update(id, this.scoped.draft(CallerScope.current(), form.draft()), actor(),
					form.seen());
		}
		catch (InvalidContentException ex) {
			return invalid(model, form, before, ex, response);
		}
		return submitIfAsked(form, after);
	}

	@PostMapping("/desk/content/{id}/submit")
	String submit(@PathVariable String id, Model model, HttpServletResponse response) {
		return step(id, "content.submit", null, model, response);
	}

	/**
	 * Approves the version the approver read: the form carries when it was last changed,
	 * so an edit that lands after the page was opened is refused rather than approved
	 * unseen.
	 */
	@PostMapping("/desk/content/{id}/approve")
	String approve(@PathVariable String id, @RequestParam(required = false) @Nullable String version, Model model,
			HttpServletResponse response) {
		return step(id, "content.approve", ContentForm.revision(version), model, response);
	}

	@PostMapping("/desk/content/{id}/withdraw")
	String withdraw(@PathVariable String id, Model model, HttpServletResponse response) {
		return step(id, "content.withdraw", null, model, response);
	}

	private String submitIfAsked(ContentForm form, ContentItem item) {
		if ("submit".equals(form.action()) && item.status() == ContentStatus.DRAFT) {
			this.workflow.submit(item.id(), actor());
		}
		return "redirect:/desk/content/" + item.id() + "/edit";
	}

	private String step(String id, String action, @Nullable Integer seen, Model model, HttpServletResponse response) {
		item(id);
		try {
			switch (action) {
				case "content.submit" -> this.workflow.submit(id, actor());
				case "content.approve" -> this.workflow.approve(id, actor(), seen);
				default -> this.workflow.withdraw(id, actor());
			}
		}
		catch (ReviewRefusedException | InvalidContentException ex) {
			int status = (ex instanceof ReviewRefusedException) ? HttpServletResponse.SC_FORBIDDEN
					: HttpServletResponse.SC_CONFLICT;
			ContentItem now = item(id);
			response.setStatus(status);
			model.addAttribute("changed", isVersion(ex));
			String problem = (ex instanceof ReviewRefusedException refused) ? this.errors.of(refused)
					: this.errors.of((InvalidContentException) ex);
			return form(model,
					ContentForm.of(now, this.store.revision(id).orElseThrow(), this.schedules.inField(now.when())), now,
					Map.of(), status, problem);
		}
		return "redirect:/desk/content/" + id + "/edit";
	}

	/**
	 * Shows the form again with what was typed. When someone else changed the item
	 * meanwhile, the typed text is kept but the page now carries the stored version, so
	 * saving again is a deliberate overwrite of what the editor has been shown.
	 */
	private String invalid(Model model, ContentForm form, @Nullable ContentItem item, InvalidContentException ex,
			HttpServletResponse response) {
		response.setStatus(ex.isConflict() ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
		if (isVersion(ex) && item != null) {
			ContentItem now = item(item.id());
			model.addAttribute("changed", true);
			return form(model, form.at(this.store.revision(now.id()).orElseThrow()), now, Map.of(),
					response.getStatus(), this.errors.of(ex));
		}
		if (!shows(ex.field(), item)) {
			return form(model, form, item, Map.of(), response.getStatus(), this.errors.of(ex));
		}
		return form(model, form, item, Map.of(ex.field(), this.errors.of(ex)), response.getStatus(), null);
	}

	/**
	 * Whether the form has a place for an error about {@code field}; one it has not (the
	 * id of a stored item) is shown above the form instead of being lost.
	 */
	private static boolean shows(String field, @Nullable ContentItem item) {
		return FORM_FIELDS.contains(field) || ("id".equals(field) && item == null);
	}

	private static boolean isVersion(RuntimeException ex) {
		return ex instanceof InvalidContentException invalid && "version".equals(invalid.field());
	}

	private String form(Model model, ContentForm form, @Nullable ContentItem item, Map<String, String> errors,
			int status, @Nullable String problem) {
		model.addAttribute("form", form);
		model.addAttribute("item", item);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		model.addAttribute("changed", Boolean.TRUE.equals(model.getAttribute("changed")));
		model.addAttribute("outletChoices", List.of(Outlet.values()));
		model.addAttribute("picker",
				SchedulePicker.of(this.calendar.book(), LocalDate.now(this.zone), this.schedules::anchorInVietnamese));
		model.addAttribute("mayApprove", actor().mayApprove());
		model.addAttribute("corrections", (item != null) ? this.corrections.of(item.id()) : List.of());
		model.addAttribute("deskZone", this.zone);
		DeskPreview preview = DeskPreview.of(form.body(), form.radioScript(), this.speech);
		model.addAttribute("preview", preview);
		model.addAttribute("audioMissing", this.audio.unavailable().orElse(null));
		model.addAttribute("bulletin", this.bulletins.of(form.title(), form.summary(), form.body(), form.owner()));
		model.addAttribute("reach", reach(form));
		model.addAttribute("parents",
				this.organisations.all()
					.stream()
					.filter((o) -> o.isRoot() || !this.organisations.children(o.id()).isEmpty())
					.filter(Organisation::enabled)
					.filter((o) -> this.organisations.covers(CallerScope.current(), o.id()))
					.toList());
		model.addAttribute("slotFits",
				(item != null && item.dueAt() != null && item.goesTo(Outlet.RADIO))
						? this.radio.fit(item.id(), item.organisation(), item.dueAt(), preview.syllables())
							.stream()
							.map(SlotLine::of)
							.toList()
						: List.of());
		return "desk-content-form";
	}

	/**
	 * Whom the item as typed would reach now, and what has nowhere to go: an editor is
	 * warned before the time comes, not after.
	 */
	private @Nullable Reach reach(ContentForm form) {
		String owner = form.owner();
		if (!this.organisations.accepts(owner)) {
			return null;
		}
		Audience audience = Audience.parse(form.audienceWritten());
		List<String> members = this.organisations.resolve(owner, audience);
		List<String> outlets = (form.outlets() != null) ? form.outlets() : List.of();
		int stations = this.stations.reading(members).size();
		int mailboxes = this.subscribers.countMailboxes(members);
		return new Reach(members.size(), stations, mailboxes, outlets.contains("radio") && stations == 0,
				outlets.contains("email") && mailboxes == 0);
	}

	/**
	 * Whom an item reaches.
	 *
	 * @param organisations how many organisations' feeds
	 * @param stations how many stations read it
	 * @param mailboxes how many confirmed mailboxes get a bulletin
	 * @param noStation radio is chosen but no station reads for the audience
	 * @param noMailbox e-mail is chosen but nobody in the audience is confirmed
	 */
	record Reach(int organisations, int stations, int mailboxes, boolean noStation, boolean noMailbox) {

	}

	private ContentActor actor() {
		return new ContentActor(Actors.current(), Actors.hasAnyRole("APPROVER", "ADMIN"));
	}

	/** The item, when it is within the caller's organisation; else a {@code 404}. */
	private ContentItem item(String id) {
		return this.scoped.require(CallerScope.current(), id);
	}

	private String format(@Nullable Instant instant) {
		return (instant != null) ? TIME.format(instant.atZone(this.zone)) : "";
	}

	private static List<String> outlets(ContentItem item) {
		return item.outlets().stream().map(Outlet::key).sorted().toList();
	}

	/**
	 * A blank or unreadable filter is no filter: a bookmark with a stale value still
	 * opens.
	 */
	private static <T> @Nullable T parse(@Nullable String text, java.util.function.Function<String, T> parser) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return parser.apply(text.strip());
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * What the form posts; {@code whenAt} is the date-time input, used when {@code when}
	 * is left empty.
	 */
	record ContentForm(@Nullable String id, String title, String summary, String body, List<String> outlets,
			String when, String whenAt, String radioScript, String action, String version,
			@Nullable String organisation, @Nullable String audience, @Nullable String chosen,
			@Nullable String priority) {

		/**
		 * The stored item's form, its schedule {@code when} as the page says it (the
		 * editor's Vietnamese on a Vietnamese page).
		 */
		static ContentForm of(ContentItem item, int revision, String when) {
			Audience audience = item.audience();
			return new ContentForm(item.id(), item.title(), item.summary(), item.body(),
					item.outlets().stream().map(Outlet::key).toList(), when, "",
					(item.radioScript() != null) ? item.radioScript() : "", "save", Integer.toString(revision),
					item.organisation(), audience.reach().name().toLowerCase(java.util.Locale.ROOT),
					String.join(", ", audience.chosen()), item.priority().key());
		}

		ContentForm at(int revision) {
			return new ContentForm(this.id, this.title, this.summary, this.body, this.outlets, this.when, this.whenAt,
					this.radioScript, this.action, Integer.toString(revision), this.organisation, this.audience,
					this.chosen, this.priority);
		}

		/**
		 * The owner typed; when blank, the caller's own organisation ({@code default} for
		 * the whole installation).
		 */
		String owner() {
			return (this.organisation != null && !this.organisation.isBlank()) ? this.organisation.strip()
					: CallerScope.current().organisationOr(Organisations.DEFAULT);
		}

		/** The audience chosen: the chosen ids only when “chosen” is picked. */
		List<String> audienceWritten() {
			if ("all".equals(this.audience)) {
				return List.of("all");
			}
			if ("chosen".equals(this.audience) && this.chosen != null && !this.chosen.isBlank()) {
				return List.of(this.chosen);
			}
			return List.of("own");
		}

		/** Whether the editor only wants to see the previews of what they typed. */
		boolean previewOnly() {
			return "preview".equals(this.action);
		}

		/**
		 * The revision the form was opened on, or {@code null} for a form without one.
		 */
		@Nullable Integer seen() {
			return revision(this.version);
		}

		/**
		 * A blank version is none (a page from before the field existed); one that is not
		 * a number matches no stored revision, so it is refused rather than ignored.
		 */
		static @Nullable Integer revision(@Nullable String version) {
			if (version == null || version.isBlank()) {
				return null;
			}
			try {
				return Integer.valueOf(version.strip());
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}

		ContentDraft draft() {
			String schedule = (this.when != null && !this.when.isBlank()) ? this.when
					: Optional.ofNullable(this.whenAt).map((at) -> at.replace('T', ' ')).orElse("");
			return new ContentDraft(this.id, this.title, this.summary, this.body,
					(this.radioScript != null && !this.radioScript.isBlank()) ? this.radioScript : null,
					(this.outlets != null) ? this.outlets : new ArrayList<>(), schedule, null, owner(), "draft",
					audienceWritten(), this.priority);
		}

	}

	/**
	 * A radio slot the script would go into, written for the form: durations as m:ss.
	 */
	record SlotLine(String station, String date, String time, int minutes, String queued, String reading, String left,
			boolean over) {

		static SlotLine of(RadioSlotFit fit) {
			return new SlotLine(fit.station().name(), DAY.format(fit.date()), fit.slot().time().toString(),
					fit.slot().minutes(), clock(fit.queuedSeconds()), clock(fit.readingSeconds()),
					clock(Math.abs(fit.remainingSeconds())), fit.over());
		}

		private static String clock(int seconds) {
			return (seconds / 60) + ":" + String.format("%02d", seconds % 60);
		}

	}

	/** An item in the list. */
	record Row(String id, String title, @Nullable String dueAt, List<String> outlets, String status) {

	}

	/** The list's filters as the form shows them. */
	record Filter(String status, String outlet, String plan, String from, String to) {

	}

}
