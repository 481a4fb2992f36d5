package vn.loa.publishing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.loa.LoaApplication;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentActor;
import vn.loa.content.ContentWorkflow;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentCatalog;
import vn.loa.content.Outlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Loa is stopped while items fall due, then started again on the same database: the fresh
 * item goes out once, late; the stale one is marked missed; a further restart changes
 * nothing.
 */
class RestartIntegrationTests {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@TempDir
	Path dataDir;

	@Test
	void publishesAFreshItemOnceAndMarksAStaleOneMissedAfterRestart() throws Exception {
		Path contentDir = Files.createDirectories(this.dataDir.resolve("content"));
		Instant due;
		try (ConfigurableApplicationContext first = start(contentDir)) {
			ZoneId zone = first.getBean(ZoneId.class);
			due = Instant.now().plusSeconds(4).atZone(zone).withNano(0).toInstant();
			String when = LOCAL.format(due.atZone(zone));
			ContentWorkflow editor = first.getBean(ContentWorkflow.class);
			editor.create(new ContentDraft("tin-moi", "Tin còn mới", "", "Thân bài", null,
					List.of("feed", "email", "radio"), when, Map.of(), null, null), ContentActor.API);
			editor
				.create(new ContentDraft("tin-cu", "Tin đã cũ", "", "Thân bài", null, List.of("feed", "email", "radio"),
						when, Map.of("feed", "1s", "email", "1s", "radio", "1s"), null, null), ContentActor.API);
		}
		// Loa is down while both fall due.
		Duration wait = Duration.between(Instant.now(), due.plusSeconds(3));
		if (!wait.isNegative()) {
			Thread.sleep(wait.toMillis());
		}
		try (ConfigurableApplicationContext second = start(contentDir)) {
			ContentCatalog store = second.getBean(ContentCatalog.class);
			PublicationLog log = second.getBean(PublicationLog.class);
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(
						() -> assertThat(store.find("tin-moi").orElseThrow().status()).isEqualTo(ContentStatus.LATE));
			assertThat(store.find("tin-cu").orElseThrow().status()).isEqualTo(ContentStatus.MISSED);
			// Nobody subscribes here: e-mail says it reached nobody rather than late.
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(log.of("tin-moi"))
					.extracting(PublicationLog.Entry::outlet, PublicationLog.Entry::outcome)
					.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Outlet.FEED, Outcome.LATE),
							org.assertj.core.groups.Tuple.tuple(Outlet.RADIO, Outcome.LATE),
							org.assertj.core.groups.Tuple.tuple(Outlet.EMAIL, Outcome.UNREACHED)));
			assertThat(log.of("tin-cu")).extracting(PublicationLog.Entry::outcome)
				.containsOnly(Outcome.MISSED)
				.hasSize(3);
			assertThat(log.withOutcome(Outcome.MISSED)).extracting(PublicationLog.Entry::itemId).containsOnly("tin-cu");
			assertThat(announcements(second)).isEqualTo(1);
		}
		try (ConfigurableApplicationContext third = start(contentDir)) {
			Thread.sleep(2000);
			assertThat(third.getBean(PublicationLog.class).of("tin-moi")).hasSize(3);
			assertThat(announcements(third)).isEqualTo(1);
		}
	}

	/**
	 * How many times the fresh item was ever announced (one stored event holds the items
	 * published together, recorded once per listener).
	 */
	private static long announcements(ConfigurableApplicationContext context) {
		return context.getBean(JdbcTemplate.class)
			.queryForObject(
					"SELECT COUNT(DISTINCT serialized_event) FROM event_publication "
							+ "WHERE event_type LIKE '%ItemsPublished' AND serialized_event LIKE '%\"tin-moi\"%'",
					Long.class);
	}

	private ConfigurableApplicationContext start(Path contentDir) {
		// Command-line arguments: they outrank application.yml, as an operator's would.
		return new SpringApplicationBuilder(LoaApplication.class).run("--server.port=0",
				"--loa.data-dir=" + this.dataDir, "--loa.content-dir=" + contentDir, "--spring.main.banner-mode=off",
				"--loa.publishing.sweep-interval=PT2S", "--loa.publishing.grace=PT1S",
				// The same scheduler on every start, as a real restart has.
				"--spring.quartz.scheduler-name=loa-restart");
	}

}
