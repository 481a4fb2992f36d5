package vn.loa.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.stereotype.Component;

/**
 * One clean-up run: deletes the completed event publications older than their retention
 * through Spring Modulith's registry, then announces {@link RetentionDue} for the
 * modules' own tables. Every delete names rows by their age and state alone, so a run
 * repeated, or run by two nodes at once, deletes nothing more and breaks nothing.
 */
@Component
class Retention {

	static final String COMPLETED_EVENTS = "completed event publications";

	private static final Log logger = LogFactory.getLog(Retention.class);

	private final CompletedEventPublications completedEvents;

	private final ApplicationEventPublisher events;

	private final JdbcTemplate jdbc;

	private final RetentionProperties properties;

	private final Clock clock;

	Retention(CompletedEventPublications completedEvents, JdbcTemplate jdbc, ApplicationEventPublisher events,
			RetentionProperties properties, Clock clock) {
		this.completedEvents = completedEvents;
		this.jdbc = jdbc;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/** Prunes every table that has a retention and logs what went. */
	Map<String, Integer> run() {
		RetentionDue due = new RetentionDue(this.clock.instant());
		due.prune(COMPLETED_EVENTS, () -> pruneCompletedEvents(due.before(this.properties.completedEvents())));
		this.events.publishEvent(due);
		Map<String, Integer> pruned = due.pruned();
		logger.info("Retention deleted "
				+ pruned.entrySet()
					.stream()
					.map((entry) -> entry.getValue() + " " + entry.getKey())
					.collect(Collectors.joining(", "))
				+ (due.failed().isEmpty() ? "" : "; could not delete old " + String.join(", ", due.failed())));
		return pruned;
	}

	/**
	 * Deletes completed publications whose completion is older than {@code before}; the
	 * registry never deletes an incomplete one, which is republished on restart. The
	 * registry reads the same injected clock, so its cut-off is this one.
	 */
	private int pruneCompletedEvents(Instant before) {
		// The registry's delete does not say how many rows went; count them first, in
		// the database rather than by reading every publication with its event.
		int old = java.util.Objects.requireNonNullElse(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM event_publication WHERE completion_date IS NOT NULL AND completion_date < ?",
				Integer.class, Timestamp.from(before)), 0);
		this.completedEvents.deletePublicationsOlderThan(this.properties.completedEvents());
		return old;
	}

}
