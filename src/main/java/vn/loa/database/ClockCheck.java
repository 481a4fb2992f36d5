package vn.loa.database;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when this node's clock and the database's disagree by more than two
 * seconds: Quartz's clustered triggers, the mail leases and the late/missed decisions all
 * read each node's own clock, so every node must keep time (NTP).
 */
@Component
class ClockCheck {

	private static final Log logger = LogFactory.getLog(ClockCheck.class);

	static final Duration TOLERANCE = Duration.ofSeconds(2);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ClockCheck(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void compare() {
		try {
			Instant before = this.clock.instant();
			Timestamp database = this.jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", Timestamp.class);
			Instant after = this.clock.instant();
			Duration skew = skew(before, after,
					java.util.Objects.requireNonNull(database, "CURRENT_TIMESTAMP").toInstant());
			if (skew.abs().compareTo(TOLERANCE) > 0) {
				logger.warn("This node's clock is " + Math.abs(skew.toMillis()) / 1000.0 + " s "
						+ (skew.isNegative() ? "behind" : "ahead of") + " the database's: triggers, mail leases "
						+ "and late/missed decisions read each node's clock; keep every node on NTP");
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Could not compare this node's clock with the database's", ex);
		}
	}

	/** This node's time minus the database's, taken halfway through the query. */
	static Duration skew(Instant before, Instant after, Instant database) {
		Instant middle = before.plus(Duration.between(before, after).dividedBy(2));
		return Duration.between(database, middle);
	}

}
