package vn.loa.channels.radio;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.loa.content.ContentCatalog;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentCorrected;
import vn.loa.content.ContentWithdrawn;
import vn.loa.content.Outlet;
import vn.loa.content.Priority;
import vn.loa.channels.radio.speech.VietnameseNumbers.Variant;
import vn.loa.emergency.EmergencyBulletins;
import vn.loa.emergency.EmergencyTerms;
import vn.loa.publishing.events.ContentPublished;
import vn.loa.publishing.events.ItemsPublished;
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

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final RadioStations stations;

	private final RadioEntries entries;

	private final ContentCatalog catalog;

	private final ZoneId zone;

	private final ApplicationEventPublisher events;

	private final PublishedAudiences audiences;

	private final SpokenScripts spoken;

	private final RadioAudio audio;

	private final boolean readingFromAudio;

	private final EmergencyBulletins emergencies;

	RadioScheduler(RadioStations stations, RadioEntries entries, ContentCatalog catalog, ZoneId zone,
			ApplicationEventPublisher events, PublishedAudiences audiences, SpokenScripts spoken, RadioAudio audio,
			@Value("${loa.radio.reading-time:audio}") String readingTime, EmergencyBulletins emergencies) {
		this.emergencies = emergencies;
		if (!readingTime.equals("audio") && !readingTime.equals("syllables")) {
			throw new IllegalArgumentException(
					"loa.radio.reading-time must be audio or syllables, was '" + readingTime + "'");
		}
		this.readingFromAudio = readingTime.equals("audio");
		this.audiences = audiences;
		this.spoken = spoken;
		this.audio = audio;
		this.events = events;
		this.stations = stations;
		this.entries = entries;
		this.catalog = catalog;
		this.zone = zone;
	}

	@ApplicationModuleListener
	void on(ContentPublished event) {
		queue(List.of(event));
	}

	/** Items that went out together are queued together, in one batch. */
	@ApplicationModuleListener
	void on(ItemsPublished event) {
		queue(event.items());
	}

	private void queue(List<ContentPublished> published) {
		List<ContentPublished> onRadio = published.stream().filter((event) -> event.includes(Outlet.RADIO)).toList();
		if (onRadio.isEmpty()) {
			return;
		}
		Map<String, ContentItem> found = new HashMap<>();
		this.catalog.findAll(onRadio.stream().map(ContentPublished::itemId).toList())
			.forEach((item) -> found.put(item.id(), item));
		Map<String, Queueing> queueing = new LinkedHashMap<>();
		Map<String, String> owners = new LinkedHashMap<>();
		for (ContentPublished event : onRadio) {
			ContentItem item = found.get(event.itemId());
			if (item == null) {
				logger.warn("Published item " + event.itemId() + " is not in the catalog: not queued for radio");
			}
			else if (item.status() == ContentStatus.WITHDRAWN) {
				logger.info("Published item " + item.id() + " was withdrawn since: not queued for radio");
			}
			else {
				queueing.put(item.id(), new Queueing(item, event));
				owners.put(item.id(), item.organisation());
			}
		}
		Map<String, List<String>> audiences = this.audiences.of(owners);
		Map<String, List<RadioStation>> byOrganisation = new HashMap<>();
		this.stations.reading(audiences.values().stream().flatMap(List::stream).collect(Collectors.toSet()))
			.forEach((station) -> byOrganisation.computeIfAbsent(station.organisation(), (o) -> new ArrayList<>())
				.add(station));
		List<RadioEntries.NewEntry> entries = new ArrayList<>();
		Map<RadioAudio.Rendering, List<RadioEntries.Key>> renderings = new LinkedHashMap<>();
		Map<String, EmergencyTerms> terms = this.emergencies.terms(queueing.values()
			.stream()
			.filter((queued) -> queued.item().priority() == Priority.EMERGENCY)
			.map((queued) -> queued.item().id())
			.toList());
		SlotRoom room = new SlotRoom(this.entries,
				byOrganisation.values().stream().flatMap(List::stream).map(RadioStation::id).toList(),
				queueing.values()
					.stream()
					.filter((queued) -> queued.item().priority() == Priority.NORMAL)
					.map((queued) -> LocalDateTime.ofInstant(basis(queued.event()), this.zone).toLocalDate())
					.toList());
		// Emergency and priority items claim their room first: an ordinary item of the
		// same
		// batch fits around them.
		List<Queueing> ordered = new ArrayList<>(queueing.values());
		ordered.sort(java.util.Comparator.comparingInt((Queueing queued) -> queued.item().priority().rank()));
		ordered.forEach((queued) -> {
			ContentItem item = queued.item();
			String id = item.id();
			List<String> audience = audiences.getOrDefault(id, List.of(item.organisation()));
			String script = item.script();
			// Said, and counted, in each station's own variant: at most three countings.
			Map<Variant, Integer> syllablesIn = new java.util.EnumMap<>(Variant.class);
			List<RadioStation> stations = audience.stream()
				.flatMap((organisation) -> byOrganisation.getOrDefault(organisation, List.of()).stream())
				.toList();
			if (stations.isEmpty()) {
				logger.info("No radio station reads for " + String.join(", ", audience) + ": " + id + " not queued");
				this.events.publishEvent(new OutletReachedNobody(id, Outlet.RADIO));
			}
			for (RadioStation station : stations) {
				Variant variant = this.spoken.variant(station);
				int syllables = syllablesIn.computeIfAbsent(variant, (v) -> this.spoken.syllables(script, v));
				renderings
					.computeIfAbsent(new RadioAudio.Rendering(script, station.syllablesPerMinute(), variant),
							(rendering) -> new ArrayList<>())
					.add(new RadioEntries.Key(station.id(), id));
				int seconds = ReadingTime.seconds(syllables, station.syllablesPerMinute());
				entries.add(entry(station, queued, script, syllables, seconds, room, terms.get(id)));
			}
		});
		this.entries.appendAll(entries);
		// Once a script is rendered, its entries still waiting to be read take the
		// audio's
		// length as their reading time (loa.radio.reading-time=audio, the default).
		this.audio.prepare(renderings.keySet(), (rendering, seconds) -> {
			if (this.readingFromAudio) {
				this.entries.retime(renderings.getOrDefault(rendering, List.of()), seconds);
			}
		});
	}

	/**
	 * Where one item goes at one station: an emergency bulletin at once, outside the
	 * daily slots, repeated as its terms say; a priority item at the head of the slot it
	 * is due in; an ordinary item in the first slot from there with room for it, saying
	 * which slot it moved from when that one was full.
	 */
	private RadioEntries.NewEntry entry(RadioStation station, Queueing queued, String script, int syllables,
			int seconds, SlotRoom room, @Nullable EmergencyTerms terms) {
		ContentItem item = queued.item();
		if (item.priority() == Priority.EMERGENCY) {
			LocalDateTime now = LocalDateTime.ofInstant(queued.event().publishedAt(), this.zone)
				.truncatedTo(ChronoUnit.SECONDS);
			return new RadioEntries.NewEntry(station.id(), item.id(), now, item.title(), script, syllables, seconds,
					Priority.EMERGENCY, null, (terms != null) ? terms.repeatMinutes() : null,
					(terms != null) ? terms.expiresAt() : null);
		}
		LocalDateTime due = slotFor(station, queued.event(), this.zone);
		if (item.priority() == Priority.PRIORITY) {
			room.take(station, due, seconds);
			return new RadioEntries.NewEntry(station.id(), item.id(), due, item.title(), script, syllables, seconds,
					Priority.PRIORITY, null, null, null);
		}
		LocalDateTime slot = room.firstWithRoom(station, due, seconds);
		room.take(station, slot, seconds);
		return new RadioEntries.NewEntry(station.id(), item.id(), slot, item.title(), script, syllables, seconds,
				Priority.NORMAL, slot.equals(due) ? null : due, null, null);
	}

	/** An item to queue and the publication it comes from. */
	private record Queueing(ContentItem item, ContentPublished event) {

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
	 * A corrected item: where it still waits to be read, the announcer reads the new
	 * text; where it was read, the station reads the correction at the head of its next
	 * slot. Each correction is queued once per station.
	 */
	@ApplicationModuleListener
	void on(ContentCorrected event) {
		List<RadioEntries.NewEntry> corrections = new ArrayList<>();
		LocalDateTime now = LocalDateTime.ofInstant(event.correctedAt(), this.zone);
		for (RadioEntry entry : this.entries.ofItem(event.itemId())) {
			Optional<RadioStation> found = this.stations.find(entry.stationId());
			if (found.isEmpty()) {
				continue;
			}
			RadioStation station = found.get();
			Variant variant = this.spoken.variant(station);
			if (entry.status() == RadioStatus.QUEUED) {
				int syllables = this.spoken.syllables(event.script(), variant);
				this.entries.rewrite(entry.id(), event.title(), event.script(), syllables,
						ReadingTime.seconds(syllables, station.syllablesPerMinute()));
			}
			else if (entry.status() == RadioStatus.AIRED && event.scriptChanged()) {
				String script = "Xin đính chính tin “" + event.title() + "” đã phát ngày "
						+ DAY.format(entry.slotDate()) + ". " + event.note();
				int syllables = this.spoken.syllables(script, variant);
				corrections.add(new RadioEntries.NewEntry(station.id(), event.itemId(), station.firstSlotAtOrAfter(now),
						"Đính chính: " + event.title(), script, syllables,
						ReadingTime.seconds(syllables, station.syllablesPerMinute()), Priority.PRIORITY, null, null,
						null, event.seq()));
			}
		}
		int queued = this.entries.appendAll(corrections);
		if (queued > 0) {
			logger.info("Correction " + event.seq() + " of " + event.itemId() + " queued at " + queued + " station(s)");
		}
	}

	/**
	 * The slot an item goes into: the first at or after its due time, or, when it went
	 * out late, after the time it actually went out (a slot already past cannot be read).
	 */
	static LocalDateTime slotFor(RadioStation station, ContentPublished event, ZoneId zone) {
		return station.firstSlotAtOrAfter(LocalDateTime.ofInstant(basis(event), zone));
	}

	private static Instant basis(ContentPublished event) {
		Instant due = event.dueAt();
		return (event.late() || due == null) ? event.publishedAt() : due;
	}

}
