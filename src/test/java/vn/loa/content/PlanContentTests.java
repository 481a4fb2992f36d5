package vn.loa.content;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.CalendarService;
import vn.loa.calendar.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which items carry out a plan, against the shipped calendar and plan 443-KH/TU (phases
 * from 03/10/2024, the second until the XIV Congress; names Quốc khánh and Đại hội XIV).
 */
class PlanContentTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final CalendarBook BOOK = new CalendarService(Path.of("calendar")).book();

	@ParameterizedTest(name = "{0} -> 443-KH/TU: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			start of phase 2 of 443-KH/TU, 07:00        | true
			end of phase 1 of 443-kh-tu                 | true
			start of phase 1 of 83-KH/HU, 07:00         | false
			anniversary quoc-khanh 2025, 1 day before   | true
			anniversary quoc-khanh 2019                 | false
			anniversary thanh-lap-hoi-phu-nu 2025       | false
			2025-09-02 06:00                            | false
			""")
	void anItemCarriesOutAPlanThroughItsPhasesOrWhatItNamesWhileItRuns(String when, boolean carriesOut) {
		Plan plan = BOOK.plan("443-KH/TU").orElseThrow();
		assertThat(PlanContent.carriesOut(when, dueAt(when), plan, BOOK, ZONE)).isEqualTo(carriesOut);
	}

	/** When the schedule resolves; a plan without phases has no phase 1 to start. */
	private static Instant dueAt(String when) {
		try {
			return Schedule.resolve(when, BOOK, ZONE).toInstant();
		}
		catch (Schedule.ScheduleException ex) {
			return null;
		}
	}

}
