package vn.loa.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.loa.content.PlanRemoval;
import vn.loa.organisations.Scope;

/**
 * Removing a plan confirmed through {@code /api/plans/imports}: only stored plans, never
 * a plan of {@code calendar/}.
 */
@RestController
@RequestMapping("/api/plans/stored")
class StoredPlanApiController {

	private final PlanRemoval removal;

	private final MessageSource messages;

	private final ScopedPlans scoped;

	StoredPlanApiController(PlanRemoval removal, MessageSource messages, ScopedPlans scoped) {
		this.scoped = scoped;
		this.removal = removal;
		this.messages = messages;
	}

	@DeleteMapping("/{id}")
	Map<String, Object> remove(@PathVariable String id, Scope scope) {
		this.scoped.requireOwn(scope, id);
		PlanRemoval.Preview removed = this.removal.remove(id, Actors.current());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("planId", removed.stored().planId());
		body.put("version", removed.stored().version());
		body.put("shippedPlanBack", removed.shippedComesBack());
		return body;
	}

	@ExceptionHandler(PlanRemoval.NotStoredException.class)
	ResponseEntity<Map<String, String>> notStored(PlanRemoval.NotStoredException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", ex.getMessage()));
	}

	@ExceptionHandler(PlanRemoval.PlanInUseException.class)
	ResponseEntity<Map<String, Object>> inUse(PlanRemoval.PlanInUseException ex, Locale locale) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", ex.preview().inUse(this.messages, locale));
		body.put("items",
				ex.preview()
					.blocking()
					.stream()
					.map((item) -> Map.of("id", item.id(), "title", item.title(), "when", item.when(), "status",
							item.status().key()))
					.toList());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
	}

	@ExceptionHandler(PlanRemoval.ChangedMeanwhileException.class)
	ResponseEntity<Map<String, String>> meanwhile(PlanRemoval.ChangedMeanwhileException ex, Locale locale) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(Map.of("message", this.messages.getMessage("deskplan.remove.meanwhile",
					new Object[] { ex.preview().stored().planId() }, locale)));
	}

}
