package vn.loa.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.content.ContentFixtures;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentCatalog;
import vn.loa.content.Outlet;
import vn.loa.publishing.events.ContentPublished;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A publication whose feed listener failed (the database went away for a moment, as in a
 * PostgreSQL restart in the middle of a burst) is handed to the listener again by the
 * periodic republication, without any node restarting.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:stalled-events;DB_CLOSE_DELAY=-1",
		"spring.quartz.auto-startup=false", "loa.scheduling.enabled=false", "loa.api.token=stalled-token",
		"loa.secret=stalled-secret", "loa.publishing.republish-after=PT0S", "loa.data-dir=target/test-data/stalled",
		"loa.content-dir=target/test-data/stalled/content", "loa.calendar-dir=target/test-data/stalled/calendar" })
class StalledEventsIntegrationTests {

	@Autowired
	StalledEvents stalled;

	@Autowired
	ContentCatalog store;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aPublicationWhoseListenerFailedReachesTheFeedWhenRepublished() {
		ContentFixtures.store(this.store, new ContentItem("treo-giua-chung", "default", "Bài bị kẹt", "", "Nội dung.",
				null, Set.of(Outlet.FEED), "api", null, Map.of(), ContentStatus.PUBLISHED, "api", Instant.EPOCH));
		this.jdbc.execute("ALTER TABLE feed_entry RENAME TO feed_entry_away");
		try {
			Instant now = Instant.now();
			this.transactions.executeWithoutResult((status) -> this.events
				.publishEvent(new ContentPublished("treo-giua-chung", Set.of(Outlet.FEED), now, now, false)));
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10)).until(() -> incomplete() == 1);
		}
		finally {
			this.jdbc.execute("ALTER TABLE feed_entry_away RENAME TO feed_entry");
		}
		assertThat(entries()).isZero();

		this.stalled.republish();

		await().atMost(Duration.ofSeconds(10)).until(() -> entries() == 1 && incomplete() == 0);
	}

	private int incomplete() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL",
				Integer.class);
	}

	private int entries() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM feed_entry WHERE item_id = 'treo-giua-chung'",
				Integer.class);
	}

}
