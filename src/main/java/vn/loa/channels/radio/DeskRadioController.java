package vn.loa.channels.radio;

import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loa.organisations.Scope;

/**
 * The announcers' desk: each station's rundown for today and tomorrow with running totals
 * against the slot, marking entries aired or skipped, and a large-print sheet to read
 * from.
 */
@Controller
class DeskRadioController {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

	/** A time on a day of this year's rundown: {@code 17:00 06/09}. */
	private static final DateTimeFormatter TIME_ON_DAY = DateTimeFormatter.ofPattern("HH:mm dd/MM");

	private final ZoneId zone;

	private final SpokenScripts spoken;

	private final RadioQueue queue;

	private final ScopedRadio scoped;

	private final RadioAudio audio;

	private final RadioStations stations;

	private final RadioExport export;

	DeskRadioController(RadioQueue queue, ScopedRadio scoped, RadioAudio audio, RadioStations stations,
			RadioExport export, ZoneId zone, SpokenScripts spoken) {
		this.spoken = spoken;
		this.zone = zone;
		this.export = export;
		this.queue = queue;
		this.scoped = scoped;
		this.audio = audio;
		this.stations = stations;
	}

	/**
	 * An entry's script as audio, for the announcer to play from the rundown: rendered at
	 * its station's speed (on the spot if the background has not yet), 503 with the
	 * reason when this machine has no speech engine.
	 */
	@GetMapping("/desk/radio/entries/{id}/audio")
	ResponseEntity<Resource> audio(@PathVariable long id, Scope scope) throws IOException {
		RadioEntry entry = this.scoped.entry(scope, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no radio entry " + id));
		RadioStation station = this.stations.find(entry.stationId()).orElse(RadioStation.DEFAULT);
		// An entry's script does not change: the player may keep it for an hour.
		return this.audio.download(entry.script(), station.syllablesPerMinute(), this.spoken.variant(station),
				CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate());
	}

	/**
	 * The rundown of one station ({@code ?station=}) or, without one, of every station
	 * when there are few; a province with dozens of stations picks one first.
	 */
	@GetMapping("/desk/radio")
	String rundown(@RequestParam(required = false) @Nullable String station, Model model, Scope scope) {
		LocalDate today = this.queue.today();
		List<RadioStation> all = this.scoped.stations(scope);
		List<RadioStation> shown;
		if (station != null && !station.isBlank()) {
			shown = List.of(this.scoped.station(scope, station.strip()));
		}
		else {
			shown = (all.size() <= ALL_AT_ONCE) ? all : List.of();
		}
		List<Day> days = List.of(today, today.plusDays(1))
			.stream()
			.map((date) -> new Day(date, DATE.format(date), shown.stream().map((s) -> station(s, date)).toList()))
			.toList();
		Instant now = this.queue.now();
		model.addAttribute("emergencies",
				shown.stream()
					.flatMap((s) -> this.queue.emergencies(s)
						.stream()
						.map((entry) -> Emergency.of(s.name(), entry, now, this.zone)))
					.toList());
		model.addAttribute("days", days);
		model.addAttribute("stations", all);
		model.addAttribute("chosen", (station != null) ? station.strip() : "");
		model.addAttribute("pick", all.size() > ALL_AT_ONCE && shown.isEmpty());
		model.addAttribute("audioMissing", this.audio.unavailable().orElse(null));
		return "desk-radio";
	}

	/**
	 * A station's programme for a day as the archive a smart-radio platform imports
	 * (audio, scripts, playlists and manifest: {@link RadioExport}).
	 */
	@GetMapping("/desk/radio/export")
	ResponseEntity<byte[]> export(@RequestParam String station,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
			Scope scope) throws IOException {
		return RadioController.archive(this.export, this.scoped.station(scope, station.strip()),
				(date != null) ? date : this.queue.today(), null);
	}

	/** Up to this many stations, the rundown shows them all on one page. */
	static final int ALL_AT_ONCE = 6;

	@GetMapping("/desk/radio/print")
	String print(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
			@RequestParam(required = false) @Nullable String station, Model model, Scope scope) {
		LocalDate day = (date != null) ? date : this.queue.today();
		List<RadioStation> stations = (station == null || station.isBlank()) ? this.scoped.stations(scope)
				: List.of(this.scoped.station(scope, station));
		model.addAttribute("dateText", DATE.format(day));
		model.addAttribute("sheets", stations.stream().map((s) -> station(s, day)).toList());
		return "desk-radio-print";
	}

	@PostMapping("/desk/radio/entries/{id}/aired")
	String aired(@PathVariable long id, Principal announcer, RedirectAttributes redirect, Scope scope) {
		return mark(id, RadioStatus.AIRED, null, announcer, redirect, scope);
	}

	@PostMapping("/desk/radio/entries/{id}/skipped")
	String skipped(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, Principal announcer,
			RedirectAttributes redirect, Scope scope) {
		return mark(id, RadioStatus.SKIPPED, reason, announcer, redirect, scope);
	}

	private RadioEntry entry(long id, Scope scope) {
		return this.scoped.entry(scope, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no radio entry " + id));
	}

	private String mark(long id, RadioStatus status, @Nullable String reason, Principal announcer,
			RedirectAttributes redirect, Scope scope) {
		entry(id, scope);
		this.queue.mark(id, status, reason, announcer.getName()).ifPresent((entry) -> {
			redirect.addFlashAttribute("marked", entry.title());
			redirect.addFlashAttribute("markedStatus", status.name());
		});
		return "redirect:/desk/radio#entry-" + id;
	}

	private StationDay station(RadioStation station, LocalDate date) {
		LocalDateTime local = LocalDateTime.ofInstant(this.queue.now(), this.zone);
		return new StationDay(station, date.toString(),
				this.queue.day(station, date).stream().map((plan) -> Slot.of(plan, local)).toList());
	}

	/** One day of the rundown. */
	record Day(LocalDate date, String dateText, List<StationDay> stations) {

	}

	/** One station's slots on a day. */
	record StationDay(RadioStation station, String date, List<Slot> slots) {

	}

	/**
	 * An emergency entry as the announcer reads it, above every slot: at once, or at its
	 * next repeat.
	 *
	 * @param station the station's name
	 * @param id the entry
	 * @param title its title
	 * @param script what is read
	 * @param reading how long reading it takes
	 * @param due whether it is to be read now
	 * @param next when it is next read ({@code HH:mm}), or {@code null} once it has ended
	 * @param until when it stops being read ({@code HH:mm dd/MM}), or {@code null}
	 * @param repeatMinutes minutes between readings, or {@code null}
	 * @param airings how many times it was read
	 */
	record Emergency(String station, long id, String title, String script, String reading, boolean due,
			@Nullable String next, @Nullable String until, @Nullable Integer repeatMinutes, int airings) {

		static Emergency of(String station, RadioEntry entry, Instant now, ZoneId zone) {
			Instant next = entry.nextAiring(now);
			Instant until = entry.validUntil();
			return new Emergency(station, entry.id(), entry.title(), entry.script(),
					RadioController.minutesSeconds(entry.readingSeconds()), next != null && !next.isAfter(now),
					(next != null) ? CLOCK.format(next.atZone(zone)) : null,
					(until != null) ? TIME_ON_DAY.format(until.atZone(zone)) : null, entry.repeatMinutes(),
					entry.airings());
		}

	}

	/**
	 * A slot with its entries and how their reading time compares with its length.
	 *
	 * @param time when it starts
	 * @param minutes how long it lasts
	 * @param total the reading time of its entries
	 * @param over whether they run past its end
	 * @param room the time its entries leave free ({@code 4:30}), or {@code null} when
	 * they overrun
	 * @param current whether the slot is on air now
	 * @param left in the slot on air, the time until it ends
	 * @param nextId in the slot on air, the first entry still to read, or 0
	 * @param lines the entries in reading order
	 */
	record Slot(String time, int minutes, String total, boolean over, @Nullable String room, boolean current,
			@Nullable String left, long nextId, List<Line> lines) {

		static Slot of(RadioSlotPlan plan, LocalDateTime now) {
			LocalDateTime start = plan.date().atTime(plan.slot().time());
			LocalDateTime end = start.plusMinutes(plan.slot().minutes());
			boolean current = !now.isBefore(start) && now.isBefore(end);
			int free = plan.slot().seconds() - plan.totalSeconds();
			long next = plan.lines()
				.stream()
				.map(RadioSlotPlan.Line::entry)
				.filter((entry) -> entry.status() == RadioStatus.QUEUED)
				.mapToLong(RadioEntry::id)
				.findFirst()
				.orElse(0);
			return new Slot(plan.slot().time().toString(), plan.slot().minutes(),
					RadioController.minutesSeconds(plan.totalSeconds()), plan.overLength(),
					(free >= 0) ? RadioController.minutesSeconds(free) : null, current,
					current ? RadioController.minutesSeconds((int) java.time.Duration.between(now, end).toSeconds())
							: null,
					current ? next : 0, plan.lines().stream().map(Line::of).toList());
		}

	}

	/**
	 * One entry of a slot, with the running total up to it.
	 *
	 * @param priority {@code NORMAL} or {@code PRIORITY}
	 * @param movedFrom the full slot it moved from ({@code 06:00 02/09}), or {@code null}
	 */
	record Line(long id, int order, String title, String script, String reading, String running, boolean over,
			String status, @Nullable String reason, String priority, @Nullable String movedFrom) {

		static Line of(RadioSlotPlan.Line line) {
			RadioEntry entry = line.entry();
			LocalDateTime moved = entry.movedFrom();
			return new Line(entry.id(), entry.order(), entry.title(), entry.script(),
					RadioController.minutesSeconds(entry.readingSeconds()),
					RadioController.minutesSeconds(line.runningSeconds()), line.over(), entry.status().name(),
					entry.reason(), entry.priority().name(), (moved != null) ? TIME_ON_DAY.format(moved) : null);
		}

	}

}
