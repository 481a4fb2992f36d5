package vn.loa.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

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

import vn.loa.subscribers.InvalidSubscriberException;
import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;

/** Adds, lists, confirms and unsubscribes the recipients of email bulletins. */
@RestController
@RequestMapping("/api/subscribers")
class SubscriberApiController {

	private final Subscribers subscribers;

	SubscriberApiController(Subscribers subscribers) {
		this.subscribers = subscribers;
	}

	@PostMapping
	ResponseEntity<Subscriber> add(@RequestBody NewSubscriber request) {
		SubscriberStatus status = (request.status() != null && !request.status().isBlank())
				? SubscriberStatus.parse(request.status()) : null;
		Subscriber added = this.subscribers.add(request.organisation(), request.email(), request.name(), status,
				Actors.current());
		return ResponseEntity.created(URI.create("/api/subscribers/" + added.id())).body(added);
	}

	@GetMapping
	List<Subscriber> list(@RequestParam(required = false) @Nullable String organisation,
			@RequestParam(required = false) @Nullable String status) {
		return this.subscribers.list(organisation,
				(status != null && !status.isBlank()) ? SubscriberStatus.parse(status) : null);
	}

	@GetMapping("/{id}")
	ResponseEntity<Subscriber> find(@PathVariable long id) {
		return ResponseEntity.of(this.subscribers.find(id));
	}

	@PostMapping("/{id}/confirm")
	ResponseEntity<Subscriber> confirm(@PathVariable long id) {
		return ResponseEntity.of(this.subscribers.confirm(id, Actors.current()));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> unsubscribe(@PathVariable long id) {
		if (this.subscribers.unsubscribe(id, Actors.current()).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.noContent().build();
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
