package vn.loa.channels.email;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.loa.content.ContentCatalog;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentWithdrawn;
import vn.loa.content.Outlet;
import vn.loa.publishing.events.ContentPublished;
import vn.loa.transactions.AfterCommit;

/**
 * Queues a bulletin for every confirmed subscriber when an item goes out by email. Sends
 * nothing itself: it only wakes the sender once the queued rows are committed.
 */
@Component
class BulletinListener {

	private static final Log logger = LogFactory.getLog(BulletinListener.class);

	private final ContentCatalog catalog;

	private final BulletinDeliveries deliveries;

	private final BulletinSender sender;

	BulletinListener(ContentCatalog catalog, BulletinDeliveries deliveries, BulletinSender sender) {
		this.catalog = catalog;
		this.deliveries = deliveries;
		this.sender = sender;
	}

	@ApplicationModuleListener
	void on(ContentPublished event) {
		if (!event.includes(Outlet.EMAIL)) {
			return;
		}
		ContentItem item = this.catalog.find(event.itemId()).orElse(null);
		if (item == null) {
			logger.warn("Published item " + event.itemId() + " is not in the catalogue: no bulletin sent");
			return;
		}
		if (item.status() == ContentStatus.WITHDRAWN) {
			logger.info("Published item " + item.id() + " was withdrawn since: no bulletin sent");
			return;
		}
		int queued = this.deliveries.enqueue(item.id(), item.organisation());
		if (queued > 0) {
			logger.info("Queued " + queued + " bulletin(s) of " + item.id());
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
