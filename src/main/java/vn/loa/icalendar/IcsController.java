package vn.loa.icalendar;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

/**
 * Serves the campaign calendar as iCalendar feeds for calendar apps to subscribe to;
 * {@code ?from=yyyy&to=yyyy} chooses the years.
 */
@Controller
class IcsController {

	private static final MediaType TEXT_CALENDAR = MediaType.parseMediaType(IcsDocument.CONTENT_TYPE);

	private static final String SUFFIX = ".ics";

	private final IcsDocuments documents;

	IcsController(IcsDocuments documents) {
		this.documents = documents;
	}

	@GetMapping("/calendar.ics")
	ResponseEntity<byte[]> all(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, WebRequest request) {
		return serve(Optional.of(this.documents.all(from, to)), request);
	}

	/**
	 * A plan by id ({@code /calendar/plans/443-kh-tu.ics}) or by number, whose slash then
	 * stays a path separator ({@code /calendar/plans/443-KH/TU.ics}).
	 */
	@GetMapping("/calendar/plans/{*reference}")
	ResponseEntity<byte[]> plan(@PathVariable String reference, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, WebRequest request) {
		if (!reference.endsWith(SUFFIX) || reference.length() <= SUFFIX.length() + 1) {
			return ResponseEntity.notFound().build();
		}
		return serve(this.documents.plan(reference.substring(1, reference.length() - SUFFIX.length()), from, to),
				request);
	}

	@GetMapping({ "/calendar/organisations/{id}.ics", "/o/{id}/calendar.ics" })
	ResponseEntity<byte[]> organisation(@PathVariable String id, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, WebRequest request) {
		return serve(this.documents.organisation(id, from, to), request);
	}

	@ExceptionHandler(InvalidYearWindowException.class)
	ResponseEntity<String> badWindow(InvalidYearWindowException ex) {
		return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(ex.getMessage() + "\n");
	}

	/**
	 * The calendar, or 304 when the subscriber already holds the same entries. The web's
	 * own path for these feeds: most requests are answered before it from the same kept
	 * documents (see {@code FeedFastPath}).
	 */
	private static ResponseEntity<byte[]> serve(Optional<IcsDocument> calendar, WebRequest request) {
		if (calendar.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		IcsDocument document = calendar.get();
		if (request.checkNotModified(document.etag())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
				.eTag(document.etag())
				.cacheControl(CacheControl.noCache().cachePublic())
				.build();
		}
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.eTag(document.etag())
			.cacheControl(CacheControl.noCache().cachePublic())
			.body(document.bytes());
	}

}
