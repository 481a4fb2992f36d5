package vn.loa.calendar;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Surefire runs in America/Los_Angeles; the same answers must come out in UTC and in
 * Vietnam's own zone, where a day starts 14 or 15 hours earlier.
 */
class ZoneIndependenceTests {

	private TimeZone original;

	@BeforeEach
	void rememberZone() {
		this.original = TimeZone.getDefault();
	}

	@AfterEach
	void restoreZone() {
		TimeZone.setDefault(this.original);
	}

	@ParameterizedTest
	@ValueSource(strings = { "UTC", "Asia/Ho_Chi_Minh", "Pacific/Kiritimati", "Pacific/Pago_Pago" })
	void answersTheSameInAnyDefaultZone(String zone) {
		List<String> expected = answers();
		TimeZone.setDefault(TimeZone.getTimeZone(zone));
		assertThat(TimeZone.getDefault().getID()).isEqualTo(zone);
		assertThat(answers()).isEqualTo(expected);
	}

	/** Occurrences, phases and events of the real calendar, written out as text. */
	private static List<String> answers() {
		CalendarBook book = CalendarLoader.load(Path.of("calendar")).book();
		List<String> answers = new ArrayList<>();
		for (Occurrence occurrence : book.occurrencesBetween(LocalDate.of(2024, 12, 31), LocalDate.of(2026, 1, 6))) {
			answers.add(occurrence.date() + " " + occurrence.ordinal() + " " + occurrence.occurrenceClass() + " "
					+ occurrence.title());
		}
		for (Plan plan : book.plans()) {
			for (Phase phase : plan.phases()) {
				answers.add(plan.id() + " " + phase.number() + " " + phase.start() + " " + phase.endIn(book));
				for (LocalDate day = LocalDate.of(2024, 10, 1); day
					.isBefore(LocalDate.of(2026, 2, 1)); day = day.plusDays(1)) {
					answers.add(day + " " + phase.overlaps(day, day, book));
				}
			}
		}
		book.eventsBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))
			.forEach((event) -> answers.add(event.id() + " " + event.start() + " " + event.endDate()));
		return answers;
	}

}
