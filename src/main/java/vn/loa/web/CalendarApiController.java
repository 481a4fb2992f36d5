package vn.loa.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.loa.calendar.CalendarService;
import vn.loa.calendar.LunarDate;
import vn.loa.calendar.Occurrence;
import vn.loa.calendar.VietnameseDates;
import vn.loa.content.LeadTimes;
import vn.loa.content.Preparation;

/** The calendar seen from the editors' side: what is coming and not yet prepared. */
@RestController
@RequestMapping("/api/calendar")
class CalendarApiController {

	private final Preparation preparation;

	private final CalendarService calendar;

	private final LeadTimes leadTimes;

	private final Clock clock;

	CalendarApiController(Preparation preparation, CalendarService calendar, LeadTimes leadTimes, Clock clock) {
		this.preparation = preparation;
		this.calendar = calendar;
		this.leadTimes = leadTimes;
		this.clock = clock;
	}

	/** Anniversary occurrences in a date range, lunar ones with both dates. */
	@GetMapping("/occurrences")
	ResponseEntity<?> occurrences(@RequestParam String from, @RequestParam String to) {
		LocalDate first;
		LocalDate last;
		try {
			first = LocalDate.parse(from);
			last = LocalDate.parse(to);
		}
		catch (java.time.format.DateTimeParseException ex) {
			return ResponseEntity.badRequest()
				.body(Map.of("field", "from/to", "message", "dates are yyyy-MM-dd: " + ex.getParsedString()));
		}
		if (last.isBefore(first) || last.isAfter(first.plusYears(10))) {
			return ResponseEntity.badRequest()
				.body(Map.of("field", "to", "message", "to must be on or after from, and at most 10 years later"));
		}
		return ResponseEntity.ok(this.calendar.book().occurrencesBetween(first, last).stream().map((o) -> {
			Map<String, Object> row = occurrence(o);
			row.put("leadDays", this.leadTimes.daysFor(o));
			return row;
		}).toList());
	}

	/**
	 * Occurrences in the next {@code days} days with no content yet, most urgent first.
	 */
	@GetMapping("/upcoming")
	ResponseEntity<?> upcoming(@RequestParam(defaultValue = "90") int days) {
		if (days < 1 || days > 3660) {
			return ResponseEntity.badRequest()
				.body(Map.of("field", "days", "message", "days must be between 1 and 3660, not " + days));
		}
		LocalDate today = LocalDate.now(this.clock);
		List<Map<String, Object>> rows = this.preparation.unprepared(today, days).stream().map((u) -> {
			Map<String, Object> row = occurrence(u.occurrence());
			row.put("leadDays", u.leadDays());
			row.put("prepareFrom", VietnameseDates.display(u.occurrence().date().minusDays(u.leadDays())));
			row.put("daysUntilPreparation", u.daysUntilPreparation());
			return row;
		}).toList();
		return ResponseEntity.ok(rows);
	}

	private static Map<String, Object> occurrence(Occurrence o) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("anniversary", o.anniversary().id());
		row.put("date", o.date().toString());
		row.put("displayDate", o.displayDate());
		row.put("lunarDate", o.lunarDate().map(LunarDate::dayAndMonth).orElse(null));
		row.put("title", o.title());
		row.put("ordinal", o.ordinal());
		row.put("class", o.occurrenceClass().name());
		row.put("tier", o.anniversary().tier().name());
		return row;
	}

}
