package vn.loa.database;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN while writes fail: for a minute after the last storage failure a request met. A
 * supervisor polling {@code /actuator/health} then restarts Loa or calls its operator;
 * when writes succeed again (space came back) it turns UP by itself.
 */
@Component("storage")
class StorageHealth implements HealthIndicator {

	static final Duration RECENT = Duration.ofMinutes(1);

	private final StorageFailures failures;

	private final Clock clock;

	StorageHealth(StorageFailures failures, Clock clock) {
		this.failures = failures;
		this.clock = clock;
	}

	@Override
	public Health health() {
		return this.failures.last()
			.filter((failure) -> failure.at().isAfter(this.clock.instant().minus(RECENT)))
			.map((failure) -> Health.down()
				.withDetail("at", failure.at())
				.withDetail("error", failure.message())
				.build())
			.orElseGet(() -> Health.up().build());
	}

}
