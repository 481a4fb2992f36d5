package vn.loa.channels.radio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.Principal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The printable radio script sheet of a day ({@code /radio}) and the radio API: a day's
 * entries, and marking an entry aired or skipped.
 */
import vn.loa.organisations.Scope;

@Controller
class RadioController {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final RadioQueue queue;

	private final ScopedRadio scoped;

	private final RadioExport export;

	RadioController(RadioQueue queue, ScopedRadio scoped, RadioExport export) {
		this.export = export;
		this.queue = queue;
		this.scoped = scoped;
	}

	@GetMapping("/radio")
	String sheet(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
			@RequestParam(required = false) @Nullable String station, Model model, Locale locale) {
		LocalDate day = (date != null) ? date : this.queue.today();
		List<StationSheet> sheets = stations(station).stream()
			.map((s) -> new StationSheet(s, this.queue.day(s, day).stream().map(SlotSheet::of).toList()))
			.toList();
		model.addAttribute("date", day);
		model.addAttribute("dateText", weekday(day.getDayOfWeek(), locale) + ", " + DATE.format(day));
		model.addAttribute("previous", day.minusDays(1));
		model.addAttribute("next", day.plusDays(1));
		model.addAttribute("station", station);
		model.addAttribute("stations", this.queue.stations());
		model.addAttribute("sheets", sheets);
		return "radio";
	}

	/**
	 * A station's programme from {@code date} (today) to {@code to} (the same day), at
	 * most {@value RadioExport#MAX_DAYS} days, as the archive a smart-radio platform
	 * imports.
	 */
	@GetMapping("/api/radio/export")
	ResponseEntity<byte[]> export(@RequestParam String station,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Scope scope) throws IOException {
		return archive(this.export, this.scoped.station(scope, station.strip()),
				(date != null) ? date : this.queue.today(), to);
	}

	/** The archive as a download, or 400 naming what is wrong with the range. */
	static ResponseEntity<byte[]> archive(RadioExport export, RadioStation station, LocalDate from,
			@Nullable LocalDate to) throws IOException {
		LocalDate last = (to != null) ? to : from;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			export.write(station, from, last, out);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage(), ex);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header("Content-Disposition",
					ContentDisposition.attachment()
						.filename(RadioExport.fileName(station, from, last))
						.build()
						.toString())
			.body(out.toByteArray());
	}

	@GetMapping("/api/radio/entries")
	@ResponseBody
	List<RadioEntry> entries(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
			@RequestParam(required = false) @Nullable String station, Scope scope) {
		LocalDate day = (date != null) ? date : this.queue.today();
		List<RadioStation> stations = (station == null || station.isBlank()) ? this.scoped.stations(scope)
				: List.of(this.scoped.station(scope, station));
		// A station's emergency bulletins on air (or issued that day) come first, outside
		// the slots; then the day's slots in reading order.
		return stations.stream()
			.flatMap((s) -> java.util.stream.Stream.concat(this.queue.emergencies(s, day).stream(),
					this.queue.entries(s, day).stream()))
			.toList();
	}

	@PostMapping("/api/radio/entries/{id}/aired")
	@ResponseBody
	ResponseEntity<RadioEntry> aired(@PathVariable long id, Principal announcer, Scope scope) {
		if (this.scoped.entry(scope, id).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.of(mark(id, RadioStatus.AIRED, announcer));
	}

	@PostMapping("/api/radio/entries/{id}/skipped")
	@ResponseBody
	ResponseEntity<RadioEntry> skipped(@PathVariable long id, @RequestParam(required = false) @Nullable String reason,
			Principal announcer, Scope scope) {
		if (this.scoped.entry(scope, id).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.of(this.queue.mark(id, RadioStatus.SKIPPED, reason, announcer.getName()));
	}

	private java.util.Optional<RadioEntry> mark(long id, RadioStatus status, Principal announcer) {
		return this.queue.mark(id, status, announcer.getName());
	}

	private List<RadioStation> stations(@Nullable String station) {
		if (station == null || station.isBlank()) {
			return this.queue.stations();
		}
		return List.of(this.queue.station(station)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no radio station " + station)));
	}

	/** "Thứ Tư", or "Wednesday" for a reader of English. */
	private static String weekday(DayOfWeek day, Locale locale) {
		Locale language = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : VIETNAMESE;
		String name = day.getDisplayName(TextStyle.FULL, language);
		return name.substring(0, 1).toUpperCase(language) + name.substring(1);
	}

	static String minutesSeconds(int seconds) {
		return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
	}

	/** One station's slots on the sheet. */
	record StationSheet(RadioStation station, List<SlotSheet> slots) {

	}

	/** One slot on the sheet, times already written out. */
	record SlotSheet(String time, int minutes, String total, boolean over, List<LineSheet> lines) {

		static SlotSheet of(RadioSlotPlan plan) {
			return new SlotSheet(plan.slot().time().toString(), plan.slot().minutes(),
					minutesSeconds(plan.totalSeconds()), plan.overLength(),
					plan.lines().stream().map(LineSheet::of).toList());
		}

	}

	/** One entry on the sheet; its status is the key of its words in the messages. */
	record LineSheet(int order, String title, String script, String reading, String running, boolean over,
			String status) {

		static LineSheet of(RadioSlotPlan.Line line) {
			RadioEntry entry = line.entry();
			return new LineSheet(entry.order(), entry.title(), entry.script(), minutesSeconds(entry.readingSeconds()),
					minutesSeconds(line.runningSeconds()), line.over(), entry.status().name());
		}

	}

}
