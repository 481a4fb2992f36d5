package vn.loa.channels.feed;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public page of an item the feed carries; anything else (a draft, a scheduled or
 * unknown item) is not found.
 */
@Controller
class ItemPageController {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private final Feeds feeds;

	private final ZoneId zone;

	ItemPageController(Feeds feeds, ZoneId zone) {
		this.feeds = feeds;
		this.zone = zone;
	}

	@GetMapping("/p/{id}")
	ModelAndView item(@PathVariable String id) {
		return this.feeds.publishedItem(id)
			.map((published) -> new ModelAndView("item",
					Map.of("item", published.item(), "body", published.item().bodyHtml(), "published",
							DATE_TIME.format(published.publishedAt().atZone(this.zone)))))
			.orElseGet(() -> new ModelAndView("item", Map.of("missing", true), HttpStatus.NOT_FOUND));
	}

}
