package vn.loa.channels.feed;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.loa.content.ContentWithdrawn;
import vn.loa.content.Outlet;
import vn.loa.publishing.events.ContentPublished;

/**
 * Adds each item published on the feed outlet to the feeds, once; takes withdrawn ones
 * out.
 */
@Component
class FeedRecorder {

	private final FeedEntries entries;

	private final Feeds feeds;

	FeedRecorder(FeedEntries entries, Feeds feeds) {
		this.entries = entries;
		this.feeds = feeds;
	}

	/** A withdrawn item leaves the feeds and its page, whenever it went out. */
	@ApplicationModuleListener
	void on(ContentWithdrawn event) {
		if (this.entries.remove(event.itemId())) {
			this.feeds.refreshSoon();
		}
	}

	@ApplicationModuleListener
	void on(ContentPublished event) {
		if (event.includes(Outlet.FEED) && this.entries.record(event.itemId(), event.publishedAt())) {
			this.feeds.refreshSoon();
		}
	}

}
