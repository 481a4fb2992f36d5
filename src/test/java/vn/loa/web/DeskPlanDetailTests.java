package vn.loa.web;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.CalendarService;
import vn.loa.calendar.Plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What a plan's page lists, against the shipped {@code calendar/}: which schedules are
 * written against the plan, and when the anniversaries it names next fall.
 */
class DeskPlanDetailTests {

	private static final CalendarBook BOOK = new CalendarService(Path.of("calendar")).book();

	private static final Plan PLAN = BOOK.plan("443-kh-tu").orElseThrow();

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2026-09-02 | quoc-khanh         | 02/09/2026 | 81  | 2026-09
			2026-09-03 | quoc-khanh         | 02/09/2027 | 82  | 2027-09
			2026-01-10 | tet-nguyen-dan     | 1/1 âm lịch, 17/02/2026 |  | 2026-02
			2026-04-26 | gio-to-hung-vuong  | 10/3 âm lịch, 26/04/2026 |  | 2026-04
			""")
	void anAnniversaryNextFallsOnItsFirstOccurrenceFromToday(LocalDate today, String id, String next, Integer ordinal,
			String month) {
		Plan naming = new Plan("thu", null, "Ban Tuyên giáo", null, null, "Thử", List.of(), List.of(), List.of(id),
				List.of(), List.of(), "default");

		DeskPlanDetail.AnniversaryRow row = DeskPlanDetail.anniversaries(naming, BOOK, today).get(0);

		assertThat(row.nextDate()).isEqualTo(next);
		assertThat(row.ordinal()).isEqualTo(ordinal);
		assertThat(row.month()).isEqualTo(month);
	}

	@Test
	void theAnniversariesAndEventsOfTheRealPlanKeepItsOrderAndAnUnknownDateStaysUnknown() {
		assertThat(DeskPlanDetail.anniversaries(PLAN, BOOK, LocalDate.of(2026, 11, 22)))
			.extracting(DeskPlanDetail.AnniversaryRow::id)
			.containsExactly("thanh-lap-dang", "giai-phong-mien-nam", "sinh-nhat-bac-ho", "quoc-khanh",
					"tong-tuyen-cu");
		assertThat(DeskPlanDetail.events(PLAN, BOOK))
			.extracting(DeskPlanDetail.EventRow::id, DeskPlanDetail.EventRow::dates, DeskPlanDetail.EventRow::month)
			.containsExactly(tuple("dai-hoi-thanh-pho-vung-tau-viii", null, null),
					tuple("dai-hoi-tinh-ba-ria-vung-tau-viii", null, null),
					tuple("dai-hoi-xiv", "19/01/2026 – 23/01/2026", "2026-01"));
	}

}
