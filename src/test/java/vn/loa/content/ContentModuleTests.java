package vn.loa.content;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The content module with the calendar it resolves dates against: an item scheduled
 * against an anniversary announces its resolved time for publishing; a desk editor's item
 * is a draft that only a second person may approve, and each step is announced with who
 * took it.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:content-module;DB_CLOSE_DELAY=-1",
		"spring.quartz.auto-startup=false", "loa.scheduling.enabled=false" })
class ContentModuleTests {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	@Autowired
	ContentWorkflow workflow;

	@Autowired
	ContentQueries contents;

	@Test
	void anItemForAnAnniversaryIsAnnouncedAtItsResolvedTime(Scenario scenario) {
		scenario.stimulate(() -> this.workflow.create(
				new ContentDraft("module-quoc-khanh", "Treo cờ mừng Quốc khánh", "", "Các hộ gia đình treo cờ Tổ quốc.",
						null, List.of("feed"), "anniversary quoc-khanh 2025, 1 day before, 06:00", null, null, null),
				ContentActor.API))
			.andWaitForEventOfType(ContentScheduled.class)
			.matching((scheduled) -> scheduled.itemId().equals("module-quoc-khanh"))
			.toArriveAndVerify((scheduled) -> assertThat(scheduled.dueAt())
				.isEqualTo(LocalDateTime.of(2025, 9, 1, 6, 0).atZone(VIETNAM).toInstant()));
		assertThat(this.contents.find("module-quoc-khanh")).get()
			.extracting(ContentItem::status)
			.isEqualTo(ContentStatus.SCHEDULED);
	}

	@Test
	void aDeskItemIsADraftThatItsAuthorCannotApprove(Scenario scenario) {
		ContentActor author = new ContentActor("module-bien-tap", true, false);
		ContentActor approver = new ContentActor("module-duyet", true, false);
		ContentDraft draft = new ContentDraft("module-tiem-phong", "Lịch tiêm phòng", "", "Tiêm phòng dại.", null,
				List.of("feed"), "2030-03-02 07:00", null, null, null);

		scenario.stimulate(() -> this.workflow.create(draft, author))
			.andWaitForEventOfType(ContentChanged.class)
			.matching((changed) -> changed.itemId().equals("module-tiem-phong"))
			.toArriveAndVerify((changed, item) -> {
				assertThat(changed.actor()).isEqualTo("module-bien-tap");
				assertThat(changed.action()).isEqualTo("content.create");
				assertThat(item.status()).isEqualTo(ContentStatus.DRAFT);
			});
		this.workflow.submit("module-tiem-phong", author);
		assertThatThrownBy(() -> this.workflow.approve("module-tiem-phong", author, null))
			.isInstanceOf(ReviewRefusedException.class);

		scenario.stimulate(() -> this.workflow.approve("module-tiem-phong", approver, null))
			.andWaitForEventOfType(ContentScheduled.class)
			.matching((scheduled) -> scheduled.itemId().equals("module-tiem-phong"))
			.toArrive();
		assertThat(this.contents.people("module-tiem-phong")).get()
			.extracting(ContentPeople::approvedBy)
			.isEqualTo("module-duyet");
	}

}
