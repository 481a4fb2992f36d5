package vn.loa.web;

import java.net.URI;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
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

import vn.loa.accounts.AuditLog;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentEditor;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentStore;
import vn.loa.content.InvalidContentException;
import vn.loa.publishing.Outcome;
import vn.loa.publishing.PublicationLog;

/**
 * The content API: create, update, withdraw and read items, and what became of them. A
 * change and its audit record commit together: an answer never reports a change that was
 * not stored, nor hides one that was.
 */
@RestController
@RequestMapping("/api")
class ContentApiController {

	private static final JsonMapper AUDIT_JSON = JsonMapper.builder().build();

	private final ContentEditor editor;

	private final ContentStore store;

	private final PublicationLog publications;

	private final ZoneId zone;

	private final AuditLog audit;

	ContentApiController(ContentEditor editor, ContentStore store, PublicationLog publications, ZoneId zone,
			AuditLog audit) {
		this.editor = editor;
		this.store = store;
		this.publications = publications;
		this.zone = zone;
		this.audit = audit;
	}

	@GetMapping("/content")
	List<Map<String, Object>> list(@RequestParam(defaultValue = "scheduled") String status) {
		return this.store.findByStatus(parseStatus(status)).stream().map(this::json).toList();
	}

	@GetMapping("/content/{id}")
	ResponseEntity<Map<String, Object>> show(@PathVariable String id) {
		return this.store.find(id).map(this::json).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
	}

	@PostMapping("/content")
	@Transactional
	ResponseEntity<Map<String, Object>> create(@RequestBody ContentDraft draft) {
		ContentItem item = this.editor.create(draft);
		record("content.create", item.id(), null, item);
		return ResponseEntity.created(URI.create("/api/content/" + item.id())).body(json(item));
	}

	@PutMapping("/content/{id}")
	@Transactional
	Map<String, Object> update(@PathVariable String id, @RequestBody ContentDraft draft) {
		ContentItem before = this.store.find(id).orElse(null);
		ContentItem after = this.editor.update(id, draft);
		record("content.update", id, before, after);
		return json(after);
	}

	@DeleteMapping("/content/{id}")
	@Transactional
	ResponseEntity<Map<String, Object>> withdraw(@PathVariable String id) {
		ContentItem before = this.store.find(id).orElse(null);
		if (before == null) {
			return ResponseEntity.notFound().build();
		}
		if (!this.store.withdraw(id)) {
			throw InvalidContentException.conflict("status", "item '" + id + "' is already withdrawn");
		}
		ContentItem after = this.store.find(id).orElseThrow();
		record("content.withdraw", id, before, after);
		return ResponseEntity.ok(json(after));
	}

	/** Publication outcomes; {@code ?outcome=missed} lists what never went out. */
	@GetMapping("/publications")
	List<PublicationLog.Entry> publications(@RequestParam(defaultValue = "missed") String outcome) {
		Outcome parsed;
		try {
			parsed = Outcome.valueOf(outcome.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidContentException("outcome", "outcome must be on_time, late or missed");
		}
		return this.publications.withOutcome(parsed);
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

	private void record(String action, String id, ContentItem before, ContentItem after) {
		this.audit.record(Actors.current(), action, "content:" + id, auditJson(before), auditJson(after));
	}

	/** The item as the API shows it, without its publications (they are not edited). */
	private String auditJson(ContentItem item) {
		if (item == null) {
			return null;
		}
		Map<String, Object> json = json(item);
		json.remove("publications");
		return AUDIT_JSON.writeValueAsString(json);
	}

	private Map<String, Object> json(ContentItem item) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", item.id());
		json.put("organisation", item.organisation());
		json.put("title", item.title());
		json.put("summary", item.summary());
		json.put("body", item.body());
		json.put("radioScript", item.radioScript());
		json.put("outlets", item.outlets().stream().map((o) -> o.key()).sorted().toList());
		json.put("when", item.when());
		json.put("dueAt", (item.dueAt() != null) ? item.dueAt().atZone(this.zone).toOffsetDateTime().toString() : null);
		json.put("status", item.status().key());
		json.put("source", item.source());
		json.put("publications", this.publications.of(item.id()));
		return json;
	}

}
