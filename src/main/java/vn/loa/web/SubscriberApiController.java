package vn.loa.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.loa.organisations.Organisations;
import vn.loa.organisations.Scope;
import vn.loa.subscribers.InvalidSubscriberException;
import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;

/** Adds, lists, confirms and unsubscribes the recipients of email bulletins. */
@RestController
@RequestMapping("/api/subscribers")
class SubscriberApiController {

	private final Subscribers subscribers;

	private final Organisations organisations;

	SubscriberApiController(Subscribers subscribers, Organisations organisations) {
		this.subscribers = subscribers;
		this.organisations = organisations;
	}

	@PostMapping
	ResponseEntity<Subscriber> add(@RequestBody NewSubscriber request, Scope scope) {
		SubscriberStatus status = (request.status() != null && !request.status().isBlank())
				? SubscriberStatus.parse(request.status()) : null;
		String organisation = this.organisations.ownerFor(scope, request.organisation());
		Subscriber added = this.subscribers.add(organisation, request.email(), request.name(), status,
				Actors.current());
		// A pending address gets the confirmation mail a sign-up on the public form gets:
		// nothing is sent to it until its owner confirms.
		this.subscribers.requestConfirmation(added.id());
		return ResponseEntity.created(URI.create("/api/subscribers/" + added.id())).body(added);
	}

	@GetMapping
	List<Subscriber> list(@RequestParam(required = false) @Nullable String organisation,
			@RequestParam(required = false) @Nullable String status, Scope scope) {
		return this.subscribers
			.list(organisation, (status != null && !status.isBlank()) ? SubscriberStatus.parse(status) : null)
			.stream()
			.filter((subscriber) -> this.organisations.covers(scope, subscriber.organisation()))
			.toList();
	}

	@GetMapping("/{id}")
	ResponseEntity<Subscriber> find(@PathVariable long id, Scope scope) {
		return ResponseEntity.of(within(scope, id));
	}

	@PostMapping("/{id}/confirm")
	ResponseEntity<Subscriber> confirm(@PathVariable long id, Scope scope) {
		if (within(scope, id).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.of(this.subscribers.confirm(id, Actors.current()));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> unsubscribe(@PathVariable long id, Scope scope) {
		if (within(scope, id).isEmpty() || this.subscribers.unsubscribe(id, Actors.current()).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.noContent().build();
	}

	/** The subscriber, when it is within the caller's organisation. */
	private Optional<Subscriber> within(Scope scope, long id) {
		return this.subscribers.find(id)
			.filter((subscriber) -> this.organisations.covers(scope, subscriber.organisation()));
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
