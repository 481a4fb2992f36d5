package vn.loa.channels.feed;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the cached RSS and Atom feeds; a reader that already has them gets
 * {@code 304 Not Modified}.
 */
@Controller
class FeedController {

	private final Feeds feeds;

	FeedController(Feeds feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/feed.xml")
	ResponseEntity<byte[]> rss() {
		return serve(this.feeds.rss());
	}

	@GetMapping("/feed.atom")
	ResponseEntity<byte[]> atom() {
		return serve(this.feeds.atom());
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
