package vn.loa.icalendar;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class YearWindowTests {

	private static final YearWindow DEFAULTS = new YearWindow(2024, 2027);

	@Test
	void fallsBackToTheDefaultForEachYearLeftOut() {
		assertThat(YearWindow.parse(null, null, DEFAULTS)).isEqualTo(DEFAULTS);
		assertThat(YearWindow.parse("2026", "", DEFAULTS)).isEqualTo(new YearWindow(2026, 2027));
		assertThat(YearWindow.parse(null, "2025", DEFAULTS)).isEqualTo(new YearWindow(2024, 2025));
	}

	@Test
	void coversWholeYears() {
		YearWindow window = YearWindow.parse("2025", "2034", DEFAULTS);

		assertThat(window.firstDay()).isEqualTo(LocalDate.of(2025, 1, 1));
		assertThat(window.lastDay()).isEqualTo(LocalDate.of(2034, 12, 31));
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", value = { "abc, null", "25, null", "2025-01, null", "null, 20266", "2027, 2026",
			"2020, 2030", "null, 2035" })
	void rejectsMalformedReversedOrTooLongWindows(String from, String to) {
		assertThatExceptionOfType(InvalidYearWindowException.class)
			.isThrownBy(() -> YearWindow.parse(from, to, DEFAULTS));
	}

}
