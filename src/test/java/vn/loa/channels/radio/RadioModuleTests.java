package vn.loa.channels.radio;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import vn.loa.content.ContentCatalog;
import vn.loa.content.ContentFixtures;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.Outlet;
import vn.loa.publishing.events.ContentPublished;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The radio channel with the modules it needs (content and the calendar behind it), and
 * nothing else: an item that went out on radio is queued, with its script, in the first
 * slot of its organisation's station at or after its time.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:radio-module;DB_CLOSE_DELAY=-1",
		"spring.quartz.auto-startup=false", "loa.scheduling.enabled=false" })
class RadioModuleTests {

	/** 05:30 on 02/9/2025 in Hà Nội: the 06:00 slot is the first at or after it. */
	private static final Instant AT = Instant.parse("2025-09-01T22:30:00Z");

	@Autowired
	RadioQueue radio;

	@Autowired
	ContentCatalog contents;

	@Autowired
	RadioAudio audio;

	@Test
	void anItemThatWentOutOnRadioIsQueuedInTheNextSlotOfItsStation(Scenario scenario) {
		ContentFixtures.store(this.contents,
				new ContentItem("radio-module-quoc-khanh", "default", "Mừng Quốc khánh 2/9", "", "Nội dung.",
						"Kính thưa bà con, hôm nay là ngày Quốc khánh.", Set.of(Outlet.RADIO), "api", AT, Map.of(),
						ContentStatus.PUBLISHED, "api", AT));
		RadioStation station = this.radio.station("default").orElseThrow();

		scenario.publish(new ContentPublished("radio-module-quoc-khanh", Set.of(Outlet.RADIO), AT, AT, false))
			.andWaitForStateChange(() -> this.radio.entries(station, LocalDate.of(2025, 9, 2)),
					(entries) -> !entries.isEmpty())
			.andVerify((entries) -> {
				assertThat(entries).singleElement().satisfies((entry) -> {
					assertThat(entry.itemId()).isEqualTo("radio-module-quoc-khanh");
					assertThat(entry.slotTime()).isEqualTo(LocalTime.of(6, 0));
					assertThat(entry.script()).isEqualTo("Kính thưa bà con, hôm nay là ngày Quốc khánh.");
					assertThat(entry.status()).isEqualTo(RadioStatus.QUEUED);
				});
			});
		// Once its audio is rendered, the entry's reading time is the audio's length.
		if (this.audio.unavailable().isEmpty()) {
			int seconds = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
				java.nio.file.Path wav = this.audio.audio("Kính thưa bà con, hôm nay là ngày Quốc khánh.",
						station.syllablesPerMinute());
				return (int) Math.ceil(RadioAudio.duration(wav).toMillis() / 1000.0);
			}, (length) -> length > 0);
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.radio.entries(station, LocalDate.of(2025, 9, 2))).singleElement()
					.extracting(RadioEntry::readingSeconds)
					.isEqualTo(seconds));
		}
	}

}
