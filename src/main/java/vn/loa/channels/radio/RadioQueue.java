package vn.loa.channels.radio;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The radio script queue as stations see it: each day's slots with their entries, and
 * marking entries aired or skipped.
 */
import vn.loa.text.PlainText;

@Service
public class RadioQueue {

	private final RadioStations stations;

	private final RadioEntries entries;

	private final Clock clock;

	private final ZoneId zone;

	private final ApplicationEventPublisher events;

	RadioQueue(RadioStations stations, RadioEntries entries, Clock clock, ZoneId zone,
			ApplicationEventPublisher events) {
		this.stations = stations;
		this.events = events;
		this.entries = entries;
		this.clock = clock;
		this.zone = zone;
	}

	/** Today in the Loa zone. */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	/** Every station, by organisation and name. */
	public List<RadioStation> stations() {
		return this.stations.all();
	}

	public Optional<RadioStation> station(String id) {
		return this.stations.find(id);
	}

	/**
	 * How many slots of each station are queued beyond their length between two days
	 * (both included), skipped entries left out; a station without any is absent.
	 */
	public Map<String, Integer> overruns(List<RadioStation> stations, LocalDate from, LocalDate to) {
		Map<String, RadioStation> byId = new java.util.HashMap<>();
		stations.forEach((station) -> byId.put(station.id(), station));
		Map<String, Integer> overruns = new java.util.HashMap<>();
		this.entries.slotTotals(byId.keySet(), from, to).forEach((total) -> {
			RadioStation station = byId.get(total.stationId());
			if (station != null && total.seconds() > station.slotAt(total.time()).seconds()) {
				overruns.merge(station.id(), 1, Integer::sum);
			}
		});
		return overruns;
	}

	/** A station's entries on a day, by slot and order. */
	public List<RadioEntry> entries(RadioStation station, LocalDate date) {
		return this.entries.ofDay(station.id(), date);
	}

	/**
	 * A station's slots on a day with their entries; a slot since removed from the
	 * configuration still shows while it holds entries.
	 */
	public List<RadioSlotPlan> day(RadioStation station, LocalDate date) {
		Map<LocalTime, List<RadioEntry>> bySlot = new LinkedHashMap<>();
		for (RadioEntry entry : this.entries.ofDay(station.id(), date)) {
			bySlot.computeIfAbsent(entry.slotTime(), (time) -> new ArrayList<>()).add(entry);
		}
		TreeSet<LocalTime> times = new TreeSet<>(bySlot.keySet());
		station.slots().forEach((slot) -> times.add(slot.time()));
		return times.stream()
			.map((time) -> RadioSlotPlan.of(station, date, station.slotAt(time), bySlot.getOrDefault(time, List.of())))
			.toList();
	}

	/**
	 * Where a script of {@code syllables} due at {@code dueAt} would be read at each
	 * station of the organisation, and how full each of those slots already is with other
	 * items than {@code itemId} (an item already queued is not counted twice): what the
	 * editor weighs before the script is queued.
	 */
	public List<RadioSlotFit> fit(String itemId, String organisation, Instant dueAt, int syllables) {
		List<RadioSlotFit> fits = new ArrayList<>();
		for (RadioStation station : this.stations.reading(List.of(organisation))) {
			LocalDateTime start = station.firstSlotAtOrAfter(LocalDateTime.ofInstant(dueAt, this.zone));
			int queued = day(station, start.toLocalDate()).stream()
				.filter((plan) -> plan.slot().time().equals(start.toLocalTime()))
				.flatMap((plan) -> plan.lines().stream())
				.map(RadioSlotPlan.Line::entry)
				.filter((entry) -> !entry.itemId().equals(itemId))
				.mapToInt(RadioEntry::readingSeconds)
				.sum();
			fits.add(new RadioSlotFit(station, start.toLocalDate(), station.slotAt(start.toLocalTime()), queued,
					ReadingTime.seconds(syllables, station.syllablesPerMinute())));
		}
		return fits;
	}

	/**
	 * A station's emergency entries: those still on air first (to read now or at their
	 * next repeat), then those of today that have ended.
	 */
	public List<RadioEntry> emergencies(RadioStation station) {
		return emergencies(station, today());
	}

	/**
	 * A station's emergency entries still on air, and those issued on {@code date}: those
	 * still to be read first.
	 */
	public List<RadioEntry> emergencies(RadioStation station, LocalDate date) {
		Instant now = this.clock.instant();
		List<RadioEntry> all = new ArrayList<>(this.entries.emergencies(station.id(), now, date));
		all.sort(java.util.Comparator.comparing((RadioEntry entry) -> entry.nextAiring(now) == null)
			.thenComparing(RadioEntry::id, java.util.Comparator.reverseOrder()));
		return all;
	}

	/** The current instant, by the clock the queue keeps time with. */
	public Instant now() {
		return this.clock.instant();
	}

	public Optional<RadioEntry> find(long id) {
		return this.entries.find(id);
	}

	/**
	 * Marks an entry aired or skipped (or queued again), announced as a
	 * {@link RadioEntryMarked}; empty when there is none.
	 * @param actor the announcer (a username, or {@code api})
	 */
	@Transactional
	public Optional<RadioEntry> mark(long id, RadioStatus status, String actor) {
		return mark(id, status, null, actor);
	}

	/**
	 * Marks an entry; a skipped one keeps why (a commune declining a cascaded item on its
	 * own station), which touches no other station's entry.
	 * @param reason why it is skipped, or {@code null}
	 * @param actor the announcer (a username, or {@code api})
	 */
	@Transactional
	public Optional<RadioEntry> mark(long id, RadioStatus status, @Nullable String reason, String actor) {
		String why = (reason != null && !reason.isBlank()) ? PlainText.normalise(reason.strip()) : null;
		if (why != null && why.length() > 500) {
			why = why.substring(0, 500);
		}
		Optional<RadioEntry> before = this.entries.find(id);
		// An emergency entry marked aired counts one more reading; it is read again after
		// its interval until it expires.
		boolean marked = before.isPresent() && ((before.get().emergency() && status == RadioStatus.AIRED)
				? this.entries.aired(id) : this.entries.mark(id, status, why));
		if (!marked) {
			return Optional.empty();
		}
		this.events.publishEvent(new RadioEntryMarked(actor, id, before.get().itemId(), before.get().status(), status));
		return this.entries.find(id);
	}

}
