package vn.loa.calendar;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WrittenOrdinalsTests {

	@ParameterizedTest
	@ValueSource(strings = { "Kỷ niệm 80 năm Ngày Quốc khánh nước CHXHCN Việt Nam (02/9/1945 - 02/9/2025)",
			"Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930-03/02/2025)",
			"50 năm Ngày giải phóng miền Nam, thống nhất đất nước (30/4/1975–30/4/2025)",
			"135 năm Ngày sinh Chủ tịch Hồ Chí Minh (19.5.1890 — 19.5.2025)",
			"Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07-5-1954 - 07-5-2024)", "không có ngày kỷ niệm nào ở đây" })
	void acceptsOrdinalsThatAgreeWithTheirDates(String text) {
		assertThat(WrittenOrdinals.check(text)).isEmpty();
	}

	@Test
	void reportsAnOrdinalThatDisagreesWithItsDatesOnItsLine() {
		String text = "Kế hoạch tuyên truyền\nKỷ niệm 71 năm Ngày Nam Kỳ khởi nghĩa (16/11/1974-16/11/2018)";
		assertThat(WrittenOrdinals.check(text)).containsExactly(new WrittenOrdinals.Finding(2,
				"'71 năm Ngày Nam Kỳ khởi nghĩa (16/11/1974-16/11/2018)' says 71 năm but its dates are 44 years apart",
				WrittenOrdinals.Kind.WRONG_COUNT,
				List.of("71 năm Ngày Nam Kỳ khởi nghĩa (16/11/1974-16/11/2018)", "71", "44")));
	}

	@Test
	void reportsAnImpossibleDateAndDifferentDaysOfTheYear() {
		assertThat(WrittenOrdinals.check("80 năm (30/02/1945 - 30/02/2025)"))
			.extracting(WrittenOrdinals.Finding::message)
			.containsExactly("impossible date '30/02/1945' in '80 năm (30/02/1945 - 30/02/2025)'");
		assertThat(WrittenOrdinals.check("80 năm (02/9/1945 - 03/9/2025)")).extracting(WrittenOrdinals.Finding::message)
			.containsExactly("'80 năm (02/9/1945 - 03/9/2025)' counts from and to different days of the year");
	}

}
