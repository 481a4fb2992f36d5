package vn.loa.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignUpLimitsTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2025-09-01T00:00:00Z"), ZoneOffset.UTC);

	private final SignUpLimits limits = new SignUpLimits(this.clock);

	@Test
	void allowsFiveRequestsFromOneClientPerTenMinutes() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.limits.allowClient("10.0.0.1")).isTrue();
		}
		assertThat(this.limits.allowClient("10.0.0.1")).isFalse();
		assertThat(this.limits.allowClient("10.0.0.2")).isTrue();
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.limits.allowClient("10.0.0.1")).isTrue();
	}

	@Test
	void allowsThreeSignUpsForOneMailboxPerHourWhateverTheCase() {
		assertThat(this.limits.allowMailbox("mai@example.vn")).isTrue();
		assertThat(this.limits.allowMailbox("Mai@Example.vn")).isTrue();
		this.clock.advance(Duration.ofMinutes(59));
		assertThat(this.limits.allowMailbox(" MAI@example.vn")).isTrue();
		assertThat(this.limits.allowMailbox("mai@example.vn")).isFalse();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.limits.allowMailbox("mai@example.vn")).isTrue();
	}

}
