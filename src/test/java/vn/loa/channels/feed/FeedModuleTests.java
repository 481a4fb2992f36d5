package vn.loa.channels.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.context.ApplicationEventPublisher;

import vn.loa.content.ContentCatalog;
import vn.loa.content.ContentFixtures;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.Outlet;
import vn.loa.publishing.events.ContentPublished;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed channel with the modules it needs (content and the calendar behind it), and
 * nothing else: told that an item went out on the feed, it carries it in RSS and Atom; an
 * item that went out elsewhere only is not in it.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:feed-module;DB_CLOSE_DELAY=-1",
		"spring.quartz.auto-startup=false", "loa.scheduling.enabled=false" })
class FeedModuleTests {

	private static final Instant AT = Instant.parse("2025-09-01T23:00:00Z");

	@Autowired
	Feeds feeds;

	@Autowired
	ContentCatalog contents;

	@Test
	void anItemPublishedOnTheFeedIsInBothFeeds(Scenario scenario) {
		ContentFixtures.store(this.contents, item("feed-module-quoc-khanh", "Mừng Quốc khánh 2/9", Outlet.FEED));
		ContentFixtures.store(this.contents, item("feed-module-chi-dai", "Chỉ trên đài", Outlet.RADIO));

		scenario.stimulate((TransactionOperations transactions, ApplicationEventPublisher events) -> transactions
			.executeWithoutResult((status) -> {
				events.publishEvent(new ContentPublished("feed-module-chi-dai", Set.of(Outlet.RADIO), AT, AT, false));
				events.publishEvent(new ContentPublished("feed-module-quoc-khanh", Set.of(Outlet.FEED), AT, AT, false));
			}))
			.andWaitForStateChange(() -> new String(this.feeds.rss().bytes(), StandardCharsets.UTF_8),
					(rss) -> rss.contains("Mừng Quốc khánh 2/9"))
			.andVerify((rss) -> assertThat(rss).doesNotContain("Chỉ trên đài"));
		assertThat(new String(this.feeds.atom().bytes(), StandardCharsets.UTF_8)).contains("Mừng Quốc khánh 2/9");
	}

	private static ContentItem item(String id, String title, Outlet outlet) {
		return new ContentItem(id, "default", title, "", "Nội dung.", "Kính thưa bà con.", Set.of(outlet), "api", AT,
				Map.of(), ContentStatus.PUBLISHED, "api", AT);
	}

}
