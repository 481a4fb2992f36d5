package vn.loa.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.loa.accounts.AuditLog;
import vn.loa.subscribers.InvalidSubscriberException;
import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;

/** Adds, lists, confirms and unsubscribes the recipients of email bulletins. */
@RestController
@RequestMapping("/api/subscribers")
class SubscriberApiController {

	private final Subscribers subscribers;

	private final AuditLog audit;

	SubscriberApiController(Subscribers subscribers, AuditLog audit) {
		this.subscribers = subscribers;
		this.audit = audit;
	}

	@PostMapping
	@Transactional
	ResponseEntity<Subscriber> add(@RequestBody NewSubscriber request) {
		SubscriberStatus status = (request.status() != null && !request.status().isBlank())
				? SubscriberStatus.parse(request.status()) : null;
		Subscriber added = this.subscribers.add(request.organisation(), request.email(), request.name(), status);
		record("subscriber.add", added, null);
		return ResponseEntity.created(URI.create("/api/subscribers/" + added.id())).body(added);
	}

	@GetMapping
	List<Subscriber> list(@RequestParam(required = false) String organisation,
			@RequestParam(required = false) String status) {
		return this.subscribers.list(organisation,
				(status != null && !status.isBlank()) ? SubscriberStatus.parse(status) : null);
	}

	@GetMapping("/{id}")
	ResponseEntity<Subscriber> find(@PathVariable long id) {
		return ResponseEntity.of(this.subscribers.find(id));
	}

	@PostMapping("/{id}/confirm")
	@Transactional
	ResponseEntity<Subscriber> confirm(@PathVariable long id) {
		Optional<Subscriber> before = this.subscribers.find(id);
		Optional<Subscriber> confirmed = this.subscribers.confirm(id);
		confirmed.ifPresent((after) -> record("subscriber.confirm", after, before.orElse(null)));
		return ResponseEntity.of(confirmed);
	}

	@DeleteMapping("/{id}")
	@Transactional
	ResponseEntity<Void> unsubscribe(@PathVariable long id) {
		Optional<Subscriber> before = this.subscribers.find(id);
		Optional<?> done = this.subscribers.unsubscribe(id);
		if (done.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		this.audit.record(Actors.current(), "subscriber.unsubscribe", "subscriber:" + id,
				before.map(SubscriberApiController::describe).orElse(null),
				this.subscribers.find(id).map(SubscriberApiController::describe).orElse("unsubscribed"));
		return ResponseEntity.noContent().build();
	}

	private void record(String action, Subscriber after, Subscriber before) {
		this.audit.record(Actors.current(), action, "subscriber:" + after.id(),
				(before != null) ? describe(before) : null, describe(after));
	}

	/** A short text, without the address: the audit log is no second subscriber list. */
	private static String describe(Subscriber subscriber) {
		return subscriber.organisation() + ", " + subscriber.status().name().toLowerCase(java.util.Locale.ROOT);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> refused(InvalidSubscriberException ex) {
		return ResponseEntity.status(ex.isConflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST)
			.body(Map.of("field", ex.field(), "message", ex.getMessage()));
	}

	/**
	 * A subscriber to add.
	 *
	 * @param email address
	 * @param name name, may be empty
	 * @param organisation organisation id, {@code default} when absent
	 * @param status {@code pending} (default) or {@code confirmed}
	 */
	record NewSubscriber(String email, String name, String organisation, String status) {

	}

}
