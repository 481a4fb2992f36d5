package vn.loa.channels.feed;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

import vn.loa.content.ContentCorrection;

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
							DATE_TIME.format(published.publishedAt().atZone(this.zone)), "corrections",
							published.latestFirst().stream().map(this::shown).toList())))
			.orElseGet(() -> new ModelAndView("item", Map.of("missing", true), HttpStatus.NOT_FOUND));
	}

	private Correction shown(ContentCorrection correction) {
		Instant at = (correction.decidedAt() != null) ? correction.decidedAt() : correction.proposedAt();
		return new Correction(DATE_TIME.format(at.atZone(this.zone)),
				at.atZone(this.zone).toOffsetDateTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
				correction.note(), correction.changed(), correction.beforeTitle(), correction.beforeBodyHtml());
	}

	/**
	 * A correction as the item's page shows it.
	 *
	 * @param at when it was made, as readers read it
	 * @param datetime the same, for {@code <time datetime>}
	 * @param note what changed
	 * @param changed which fields it changed ({@code title}, {@code body}, …)
	 * @param beforeTitle the title before it
	 * @param beforeBody the body before it, as HTML
	 */
	record Correction(String at, String datetime, String note, List<String> changed, String beforeTitle,
			String beforeBody) {

	}

}
