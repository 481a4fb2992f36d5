package vn.loa.channels.radio;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

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
import vn.loa.publishing.events.ContentPublished;
import vn.loa.publishing.events.PublishedAudiences;
import vn.loa.publishing.events.OutletReachedNobody;

/**
 * Queues each item published on the radio outlet for every station of every organisation
 * of its audience, each in its own first slot at or after the item's time; says so when
 * no station reads for any of them.
 */
@Component
class RadioScheduler {

	private static final Log logger = LogFactory.getLog(RadioScheduler.class);

	private final RadioStations stations;

	private final RadioEntries entries;

	private final ContentCatalog catalog;

	private final ZoneId zone;

	private final ApplicationEventPublisher events;

	private final PublishedAudiences audiences;

	RadioScheduler(RadioStations stations, RadioEntries entries, ContentCatalog catalog, ZoneId zone,
			ApplicationEventPublisher events, PublishedAudiences audiences) {
		this.audiences = audiences;
		this.events = events;
		this.stations = stations;
		this.entries = entries;
		this.catalog = catalog;
		this.zone = zone;
	}

	@ApplicationModuleListener
	void on(ContentPublished event) {
		if (!event.includes(Outlet.RADIO)) {
			return;
		}
		ContentItem item = this.catalog.find(event.itemId()).orElse(null);
		if (item == null) {
			logger.warn("Published item " + event.itemId() + " is not in the catalog: not queued for radio");
			return;
		}
		if (item.status() == ContentStatus.WITHDRAWN) {
			logger.info("Published item " + item.id() + " was withdrawn since: not queued for radio");
			return;
		}
		String script = item.script();
		int syllables = ReadingTime.syllables(script);
		List<String> audience = this.audiences.of(event.itemId(), item.organisation());
		List<RadioStation> stations = this.stations.reading(audience);
		if (stations.isEmpty()) {
			logger.info("No radio station reads for " + String.join(", ", audience) + ": " + item.id() + " not queued");
			this.events.publishEvent(new OutletReachedNobody(item.id(), Outlet.RADIO));
		}
		for (RadioStation station : stations) {
			this.entries.append(station.id(), item.id(), slotFor(station, event, this.zone), item.title(), script,
					syllables, ReadingTime.seconds(syllables, station.syllablesPerMinute()));
		}
	}

	/** A withdrawn item leaves every slot where it is not yet read. */
	@ApplicationModuleListener
	void on(ContentWithdrawn event) {
		int removed = this.entries.removeUnread(event.itemId());
		if (removed > 0) {
			logger.info("Withdrawn item " + event.itemId() + " left " + removed + " radio slot(s)");
		}
	}

	/**
	 * The slot an item goes into: the first at or after its due time, or, when it went
	 * out late, after the time it actually went out (a slot already past cannot be read).
	 */
	static LocalDateTime slotFor(RadioStation station, ContentPublished event, ZoneId zone) {
		Instant basis = (event.late() || event.dueAt() == null) ? event.publishedAt() : event.dueAt();
		return station.firstSlotAtOrAfter(LocalDateTime.ofInstant(basis, zone));
	}

}
