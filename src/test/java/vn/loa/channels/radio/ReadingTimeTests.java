package vn.loa.channels.radio;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingTimeTests {

	@Test
	void countsVietnameseSyllablesAsWordsWithALetterOrDigit() {
		assertThat(ReadingTime.syllables("Kỷ niệm 80 năm Cách mạng Tháng Tám – ngày 19/8!")).isEqualTo(10);
		assertThat(ReadingTime.syllables("  Chào\tmừng\n\nQuốc khánh 2/9 ... ")).isEqualTo(5);
		assertThat(ReadingTime.syllables("")).isZero();
	}

	@Test
	void readsTwoHundredSyllablesInAMinuteAtTwoHundredPerMinute() {
		String script = "Cả nước hân hoan chào mừng ngày lễ Quốc khánh. ".repeat(20);
		int syllables = ReadingTime.syllables(script);
		assertThat(syllables).isEqualTo(200);
		assertThat(ReadingTime.seconds(syllables, 200)).isEqualTo(60);
		assertThat(ReadingTime.seconds(syllables, 240)).isEqualTo(50);
		assertThat(ReadingTime.seconds(1, 200)).isZero();
		assertThat(ReadingTime.seconds(2, 200)).isEqualTo(1);
	}

	@Test
	void keepsARunningTotalAndFlagsWhereItPassesTheSlotLength() {
		RadioSlot slot = new RadioSlot(LocalTime.of(6, 0), 2);
		RadioSlotPlan plan = RadioSlotPlan.of(RadioStation.DEFAULT, LocalDate.of(2025, 9, 1), slot,
				List.of(entry(1, 50), entry(2, 60), entry(3, 15)));
		assertThat(plan.lines()).extracting(RadioSlotPlan.Line::runningSeconds).containsExactly(50, 110, 125);
		assertThat(plan.lines()).extracting(RadioSlotPlan.Line::over).containsExactly(false, false, true);
		assertThat(plan.totalSeconds()).isEqualTo(125);
		assertThat(plan.overLength()).isTrue();
		assertThat(RadioSlotPlan.of(RadioStation.DEFAULT, LocalDate.of(2025, 9, 1), slot, List.of()).overLength())
			.isFalse();
	}

	private static RadioEntry entry(int order, int seconds) {
		return new RadioEntry(order, "default", "item-" + order, LocalDate.of(2025, 9, 1), LocalTime.of(6, 0), order,
				"Tin " + order, "…", seconds * 200 / 60, seconds, RadioStatus.QUEUED);
	}

}
