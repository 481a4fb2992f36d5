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

import vn.loa.calendar.VietnameseDates;
import vn.loa.content.Preparation;

/** The calendar seen from the editors' side: what is coming and not yet prepared. */
@RestController
@RequestMapping("/api/calendar")
class CalendarApiController {

	private final Preparation preparation;

	private final Clock clock;

	CalendarApiController(Preparation preparation, Clock clock) {
		this.preparation = preparation;
		this.clock = clock;
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
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("anniversary", u.occurrence().anniversary().id());
			row.put("date", u.occurrence().date().toString());
			row.put("displayDate", u.occurrence().displayDate());
			row.put("title", u.occurrence().title());
			row.put("ordinal", u.occurrence().ordinal());
			row.put("class", u.occurrence().occurrenceClass().name());
			row.put("tier", u.occurrence().anniversary().tier().name());
			row.put("leadDays", u.leadDays());
			row.put("prepareFrom", VietnameseDates.display(u.occurrence().date().minusDays(u.leadDays())));
			row.put("daysUntilPreparation", u.daysUntilPreparation());
			return row;
		}).toList();
		return ResponseEntity.ok(rows);
	}

}
