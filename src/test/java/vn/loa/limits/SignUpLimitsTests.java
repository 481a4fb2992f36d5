package vn.loa.limits;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.loa.web.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

class SignUpLimitsTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2025-09-01T00:00:00Z"), ZoneOffset.UTC);

	private final JdbcTemplate jdbc = LimitsDatabase.create();

	private final SignUpLimits limits = new SignUpLimits(new RateLimitAttempts(this.jdbc), this.clock);

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

	@Test
	void twoNodesOnOneDatabaseShareTheCount() {
		SignUpLimits otherNode = new SignUpLimits(new RateLimitAttempts(this.jdbc), this.clock);
		for (int i = 0; i < 5; i++) {
			SignUpLimits node = (i % 2 == 0) ? this.limits : otherNode;
			assertThat(node.allowClient("10.0.0.1")).isTrue();
		}
		assertThat(this.limits.allowClient("10.0.0.1")).isFalse();
		assertThat(otherNode.allowClient("10.0.0.1")).isFalse();

		assertThat(otherNode.allowMailbox("lan@example.vn")).isTrue();
		assertThat(this.limits.allowMailbox("LAN@example.vn")).isTrue();
		assertThat(otherNode.allowMailbox("lan@example.vn")).isTrue();
		assertThat(this.limits.allowMailbox("lan@example.vn")).isFalse();
	}

	@Test
	void aRestartForgetsNothing() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.limits.allowClient("10.0.0.1")).isTrue();
		}
		for (int i = 0; i < 3; i++) {
			assertThat(this.limits.allowMailbox("lan@example.vn")).isTrue();
		}

		SignUpLimits restarted = new SignUpLimits(new RateLimitAttempts(this.jdbc), this.clock);

		assertThat(restarted.allowClient("10.0.0.1")).isFalse();
		assertThat(restarted.allowMailbox("lan@example.vn")).isFalse();
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(restarted.allowClient("10.0.0.1")).isTrue();
	}

	@Test
	void twoNodesAskingAtOnceNeverLetThroughMoreThanTheLimit() throws Exception {
		List<SignUpLimits> nodes = List.of(this.limits, new SignUpLimits(new RateLimitAttempts(this.jdbc), this.clock));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		long allowed = 0;
		try {
			List<Callable<Boolean>> requests = new java.util.ArrayList<>();
			for (int i = 0; i < 40; i++) {
				SignUpLimits node = nodes.get(i % 2);
				requests.add(() -> node.allowClient("10.9.9.9"));
			}
			for (Future<Boolean> answer : pool.invokeAll(requests)) {
				allowed += answer.get() ? 1 : 0;
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(allowed).isLessThanOrEqualTo(5);
		// Requests refused in the crowd were not kept: one at a time, the window fills
		// up to exactly the limit.
		while (this.limits.allowClient("10.9.9.9")) {
			allowed++;
		}
		assertThat(allowed).isEqualTo(5);
		assertThat(attempts()).isEqualTo(5);
	}

	@Test
	void attemptsOutsideTheWindowAreDeletedAndKeysAreNotStoredInClear() {
		assertThat(this.limits.allowClient("10.0.0.1")).isTrue();
		assertThat(this.limits.allowMailbox("Mai@Example.vn")).isTrue();
		this.clock.advance(Duration.ofHours(1));

		assertThat(this.limits.allowClient("10.0.0.2")).isTrue();
		assertThat(this.limits.allowMailbox("lan@example.vn")).isTrue();

		assertThat(attempts()).isEqualTo(2);
		assertThat(this.jdbc.queryForList("SELECT key_hash FROM rate_limit_attempt", String.class))
			.containsExactlyInAnyOrder(RateLimitAttempts.hash("10.0.0.2"), RateLimitAttempts.hash("lan@example.vn"))
			.allSatisfy((key) -> assertThat(key).matches("[0-9a-f]{64}"));
	}

	private int attempts() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM rate_limit_attempt", Integer.class);
	}

}
