package vn.loa.web;

import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.loa.icalendar.IcsFeeds;
import vn.loa.icalendar.InvalidYearWindowException;
import vn.loa.icalendar.YearWindow;

/**
 * Serves the campaign calendar as iCalendar feeds for calendar apps to subscribe to;
 * {@code ?from=yyyy&to=yyyy} chooses the years.
 */
@Controller
class IcsController {

	private static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar; charset=UTF-8");

	private static final String SUFFIX = ".ics";

	private final IcsFeeds feeds;

	IcsController(IcsFeeds feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/calendar.ics")
	ResponseEntity<String> all(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return serve(Optional.of(this.feeds.all(this.feeds.window(from, to))));
	}

	/**
	 * A plan by id ({@code /calendar/plans/443-kh-tu.ics}) or by number, whose slash then
	 * stays a path separator ({@code /calendar/plans/443-KH/TU.ics}).
	 */
	@GetMapping("/calendar/plans/{*reference}")
	ResponseEntity<String> plan(@PathVariable String reference, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		if (!reference.endsWith(SUFFIX) || reference.length() <= SUFFIX.length() + 1) {
			return ResponseEntity.notFound().build();
		}
		YearWindow window = this.feeds.window(from, to);
		return serve(this.feeds.plan(reference.substring(1, reference.length() - SUFFIX.length()), window));
	}

	@GetMapping("/calendar/organisations/{id}.ics")
	ResponseEntity<String> organisation(@PathVariable String id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		return serve(this.feeds.organisation(id, this.feeds.window(from, to)));
	}

	@ExceptionHandler(InvalidYearWindowException.class)
	ResponseEntity<String> badWindow(InvalidYearWindowException ex) {
		return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(ex.getMessage() + "\n");
	}

	private static ResponseEntity<String> serve(Optional<String> calendar) {
		return calendar
			.map((text) -> ResponseEntity.ok()
				.contentType(TEXT_CALENDAR)
				.cacheControl(CacheControl.noCache().cachePublic())
				.body(text))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
