package vn.loa.web;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import vn.loa.content.ContentActor;
import vn.loa.content.ContentCorrection;
import vn.loa.content.ContentCorrections;
import vn.loa.content.CorrectionDraft;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentQueries;
import vn.loa.content.ContentWorkflow;
import vn.loa.content.InvalidContentException;
import vn.loa.organisations.Scope;
import vn.loa.publishing.Outcome;
import vn.loa.publishing.PublicationLog;

/**
 * The content API: create, update, withdraw and read items, and what became of them. It
 * changes items through the workflow as the trusted {@link ContentActor#API}, whose audit
 * record commits with the change: an answer never reports a change that was not stored,
 * nor hides one that was.
 */
@RestController
@RequestMapping("/api")
class ContentApiController {

	private final ContentWorkflow workflow;

	private final ContentQueries store;

	private final PublicationLog publications;

	private final ScopedContent scoped;

	private final ZoneId zone;

	private final ContentCorrections corrections;

	ContentApiController(ContentWorkflow workflow, ContentQueries store, PublicationLog publications,
			ScopedContent scoped, ZoneId zone, ContentCorrections corrections) {
		this.corrections = corrections;
		this.workflow = workflow;
		this.store = store;
		this.publications = publications;
		this.scoped = scoped;
		this.zone = zone;
	}

	@GetMapping("/content")
	List<Map<String, Object>> list(@RequestParam(defaultValue = "scheduled") String status, Scope scope) {
		return this.scoped.within(scope, this.store.findByStatus(parseStatus(status)))
			.stream()
			.map(this::json)
			.toList();
	}

	@GetMapping("/content/{id}")
	ResponseEntity<Map<String, Object>> show(@PathVariable String id, Scope scope) {
		return this.scoped.find(scope, id)
			.map(this::json)
			.map(ResponseEntity::ok)
			.orElse(ResponseEntity.notFound().build());
	}

	@PostMapping("/content")
	ResponseEntity<Map<String, Object>> create(@RequestBody ContentDraft draft, Scope scope) {
		if (draft.id() != null && this.store.find(draft.id()).isPresent()
				&& this.scoped.find(scope, draft.id()).isEmpty()) {
			// Someone else's id: say no more than that it cannot be used.
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the id '" + draft.id() + "' cannot be used");
		}
		ContentItem item = this.workflow.create(this.scoped.draft(scope, draft), ContentActor.API);
		return ResponseEntity.created(URI.create("/api/content/" + item.id())).body(json(item));
	}

	@PutMapping("/content/{id}")
	Map<String, Object> update(@PathVariable String id, @RequestBody ContentDraft draft, Scope scope) {
		this.scoped.require(scope, id);
		return json(this.workflow.update(id, this.scoped.draft(scope, draft), ContentActor.API, null));
	}

	@DeleteMapping("/content/{id}")
	ResponseEntity<Map<String, Object>> withdraw(@PathVariable String id, Scope scope) {
		if (this.scoped.find(scope, id).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok(json(this.workflow.withdraw(id, ContentActor.API)));
	}

	/**
	 * Corrects an item that went out (đính chính): applied at once, as the API is
	 * trusted. The feeds keep its guid and give it the correction's time as its update,
	 * its page shows the history, the radio reads the correction where the item was
	 * already read, and with {@code notifyEmail} its subscribers get a short correction
	 * bulletin.
	 */
	@PostMapping("/content/{id}/corrections")
	ResponseEntity<Map<String, Object>> correct(@PathVariable String id, @RequestBody CorrectionDraft draft,
			Scope scope) {
		this.scoped.require(scope, id);
		ContentCorrection correction = this.corrections.propose(id, draft, ContentActor.API);
		return ResponseEntity.created(URI.create("/api/content/" + id + "/corrections/" + correction.seq()))
			.body(json(correction));
	}

	/** An item's corrections, the first first. */
	@GetMapping("/content/{id}/corrections")
	ResponseEntity<List<Map<String, Object>>> corrections(@PathVariable String id, Scope scope) {
		if (this.scoped.find(scope, id).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok(this.corrections.of(id).stream().map(this::json).toList());
	}

	private Map<String, Object> json(ContentCorrection correction) {
		Map<String, Object> json = new java.util.LinkedHashMap<>();
		json.put("item", correction.itemId());
		json.put("seq", correction.seq());
		json.put("status", correction.status().key());
		json.put("note", correction.note());
		json.put("changed", correction.changed());
		json.put("title", correction.title());
		json.put("notifyEmail", correction.notifyEmail());
		json.put("emailItem", correction.emailItemId());
		json.put("proposedBy", correction.proposedBy());
		json.put("proposedAt", correction.proposedAt().atZone(this.zone).toOffsetDateTime().toString());
		json.put("decidedBy", correction.decidedBy());
		json.put("decidedAt", (correction.decidedAt() != null)
				? correction.decidedAt().atZone(this.zone).toOffsetDateTime().toString() : null);
		return json;
	}

	/**
	 * What became of one item when its time came: the outcome on each outlet and the
	 * organisations it went out to, as decided then.
	 */
	@GetMapping("/content/{id}/publication")
	ResponseEntity<Map<String, Object>> publication(@PathVariable String id, Scope scope) {
		if (this.scoped.find(scope, id).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity
			.ok(Map.of("outcomes", this.publications.of(id), "audience", this.publications.audienceOf(id)));
	}

	/** Publication outcomes; {@code ?outcome=missed} lists what never went out. */
	@GetMapping("/publications")
	List<PublicationLog.Entry> publications(@RequestParam(defaultValue = "missed") String outcome, Scope scope) {
		Outcome parsed;
		try {
			parsed = Outcome.valueOf(outcome.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidContentException("outcome", "outcome must be on_time, late, missed or unreached");
		}
		List<PublicationLog.Entry> entries = this.publications.withOutcome(parsed);
		if (scope.everywhere()) {
			return entries;
		}
		Map<String, Boolean> within = new java.util.HashMap<>();
		return entries.stream()
			.filter((entry) -> within.computeIfAbsent(entry.itemId(),
					(item) -> this.scoped.find(scope, item).isPresent()))
			.toList();
	}

	@ExceptionHandler(InvalidContentException.class)
	ResponseEntity<Map<String, String>> invalid(InvalidContentException ex) {
		HttpStatus status = ex.isConflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
		return ResponseEntity.status(status).body(Map.of("field", ex.field(), "message", ex.getMessage()));
	}

	private static ContentStatus parseStatus(String text) {
		try {
			return ContentStatus.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidContentException("status", "unknown status '" + text + "'");
		}
	}

	private Map<String, Object> json(ContentItem item) {
		Map<String, Object> json = item.fields(this.zone);
		json.put("publications", this.publications.of(item.id()));
		return json;
	}

}
