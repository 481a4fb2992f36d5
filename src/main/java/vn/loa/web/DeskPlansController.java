package vn.loa.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.CalendarService;
import vn.loa.calendar.Event;
import vn.loa.calendar.Organisation;
import vn.loa.calendar.Phase;
import vn.loa.calendar.Plan;
import vn.loa.calendar.VietnameseDates;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentQueries;
import vn.loa.content.PlanScope;
import vn.loa.organisations.Scope;
import vn.loa.importer.PlanImports;
import vn.loa.importer.UnreadableDocumentException;

/**
 * The desk's plans: the list; one plan with its phases, the documents it implements, its
 * recipients, the anniversaries and events it names and the content scheduled against it;
 * and importing a plan document through a reviewed draft that an editor confirms.
 */
@Controller
class DeskPlansController {

	private final CalendarService calendar;

	private final PlanImports imports;

	private final ContentQueries store;

	private final Clock clock;

	private final ZoneId zone;

	private final MessageSource messages;

	private final ScopedPlans scoped;

	DeskPlansController(CalendarService calendar, PlanImports imports, ContentQueries store, Clock clock, ZoneId zone,
			MessageSource messages, ScopedPlans scoped) {
		this.scoped = scoped;
		this.calendar = calendar;
		this.imports = imports;
		this.store = store;
		this.clock = clock;
		this.zone = zone;
		this.messages = messages;
	}

	@GetMapping("/desk/plans")
	String list(Model model, Scope scope) {
		model.addAttribute("plans",
				this.calendar.book()
					.plans()
					.stream()
					.filter((plan) -> this.scoped.sees(scope, plan))
					.map((plan) -> new PlanRow(plan.id(), (plan.number() != null) ? plan.number() : "", plan.title(),
							plan.issuer(), display(plan.date()), plan.phases().size()))
					.toList());
		return "desk-plans";
	}

	@GetMapping("/desk/plans/{id}")
	String detail(@PathVariable String id, Model model, Scope scope) {
		CalendarBook book = this.calendar.book();
		Plan plan = this.scoped.readable(scope, id);
		model.addAttribute("plan", plan);
		model.addAttribute("date", display(plan.date()));
		model.addAttribute("organisation", (plan.organisation() != null)
				? book.organisation(plan.organisation()).map(Organisation::name).orElse(plan.organisation()) : null);
		model.addAttribute("phases", plan.phases().stream().map((phase) -> phase(phase, book)).toList());
		model.addAttribute("anniversaries",
				DeskPlanDetail.anniversaries(plan, book, LocalDate.now(this.clock.withZone(this.zone))));
		model.addAttribute("events", DeskPlanDetail.events(plan, book));
		model.addAttribute("content", DeskPlanDetail.content(contentOf(plan, book), this.zone));
		// Only a plan confirmed at run time may be removed here; a shipped one changes by
		// deploying calendar/.
		this.calendar.storedPlan(plan.id()).ifPresent((stored) -> {
			model.addAttribute("stored", stored);
			model.addAttribute("storedAt", DeskPlanDetail.format(stored.storedAt(), this.zone));
		});
		return "desk-plan";
	}

	@GetMapping("/desk/plans/import")
	String importForm() {
		return "desk-plan-import";
	}

	@PostMapping("/desk/plans/import")
	String upload(@RequestParam("file") MultipartFile file, Model model, HttpServletResponse response, Locale locale,
			Scope scope) throws IOException {
		String name = (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())
				? file.getOriginalFilename() : "plan";
		try {
			PlanImports.Draft draft = this.imports.upload(name, file.getBytes(), scope);
			return "redirect:/desk/plans/import/" + draft.id();
		}
		catch (UnreadableDocumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", localised(ex.code(), ex.arguments(), ex.getMessage(), locale));
			return "desk-plan-import";
		}
	}

	@GetMapping("/desk/plans/import/{draftId}")
	String review(@PathVariable String draftId, Model model, Locale locale, Scope scope) {
		model.addAttribute("draft", draft(scope, draftId));
		notes(draftId, model, locale);
		return "desk-plan-review";
	}

	@PostMapping("/desk/plans/import/{draftId}/confirm")
	String confirm(@PathVariable String draftId, @RequestParam(defaultValue = "false") boolean replace, Model model,
			HttpServletResponse response, Locale locale, Scope scope) {
		PlanImports.Draft draft = draft(scope, draftId);
		try {
			PlanImports.Draft confirmed = this.imports.confirm(draftId, replace, Actors.current());
			return "redirect:/desk/plans/" + confirmed.planId();
		}
		catch (PlanImports.ImportConflictException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("draft", draft);
			notes(draftId, model, locale);
			model.addAttribute("conflict", localised(ex.code(), ex.arguments(), ex.getMessage(), locale));
			return "desk-plan-review";
		}
	}

	/**
	 * The items that carry the plan out, found in SQL and read whole: a year of content
	 * is thousands of items, and a plan's items may be among the oldest.
	 */
	private List<ContentItem> contentOf(Plan plan, CalendarBook book) {
		return this.store
			.findAll(this.store.page(null, null, null, null, PlanScope.of(plan, book, this.zone), 1, Integer.MAX_VALUE)
				.keys()
				.stream()
				.map(ContentQueries.ContentKey::id)
				.toList());
	}

	private PlanImports.Draft draft(Scope scope, String draftId) {
		return this.scoped.draft(scope, draftId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no plan draft " + draftId));
	}

	/**
	 * The draft's values and warnings worded in the reader's language; a draft read
	 * before they were kept has neither, and its page shows the stored report instead.
	 */
	private void notes(String draftId, Model model, Locale locale) {
		PlanImports.Notes notes = this.imports.notes(draftId);
		model.addAttribute("values", notes.values().stream().map((note) -> row(note, locale)).toList());
		// The whole plan's first, then down the document as the editor reads it.
		model.addAttribute("warnings",
				notes.warnings()
					.stream()
					.sorted(Comparator.comparingInt(PlanImports.Note::line))
					.map((note) -> row(note, locale))
					.toList());
		model.addAttribute("legacy", notes.values().isEmpty() && notes.warnings().isEmpty());
	}

	private NoteRow row(PlanImports.Note note, Locale locale) {
		String english = note.message().isEmpty() ? note.code() + " " + note.arguments() : note.message();
		return new NoteRow(note.line(), localised(note.code(), note.arguments(), english, locale));
	}

	/**
	 * The importer's message {@code importer.<code>} in the reader's language; in English
	 * when that language lacks it, and as the importer wrote it when no language has it.
	 */
	private @Nullable String localised(String code, List<String> arguments, @Nullable String english, Locale locale) {
		String key = "importer." + code;
		Object[] args = arguments.toArray();
		try {
			return this.messages.getMessage(key, args, locale);
		}
		catch (NoSuchMessageException ex) {
			return this.messages.getMessage(key, args, english, Locale.ENGLISH);
		}
	}

	private static PhaseRow phase(Phase phase, CalendarBook book) {
		String until = (phase.untilEvent() != null)
				? book.event(phase.untilEvent()).map(Event::name).orElse(phase.untilEvent()) : null;
		return new PhaseRow(phase.number(), phase.name(), display(phase.start()), display(phase.end()), until,
				phase.untilEvent(), phase.endIn(book).map(VietnameseDates::display).orElse(null));
	}

	private static @Nullable String display(@Nullable LocalDate date) {
		return (date != null) ? VietnameseDates.display(date) : null;
	}

	/** A plan in the list. */
	record PlanRow(String id, @Nullable String number, String title, String issuer, @Nullable String date, int phases) {

	}

	/**
	 * A value read from a plan, or a warning about it, with its line (0: the whole plan).
	 */
	record NoteRow(int line, @Nullable String text) {

	}

	/** A phase with its end as written and as resolved against the calendar's events. */
	record PhaseRow(int number, String name, @Nullable String start, @Nullable String end, @Nullable String until,
			@Nullable String untilId, @Nullable String resolvedEnd) {

	}

}
