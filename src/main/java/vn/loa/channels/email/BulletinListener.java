package vn.loa.channels.email;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.loa.content.ContentCatalog;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentWithdrawn;
import vn.loa.content.Outlet;
import vn.loa.content.Priority;
import vn.loa.publishing.events.ContentPublished;
import vn.loa.publishing.events.ItemsPublished;
import vn.loa.publishing.events.PublishedAudiences;
import vn.loa.publishing.events.OutletReachedNobody;
import vn.loa.transactions.AfterCommit;

/**
 * Queues one bulletin for every mailbox confirmed in the audience of an item that goes
 * out by email, or says that there is none. Sends nothing itself: it only wakes the
 * sender once the queued rows are committed.
 */
@Component
class BulletinListener {

	private static final Log logger = LogFactory.getLog(BulletinListener.class);

	private final ContentCatalog catalog;

	private final BulletinDeliveries deliveries;

	private final BulletinSender sender;

	private final ApplicationEventPublisher events;

	private final PublishedAudiences audiences;

	BulletinListener(ContentCatalog catalog, BulletinDeliveries deliveries, BulletinSender sender,
			ApplicationEventPublisher events, PublishedAudiences audiences) {
		this.audiences = audiences;
		this.events = events;
		this.catalog = catalog;
		this.deliveries = deliveries;
		this.sender = sender;
	}

	@ApplicationModuleListener
	void on(ContentPublished event) {
		queue(List.of(event));
	}

	/** Items that went out together are queued together, in one transaction. */
	@ApplicationModuleListener
	void on(ItemsPublished event) {
		queue(event.items());
	}

	private void queue(List<ContentPublished> published) {
		List<String> ids = published.stream()
			.filter((event) -> event.includes(Outlet.EMAIL))
			.map(ContentPublished::itemId)
			.toList();
		if (ids.isEmpty()) {
			return;
		}
		Map<String, ContentItem> items = new HashMap<>();
		this.catalog.findAll(ids).forEach((item) -> items.put(item.id(), item));
		Map<String, String> owners = new LinkedHashMap<>();
		java.util.Set<String> urgent = new java.util.HashSet<>();
		for (String id : ids) {
			ContentItem item = items.get(id);
			if (item == null) {
				logger.warn("Published item " + id + " is not in the catalogue: no bulletin sent");
			}
			else if (item.status() == ContentStatus.WITHDRAWN) {
				logger.info("Published item " + id + " was withdrawn since: no bulletin sent");
			}
			else {
				owners.put(id, item.organisation());
				if (item.priority() == Priority.EMERGENCY) {
					urgent.add(id);
				}
			}
		}
		int added = 0;
		for (Map.Entry<String, BulletinDeliveries.Queued> item : this.deliveries
			.enqueueAll(this.audiences.of(owners), urgent)
			.entrySet()) {
			BulletinDeliveries.Queued queued = item.getValue();
			if (queued.mailboxes() == 0) {
				logger.info("No confirmed subscriber in the audience of " + item.getKey() + ": no bulletin sent");
				this.events.publishEvent(new OutletReachedNobody(item.getKey(), Outlet.EMAIL));
			}
			if (queued.added() > 0) {
				logger.info("Queued " + queued.added() + " bulletin(s) of " + item.getKey());
			}
			added += queued.added();
		}
		if (added > 0) {
			AfterCommit.run(this.sender::wakeUp);
		}
	}

	/** The bulletins of a withdrawn item that are not yet sent are cancelled. */
	@ApplicationModuleListener
	void on(ContentWithdrawn event) {
		int cancelled = this.deliveries.cancelUnsent(event.itemId());
		if (cancelled > 0) {
			logger.info("Withdrawn item " + event.itemId() + ": " + cancelled + " unsent bulletin(s) cancelled");
		}
	}

}
