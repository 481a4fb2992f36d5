package vn.loa.calendar;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhaseTests {

	private final CalendarBook book = CalendarLoader.load(Path.of("calendar")).book();

	private final Plan plan = this.book.plan("443-KH/TU").orElseThrow();

	@Test
	void endsTheFirstPhaseOf443AtTheEndOf2024() {
		Phase first = this.plan.phase(1).orElseThrow();
		assertThat(first.start()).isEqualTo(LocalDate.of(2024, 10, 3));
		assertThat(first.endIn(this.book)).contains(LocalDate.of(2024, 12, 31));
	}

	@Test
	void endsTheSecondPhaseOf443OnTheFirstDayOfTheFourteenthCongress() {
		Phase second = this.plan.phase(2).orElseThrow();
		assertThat(second.untilEvent()).isEqualTo("dai-hoi-xiv");
		assertThat(second.endIn(this.book)).contains(LocalDate.of(2026, 1, 19));
		assertThat(second.overlaps(LocalDate.of(2026, 1, 19), LocalDate.of(2026, 1, 19), this.book)).isTrue();
		assertThat(second.overlaps(LocalDate.of(2026, 1, 20), LocalDate.of(2026, 12, 31), this.book)).isFalse();
		assertThat(second.overlaps(LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 31), this.book)).isFalse();
	}

	@Test
	void keepsAPhaseOpenWhileTheDateOfItsEventIsUnknown() {
		Event undated = new Event("dai-hoi-xiv", "Đại hội XIV", null, null, "default");
		CalendarBook book = new CalendarBook(List.of(), List.of(undated), List.of(this.plan), List.of());
		Phase second = this.plan.phase(2).orElseThrow();
		assertThat(second.endIn(book)).isEmpty();
		assertThat(second.overlaps(LocalDate.of(2030, 6, 1), LocalDate.of(2030, 6, 1), book)).isTrue();
		assertThat(second.overlaps(LocalDate.of(2024, 12, 31), LocalDate.of(2024, 12, 31), book)).isFalse();
	}

	@Test
	void listsTheCongressAmongTheEventsOfJanuary2026() {
		assertThat(this.book.eventsBetween(LocalDate.of(2026, 1, 23), LocalDate.of(2026, 1, 31))).extracting(Event::id)
			.containsExactly("dai-hoi-xiv");
		assertThat(this.book.eventsBetween(LocalDate.of(2026, 1, 24), LocalDate.of(2026, 1, 31))).isEmpty();
	}

}
