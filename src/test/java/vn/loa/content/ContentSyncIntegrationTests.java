package vn.loa.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content/ files are upserted by id: reading them again changes nothing, a changed
 * file reschedules its item, and a file that turns bad loses nothing already stored.
 */
@SpringBootTest(properties = "loa.api.token=sync-token")
class ContentSyncIntegrationTests {

	private static final Path DATA;

	static {
		try {
			DATA = Files.createTempDirectory("loa-sync");
			Files.createDirectories(DATA.resolve("content"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Autowired
	ContentSync sync;

	@Autowired
	ContentStore store;

	@Autowired
	Scheduler scheduler;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("loa.data-dir", DATA::toString);
		registry.add("loa.content-dir", () -> DATA.resolve("content").toString());
	}

	@Test
	void readingTheFilesAgainNeverDuplicatesAndAChangedFileReschedulesItsItem() throws Exception {
		write("""
				---
				id: nha-giao-2030
				title: Kỷ niệm 48 năm Ngày Nhà giáo Việt Nam
				outlets: [feed, radio]
				when: anniversary nha-giao-viet-nam 2030, 06:00
				---
				Tri ân thầy cô.
				""");
		assertThat(this.sync.sync()).isEqualTo(1);
		assertThat(this.sync.sync()).isZero();
		assertThat(count()).isEqualTo(1);
		ContentItem first = this.store.find("nha-giao-2030").orElseThrow();
		assertThat(first.dueAt()).isEqualTo(Instant.parse("2030-11-19T23:00:00Z"));
		assertThat(triggers()).contains("due-" + first.dueAt().toEpochMilli());

		write("""
				---
				id: nha-giao-2030
				title: Kỷ niệm 48 năm Ngày Nhà giáo Việt Nam
				outlets: [feed, radio]
				when: anniversary nha-giao-viet-nam 2030, 1 day before, 17:00
				---
				Tri ân thầy cô.
				""");
		assertThat(this.sync.sync()).isEqualTo(1);
		assertThat(count()).isEqualTo(1);
		ContentItem moved = this.store.find("nha-giao-2030").orElseThrow();
		assertThat(moved.dueAt()).isEqualTo(Instant.parse("2030-11-19T10:00:00Z"));
		assertThat(moved.status()).isEqualTo(ContentStatus.SCHEDULED);
		assertThat(triggers()).contains("due-" + moved.dueAt().toEpochMilli());

		write("""
				---
				id: nha-giao-2030
				title: [không đóng
				---
				""");
		assertThat(this.sync.sync()).isZero();
		assertThat(this.store.find("nha-giao-2030").orElseThrow().dueAt()).isEqualTo(moved.dueAt());
	}

	private int count() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM content_item WHERE id = 'nha-giao-2030'", Integer.class);
	}

	private java.util.List<String> triggers() throws Exception {
		return this.scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals("loa"))
			.stream()
			.map(TriggerKey::getName)
			.toList();
	}

	private static void write(String text) throws IOException {
		Files.writeString(DATA.resolve("content").resolve("nha-giao-2030.md"), text);
	}

}
