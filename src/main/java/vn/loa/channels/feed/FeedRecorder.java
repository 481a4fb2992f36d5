package vn.loa.channels.feed;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.loa.content.ContentCorrected;
import vn.loa.content.ContentWithdrawn;
import vn.loa.content.ContentCatalog;
import vn.loa.content.Outlet;
import vn.loa.organisations.Organisations;
import vn.loa.publishing.events.ContentPublished;
import vn.loa.publishing.events.ItemsPublished;
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
	 * A corrected item keeps its entry (its guid) and takes the correction's time as its
	 * update.
	 */
	@ApplicationModuleListener
	void on(ContentCorrected event) {
		if (this.entries.touch(event.itemId(), event.correctedAt())) {
			this.feeds.refreshSoon();
		}
	}

	/**
	 * An item that went out on the feed is in the feeds of every organisation of its
	 * audience: a province's item for all its communes is in each commune's feed.
	 */
	@ApplicationModuleListener
	void on(ContentPublished event) {
		record(List.of(event));
	}

	/** Items that went out together are recorded together, in one batch. */
	@ApplicationModuleListener
	void on(ItemsPublished event) {
		record(event.items());
	}

	private void record(List<ContentPublished> published) {
		Map<String, Instant> onFeed = new LinkedHashMap<>();
		published.stream()
			.filter((event) -> event.includes(Outlet.FEED))
			.forEach((event) -> onFeed.put(event.itemId(), event.publishedAt()));
		if (onFeed.isEmpty()) {
			return;
		}
		Map<String, String> owners = new LinkedHashMap<>();
		onFeed.keySet().forEach((id) -> owners.put(id, Organisations.DEFAULT));
		this.catalog.findAll(onFeed.keySet()).forEach((item) -> owners.put(item.id(), item.organisation()));
		if (this.entries.record(this.audiences.of(owners), onFeed) > 0) {
			this.feeds.refreshSoon();
		}
	}

}
