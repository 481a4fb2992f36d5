package vn.loa.content;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.CalendarService;
import vn.loa.calendar.Phase;
import vn.loa.calendar.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/** The compare-and-set steps of the review, on a real database. */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:content-store;DB_CLOSE_DELAY=-1",
		"spring.quartz.auto-startup=false", "loa.api.token=store-token",
		"loa.content-dir=target/test-data/no-content" })
class ContentStoreIntegrationTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	@Autowired
	ContentStore store;

	@Autowired
	CalendarService calendar;

	@Autowired
	JdbcTemplate jdbc;

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

	/**
	 * The desk's plan filter runs in SQL on each item's schedule anchor; for every plan
	 * of the shipped calendar and items written against its phases, its anniversaries in
	 * several years, its events and an absolute time, it finds exactly the items
	 * {@link PlanContent#carriesOut} names, also for rows stored before the anchor was
	 * kept and filled in at start-up.
	 */
	@Test
	void theDesksPlanFilterInSqlFindsWhatThePlanRuleNames() {
		CalendarBook book = this.calendar.book();
		List<ContentItem> items = new ArrayList<>();
		for (Plan plan : book.plans()) {
			List<String> whens = new ArrayList<>();
			for (Phase phase : plan.phases()) {
				whens.add("start of phase " + phase.number() + " of " + plan.number() + ", 07:00");
				whens.add("end of phase " + phase.number() + " of " + plan.id());
			}
			for (String anniversary : plan.anniversaries()) {
				for (int year = 2019; year <= 2027; year += 2) {
					whens.add("anniversary " + anniversary + " " + year + ", 1 day before, 06:00");
				}
			}
			plan.events().forEach((event) -> whens.add("event " + event + ", 07:00"));
			whens.add("2025-09-02 06:00");
			for (String when : whens) {
				items.add(new ContentItem("loc-ke-hoach-" + items.size(), "default", when, "", "Nội dung.", null,
						EnumSet.of(Outlet.FEED), when, dueAt(when, book), Map.of(), ContentStatus.DRAFT, "test", null));
			}
		}
		items.forEach(this.store::save);
		assertThat(items).hasSizeGreaterThan(20);
		for (int round = 0; round < 2; round++) {
			for (Plan plan : book.plans()) {
				List<String> expected = items.stream()
					.filter((item) -> PlanContent.carriesOut(item.when(), item.dueAt(), plan, book, ZONE))
					.map(ContentItem::id)
					.sorted()
					.toList();
				assertThat(this.store.page(null, null, null, null, PlanScope.of(plan, book, ZONE), 1, 10_000)
					.keys()
					.stream()
					.map(ContentQueries.ContentKey::id)
					.filter((id) -> id.startsWith("loc-ke-hoach-"))
					.sorted()
					.toList()).as("items of %s", plan.id()).isEqualTo(expected);
			}
			// As if stored by an older Loa: the anchors are filled in again at start-up.
			this.jdbc.update("UPDATE content_item SET anchor_kind = NULL, anchor_ref = NULL");
			assertThat(this.store.fillAnchors()).isGreaterThanOrEqualTo(items.size());
		}
	}

	@Test
	void theDesksListComesAPageAtATimeInItsOrder() {
		for (int i = 0; i < 7; i++) {
			this.store.save(new ContentItem("trang-" + i, "default", "Trang " + i, "", "Nội dung.", null,
					EnumSet.of(Outlet.RADIO), "2031-01-0" + (i + 1) + " 06:00",
					Instant.parse("2030-12-31T23:00:00Z").plus(java.time.Duration.ofDays(i)), Map.of(),
					ContentStatus.DRAFT, "test", null));
		}
		Instant from = Instant.parse("2030-12-31T00:00:00Z");
		ContentQueries.KeyPage second = this.store.page(null, Outlet.RADIO, from, null, null, 2, 3);
		assertThat(second.total()).isEqualTo(7);
		assertThat(second.pages()).isEqualTo(3);
		assertThat(second.keys()).extracting(ContentQueries.ContentKey::id)
			.containsExactly("trang-3", "trang-2", "trang-1");
		assertThat(this.store.page(null, Outlet.RADIO, from, null, null, 9, 3).keys())
			.extracting(ContentQueries.ContentKey::id)
			.containsExactly("trang-0");
	}

	private static Instant dueAt(String when, CalendarBook book) {
		try {
			return Schedule.resolve(when, book, ZONE).toInstant();
		}
		catch (Schedule.ScheduleException ex) {
			return null;
		}
	}

	private static ContentItem item(String id, String title) {
		return new ContentItem(id, "default", title, "", "Thân bài", null, EnumSet.of(Outlet.FEED), "2030-01-01 06:00",
				Instant.parse("2029-12-31T23:00:00Z"), Map.of(), ContentStatus.SUBMITTED, "desk", null);
	}

}
