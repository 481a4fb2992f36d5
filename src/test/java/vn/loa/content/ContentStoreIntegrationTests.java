package vn.loa.content;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The compare-and-set steps of the review, on a real database. */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:content-store;DB_CLOSE_DELAY=-1",
		"spring.quartz.auto-startup=false", "loa.api.token=store-token",
		"loa.content-dir=target/test-data/no-content" })
class ContentStoreIntegrationTests {

	@Autowired
	ContentStore store;

	@Test
	void anApprovalOfAVersionThatHasSinceChangedIsRefused() {
		this.store.save(item("ban-duyet", "Bản đầu"));
		int seenRevision = this.store.revision("ban-duyet").orElseThrow();

		// Someone edits it after the approver looked, before the approval lands.
		ContentItem edited = this.store.find("ban-duyet").orElseThrow();
		assertThat(this.store
			.replace(new ContentItem(edited.id(), edited.organisation(), "Bản đã sửa", "", edited.body(), null,
					edited.outlets(), edited.when(), edited.dueAt(), Map.of(), ContentStatus.SUBMITTED, "desk", null),
					ContentStatus.SUBMITTED, "bien-tap-khac", this.store.revision("ban-duyet").orElseThrow()))
			.isTrue();

		assertThat(this.store.transition("ban-duyet", ContentStatus.SUBMITTED, ContentStatus.SCHEDULED, "duyet",
				seenRevision))
			.isFalse();
		assertThat(this.store.find("ban-duyet").orElseThrow().status()).isEqualTo(ContentStatus.SUBMITTED);

		assertThat(this.store.transition("ban-duyet", ContentStatus.SUBMITTED, ContentStatus.SCHEDULED, "duyet",
				this.store.revision("ban-duyet").orElseThrow()))
			.isTrue();
	}

	private static ContentItem item(String id, String title) {
		return new ContentItem(id, "default", title, "", "Thân bài", null, EnumSet.of(Outlet.FEED), "2030-01-01 06:00",
				Instant.parse("2029-12-31T23:00:00Z"), Map.of(), ContentStatus.SUBMITTED, "desk", null);
	}

}
