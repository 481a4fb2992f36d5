package vn.loa.limits;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.loa.web.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

class LoginLimitsTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2025-09-01T00:00:00Z"), ZoneOffset.UTC);

	private final JdbcTemplate jdbc = LimitsDatabase.create();

	private final LoginLimits limits = new LoginLimits(new RateLimitAttempts(this.jdbc), this.clock);

	@Test
	void blocksAUsernameAfterFiveFailuresUntilTheOldestIsFifteenMinutesOld() {
		for (int i = 0; i < 4; i++) {
			this.limits.failed("bien-tap", "10.0.0." + i);
			this.clock.advance(Duration.ofMinutes(1));
		}
		assertThat(this.limits.blocked("bien-tap", "10.0.1.1")).isFalse();
		this.limits.failed("Bien-Tap ", "10.0.0.9");

		assertThat(this.limits.blocked("BIEN-TAP", "10.0.1.1")).isTrue();
		assertThat(this.limits.blocked("phong-vien", "10.0.1.1")).isFalse();
		// The first failure was at 00:00; at 00:15 it has left the window.
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(this.limits.blocked("bien-tap", "10.0.1.1")).isFalse();
	}

	@Test
	void blocksAnAddressAfterTwentyFailuresWhateverTheUsernames() {
		for (int i = 0; i < 20; i++) {
			this.limits.failed("nguoi-" + i, "10.0.0.1");
		}
		assertThat(this.limits.blocked("nguoi-moi", "10.0.0.1")).isTrue();
		assertThat(this.limits.blocked("nguoi-moi", "10.0.0.2")).isFalse();
	}

	@Test
	void aSuccessfulLoginForgetsTheUsernamesFailures() {
		for (int i = 0; i < 5; i++) {
			this.limits.failed("bien-tap", "10.0.0.1");
		}
		this.limits.succeeded("Bien-tap");
		assertThat(this.limits.blocked("bien-tap", "10.0.0.1")).isFalse();
	}

	@Test
	void twoNodesOnOneDatabaseShareTheCount() {
		LoginLimits otherNode = new LoginLimits(new RateLimitAttempts(this.jdbc), this.clock);
		for (int i = 0; i < 5; i++) {
			((i % 2 == 0) ? this.limits : otherNode).failed("bien-tap", "10.0.0.1");
		}
		assertThat(this.limits.blocked("bien-tap", "10.0.0.2")).isTrue();
		assertThat(otherNode.blocked("bien-tap", "10.0.0.2")).isTrue();

		otherNode.succeeded("bien-tap");
		assertThat(this.limits.blocked("bien-tap", "10.0.0.2")).isFalse();
	}

	@Test
	void aRestartForgetsNothing() {
		for (int i = 0; i < 5; i++) {
			this.limits.failed("bien-tap", "10.0.0.1");
		}

		LoginLimits restarted = new LoginLimits(new RateLimitAttempts(this.jdbc), this.clock);

		assertThat(restarted.blocked("bien-tap", "10.0.0.2")).isTrue();
		this.clock.advance(LoginLimits.WINDOW);
		assertThat(restarted.blocked("bien-tap", "10.0.0.2")).isFalse();
	}

	@Test
	void aFailureLeavesTheWindowOnTimeWhateverTheNanosecondsOfTheClock() {
		// The database keeps microseconds: a failure at .0000006 s must not be stored as
		// .000001 s and so outlive its window.
		this.clock.set(Instant.parse("2025-09-01T00:00:00.000000600Z"));
		for (int i = 0; i < 5; i++) {
			this.limits.failed("bien-tap", "10.0.0.1");
		}
		assertThat(this.limits.blocked("bien-tap", "10.0.0.1")).isTrue();

		this.clock.advance(LoginLimits.WINDOW);

		assertThat(this.limits.blocked("bien-tap", "10.0.0.1")).isFalse();
	}

}
