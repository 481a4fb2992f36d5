package vn.loa.channels.feed;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.loa.content.ContentWithdrawn;
import vn.loa.content.ContentCatalog;
import vn.loa.content.ContentItem;
import vn.loa.content.Outlet;
import vn.loa.organisations.Organisations;
import vn.loa.publishing.events.ContentPublished;
import vn.loa.publishing.events.PublishedAudiences;

/**
 * Adds each item published on the feed outlet to the feeds, once; takes withdrawn ones
 * out.
 */
@Component
class FeedRecorder {

	private final FeedEntries entries;

	private final Feeds feeds;

	private final ContentCatalog catalog;

	private final PublishedAudiences audiences;

	FeedRecorder(FeedEntries entries, Feeds feeds, ContentCatalog catalog, PublishedAudiences audiences) {
		this.audiences = audiences;
		this.entries = entries;
		this.feeds = feeds;
		this.catalog = catalog;
	}

	/** A withdrawn item leaves the feeds and its page, whenever it went out. */
	@ApplicationModuleListener
	void on(ContentWithdrawn event) {
		if (this.entries.remove(event.itemId())) {
			this.feeds.refreshSoon();
		}
	}

	/**
	 * An item that went out on the feed is in the feeds of every organisation of its
	 * audience: a province's item for all its communes is in each commune's feed.
	 */
	@ApplicationModuleListener
	void on(ContentPublished event) {
		if (!event.includes(Outlet.FEED)) {
			return;
		}
		String owner = this.catalog.find(event.itemId()).map(ContentItem::organisation).orElse(Organisations.DEFAULT);
		if (this.entries.record(event.itemId(), this.audiences.of(event.itemId(), owner), event.publishedAt()) > 0) {
			this.feeds.refreshSoon();
		}
	}

}
