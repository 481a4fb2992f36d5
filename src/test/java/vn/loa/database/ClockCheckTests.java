package vn.loa.database;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClockCheckTests {

	private static final Instant DATABASE = Instant.parse("2026-09-02T06:00:00Z");

	@Test
	void measuresThisNodeAgainstTheDatabaseHalfwayThroughTheQuery() {
		assertThat(ClockCheck.skew(DATABASE.plusSeconds(5), DATABASE.plusSeconds(7), DATABASE))
			.isEqualTo(Duration.ofSeconds(6));
		assertThat(ClockCheck.skew(DATABASE.minusSeconds(3), DATABASE.minusSeconds(3), DATABASE))
			.isEqualTo(Duration.ofSeconds(-3));
		assertThat(ClockCheck.skew(DATABASE.minusMillis(10), DATABASE.plusMillis(10), DATABASE).abs())
			.isLessThan(ClockCheck.TOLERANCE);
	}

}
