package vn.loa.channels.feed;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.loa.organisations.Organisations;

/**
 * Serves the cached RSS and Atom feeds: the main ones ({@code /feed.xml}, the default
 * organisation's) and each organisation's ({@code /o/thai-nguyen-bang-thanh/feed.xml}); a
 * reader that already has them gets {@code 304 Not Modified}, an organisation that does
 * not exist a {@code 404}.
 */
@Controller
class FeedController {

	private final Feeds feeds;

	private final Organisations organisations;

	FeedController(Feeds feeds, Organisations organisations) {
		this.feeds = feeds;
		this.organisations = organisations;
	}

	@GetMapping("/feed.xml")
	ResponseEntity<byte[]> rss() {
		return serve(this.feeds.rss());
	}

	@GetMapping("/feed.atom")
	ResponseEntity<byte[]> atom() {
		return serve(this.feeds.atom());
	}

	@GetMapping("/o/{organisation}/feed.xml")
	ResponseEntity<byte[]> rss(@PathVariable String organisation) {
		if (this.organisations.find(organisation).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return serve(this.feeds.rss(organisation));
	}

	@GetMapping("/o/{organisation}/feed.atom")
	ResponseEntity<byte[]> atom(@PathVariable String organisation) {
		if (this.organisations.find(organisation).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return serve(this.feeds.atom(organisation));
	}

	// The entity tag and Last-Modified make Spring answer If-None-Match and
	// If-Modified-Since with 304 by itself.
	private static ResponseEntity<byte[]> serve(FeedDocument document) {
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.contentType()))
			.cacheControl(CacheControl.noCache().cachePublic())
			.eTag(document.etag());
		if (document.lastModified() != null) {
			response.lastModified(document.lastModified());
		}
		return response.body(document.bytes());
	}

}
