package vn.loa.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LunarCalendarTests {

	@ParameterizedTest
	@CsvSource({ "2024-02-10, 2024", "2025-01-29, 2025", "2026-02-17, 2026", "2027-02-06, 2027",
			// Vietnam's UTC+7 puts these new moons a day before China's UTC+8.
			"1985-01-21, 1985", "2007-02-17, 2007",
			// The North's first Tết on UTC+7, a day before the South's (Tết Mậu Thân).
			"1968-01-29, 1968" })
	void findsTet(LocalDate tet, int year) {
		assertThat(LunarCalendar.toSolar(new LunarDate(1, 1, year, false))).contains(tet);
		assertThat(LunarCalendar.toLunar(tet)).isEqualTo(new LunarDate(1, 1, year, false));
		assertThat(LunarCalendar.toLunar(tet.minusDays(1))).satisfies((eve) -> {
			assertThat(eve.year()).isEqualTo(year - 1);
			assertThat(eve.month()).isEqualTo(12);
			assertThat(eve.day()).isIn(29, 30);
		});
	}

	@ParameterizedTest
	@CsvSource({ "2024-04-18, 2024", "2025-04-07, 2025", "2026-04-26, 2026" })
	void findsTheDeathAnniversaryOfTheHungKings(LocalDate date, int year) {
		assertThat(LunarCalendar.toSolar(new LunarDate(10, 3, year, false))).contains(date);
		assertThat(LunarCalendar.toLunar(date)).isEqualTo(new LunarDate(10, 3, year, false));
	}

	@ParameterizedTest
	@CsvSource({ "2025, 6", "2028, 5", "2023, 2", "2020, 4", "2017, 6", "2033, 11" })
	void findsTheLeapMonth(int year, int month) {
		assertThat(LunarCalendar.leapMonth(year)).hasValue(month);
		LocalDate regular = LunarCalendar.toSolar(new LunarDate(1, month, year, false)).orElseThrow();
		LocalDate leap = LunarCalendar.toSolar(new LunarDate(1, month, year, true)).orElseThrow();
		assertThat(leap).isAfter(regular.plusDays(28)).isBefore(regular.plusDays(31));
	}

	@ParameterizedTest
	@CsvSource({ "2024", "2026", "2027" })
	void hasNoLeapMonthInTwelveMonthYears(int year) {
		assertThat(LunarCalendar.leapMonth(year)).isEmpty();
		assertThat(LunarCalendar.toSolar(new LunarDate(1, 6, year, true))).isEmpty();
	}

	@Test
	void hasNoThirtiethDayInAShortMonth() {
		// Month 12 of lunar year 2024 runs from 31/12/2024 to 28/01/2025: 29 days.
		assertThat(LunarCalendar.toSolar(new LunarDate(29, 12, 2024, false))).contains(LocalDate.of(2025, 1, 28));
		assertThat(LunarCalendar.toSolar(new LunarDate(30, 12, 2024, false))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "1944-06-20, 5, 1944", "2072-12-09, 11, 2072", "2077-11-15, 10, 2077", "2175-01-22, 1, 2175" })
	void startsMonthsOnTheNewMoonDayOfAPreciseEphemeris(LocalDate start, int month, int year) {
		// New moons within minutes of midnight in Vietnam, where cruder formulas put the
		// month a day later; checked against PyEphem.
		assertThat(LunarCalendar.toLunar(start)).isEqualTo(new LunarDate(1, month, year, false));
	}

	@Test
	void convertsEveryDayFrom1900To2199BothWays() {
		LocalDate end = LocalDate.of(2199, 12, 31);
		LunarDate previous = null;
		for (LocalDate day = LocalDate.of(1900, 1, 1); !day.isAfter(end); day = day.plusDays(1)) {
			LunarDate lunar = LunarCalendar.toLunar(day);
			assertThat(lunar.day()).as("%s", day).isBetween(1, 30);
			assertThat(lunar.month()).as("%s", day).isBetween(1, 12);
			if (previous != null && lunar.day() != previous.day() + 1) {
				assertThat(lunar.day()).as("%s follows %s", day, previous).isEqualTo(1);
				assertThat(previous.day()).as("%s ends a month", previous).isIn(29, 30);
			}
			assertThat(LunarCalendar.toSolar(lunar)).as("%s", lunar).contains(day);
			previous = lunar;
		}
	}

	@ParameterizedTest
	@CsvSource({ "1799-12-31", "2200-12-31" })
	void refusesDatesOutsideTheKnownYears(LocalDate date) {
		assertThatExceptionOfType(DateTimeException.class).isThrownBy(() -> LunarCalendar.toLunar(date));
	}

	@Test
	void refusesImpossibleLunarDates() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LunarDate(32, 13, 2025, false));
		assertThatIllegalArgumentException().isThrownBy(() -> new LunarDate(0, 1, 2025, false));
	}

	@Test
	void writesDayAndMonthAsCalendarsDo() {
		assertThat(new LunarDate(10, 3, 2026, false).dayAndMonth()).isEqualTo("10/3");
		assertThat(new LunarDate(1, 6, 2025, true).dayAndMonth()).isEqualTo("1/6 nhuận");
		assertThat(new LunarDate(10, 3, 2026, false)).hasToString("10/3/2026 âm lịch");
	}

}
