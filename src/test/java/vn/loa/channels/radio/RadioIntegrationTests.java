package vn.loa.channels.radio;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.content.ContentFixtures;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentCatalog;
import vn.loa.content.Outlet;
import vn.loa.content.Priority;
import vn.loa.publishing.events.ContentPublished;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

// Same properties as FeedIntegrationTests, so both share one cached context.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:loa-channels;DB_CLOSE_DELAY=-1",
				"loa.data-dir=target/test-data/channels", "loa.calendar-dir=target/test-data/channels/calendar",
				"loa.content-dir=target/test-data/channels/content", "loa.api.token=test-token",
				"loa.base-url=https://loa.example.vn", "spring.quartz.auto-startup=false",
				"loa.radio.reading-time=syllables", "loa.radio.stations[0].id=phuong-1",
				"loa.radio.stations[0].name=Đài truyền thanh phường 1", "loa.radio.stations[0].slots[0].time=6:00",
				"loa.radio.stations[0].slots[1].time=17:00", "loa.radio.stations[0].slots[1].minutes=1",
				"loa.radio.stations[1].id=phuong-2", "loa.radio.stations[1].name=Đài truyền thanh phường 2",
				"loa.radio.stations[1].syllables-per-minute=240", "loa.radio.stations[2].id=xa-khac",
				"loa.radio.stations[2].organisation=xa-khac" })
class RadioIntegrationTests {

	/** Ten syllables; twenty times is a minute at 200 a minute. */
	private static final String TEN = "Cả nước hân hoan chào mừng ngày lễ Quốc khánh. ";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ContentCatalog store;

	@Autowired
	RadioQueue queue;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void queuesEachStationOfTheOrganisationInTheNextSlotInOrder() throws Exception {
		publish(item("radio-first", "default", TEN.repeat(20)), "2025-09-02T06:00+07:00", false);
		publish(item("radio-second", "default", TEN), "2025-09-02T05:30+07:00", false);
		publish(item("radio-evening", "default", TEN), "2025-09-02T06:01+07:00", false);
		publish(item("radio-other", "xa-khac", TEN), "2025-09-02T06:00+07:00", false);
		ContentPublished late = publish(item("radio-late", "default", TEN), "2025-09-02T06:00+07:00", true);
		publish(late);

		RadioStation phuong1 = this.queue.station("phuong-1").orElseThrow();
		assertThat(this.queue.entries(phuong1, LocalDate.of(2025, 9, 2)))
			.extracting(RadioEntry::itemId, RadioEntry::slotTime, RadioEntry::order, RadioEntry::readingSeconds,
					RadioEntry::status)
			.containsExactly(entry("radio-first", 6, 1, 60), entry("radio-second", 6, 2, 3),
					entry("radio-evening", 17, 1, 3), entry("radio-late", 17, 2, 3));
		assertThat(this.queue.entries(this.queue.station("phuong-2").orElseThrow(), LocalDate.of(2025, 9, 2)))
			.extracting(RadioEntry::itemId, RadioEntry::readingSeconds)
			.startsWith(org.assertj.core.groups.Tuple.tuple("radio-first", 50));
		assertThat(this.queue.entries(this.queue.station("xa-khac").orElseThrow(), LocalDate.of(2025, 9, 2)))
			.extracting(RadioEntry::itemId)
			.containsExactly("radio-other");

		HttpResponse<String> api = send(get("/api/radio/entries?date=2025-09-02&station=phuong-1")
			.header("Authorization", "Bearer test-token"));
		assertThat(api.statusCode()).isEqualTo(200);
		JsonNode json = JsonMapper.builder().build().readTree(api.body());
		assertThat(json).hasSize(4);
		assertThat(json.get(0).get("itemId").asString()).isEqualTo("radio-first");
		assertThat(json.get(0).get("syllables").asInt()).isEqualTo(200);
	}

	@Test
	void printsTheDaySheetWithARunningTotalFlaggedPastTheSlotLength() throws Exception {
		publish(item("sheet-one", "default", TEN.repeat(5)), "2025-09-03T16:00+07:00", false);
		publish(item("sheet-two", "default", TEN.repeat(5)), "2025-09-03T16:30+07:00", false);
		publish(item("sheet-three", "default", TEN.repeat(2)), "2025-09-03T16:45+07:00", false);

		HttpResponse<String> sheet = send(get("/radio?date=2025-09-03&station=phuong-1"));
		assertThat(sheet.statusCode()).isEqualTo(200);
		assertThat(sheet.body()).contains("lang=\"vi\"")
			.contains("Thứ Tư, 03/09/2025")
			.contains("Buổi phát 06:00 (30 phút)")
			.contains("Buổi phát 17:00 (1 phút)")
			.containsSubsequence("Tin sheet-one", "0:15", "0:15", "Tin sheet-two", "0:15", "0:30", "Tin sheet-three",
					"0:06", "0:36")
			.doesNotContain("vượt thời lượng");

		// A priority item goes first in its slot even when the slot is then too full: the
		// sheet says the slot runs over.
		publish(item("sheet-four", "default", TEN.repeat(10), Priority.PRIORITY), "2025-09-03T16:50+07:00", false);
		assertThat(send(get("/radio?date=2025-09-03&station=phuong-1")).body())
			.containsSubsequence("Tin sheet-four", "0:30", "0:30", "Tin sheet-one", "0:15", "0:45", "Tin sheet-three",
					"0:06", "1:06")
			.contains("vượt thời lượng");
	}

	/**
	 * An ordinary entry that does not fit the slot it is due in moves to the next slot
	 * with room and says where it came from; a priority entry goes before the ordinary
	 * ones of its slot; the desk's rundown shows both.
	 */
	@Test
	void movesAnOrdinaryEntryThatDoesNotFitToTheNextSlotAndPutsPriorityEntriesFirst() throws Exception {
		// The 17:00 slot lasts one minute: 45 s fit, another 30 s do not.
		publish(item("day-full-one", "default", TEN.repeat(15)), "2025-09-06T16:00+07:00", false);
		publish(item("day-full-two", "default", TEN.repeat(10)), "2025-09-06T16:10+07:00", false);
		publish(item("day-full-three", "default", TEN.repeat(2)), "2025-09-06T16:20+07:00", false);
		publish(item("day-full-urgent", "default", TEN, Priority.PRIORITY), "2025-09-06T16:30+07:00", false);

		RadioStation phuong1 = this.queue.station("phuong-1").orElseThrow();
		assertThat(this.queue.entries(phuong1, LocalDate.of(2025, 9, 6)))
			.extracting(RadioEntry::itemId, RadioEntry::slotTime, RadioEntry::order, RadioEntry::priority,
					RadioEntry::movedFrom)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("day-full-urgent", LocalTime.of(17, 0), 1, Priority.PRIORITY,
							null),
					org.assertj.core.groups.Tuple.tuple("day-full-one", LocalTime.of(17, 0), 2, Priority.NORMAL, null),
					org.assertj.core.groups.Tuple.tuple("day-full-three", LocalTime.of(17, 0), 3, Priority.NORMAL,
							null));
		assertThat(this.queue.entries(phuong1, LocalDate.of(2025, 9, 7)))
			.extracting(RadioEntry::itemId, RadioEntry::slotTime, RadioEntry::movedFrom)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("day-full-two", LocalTime.of(6, 0),
					java.time.LocalDateTime.of(2025, 9, 6, 17, 0)));
		// Phường 2 has the default slots of 30 minutes: nothing moves there.
		assertThat(this.queue.entries(this.queue.station("phuong-2").orElseThrow(), LocalDate.of(2025, 9, 6)))
			.extracting(RadioEntry::itemId, RadioEntry::movedFrom)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("day-full-urgent", null),
					org.assertj.core.groups.Tuple.tuple("day-full-one", null),
					org.assertj.core.groups.Tuple.tuple("day-full-two", null),
					org.assertj.core.groups.Tuple.tuple("day-full-three", null));
	}

	/**
	 * The smart-radio archive of a station's day, read back: every file the manifest
	 * names is there with its checksum, each WAV decodes and plays as long as the
	 * manifest says, entries start one after the other from their slot, and the playlist
	 * lists the audio in reading order.
	 */
	@Test
	void exportsAStationsDayAsAnArchiveWhoseFilesMatchItsManifest() throws Exception {
		publish(item("xuat-mot", "default", "Kính thưa bà con, UBND phường thông báo lịch tiêm chủng ngày 02/9."),
				"2025-09-05T05:00+07:00", false);
		publish(item("xuat-hai", "default", TEN.repeat(2)), "2025-09-05T05:10+07:00", false);

		HttpResponse<byte[]> archive = this.http
			.send(get("/api/radio/export?station=phuong-1&date=2025-09-05").header("Authorization", "Bearer test-token")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(archive.statusCode()).isEqualTo(200);
		assertThat(archive.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).contains("phuong-1-2025-09-05.zip"));
		Map<String, byte[]> files = new java.util.TreeMap<>();
		try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
				new java.io.ByteArrayInputStream(archive.body()))) {
			for (java.util.zip.ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				files.put(entry.getName(), zip.readAllBytes());
			}
		}
		JsonNode manifest = JsonMapper.builder().build().readTree(files.get("manifest.json"));
		assertThat(manifest.get("format").asString()).isEqualTo("loa-radio-export/2");
		assertThat(manifest.get("station").get("id").asString()).isEqualTo("phuong-1");
		JsonNode entries = manifest.get("entries");
		assertThat(entries).hasSize(2);
		assertThat(entries.get(0).get("itemId").asString()).isEqualTo("xuat-mot");
		assertThat(entries.get(0).get("start").asString()).isEqualTo("2025-09-05T06:00+07:00");
		assertThat(entries.get(0).get("validUntil").asString()).isEqualTo("2025-09-05T06:30+07:00");
		assertThat(entries.get(0).get("priority").asString()).isEqualTo("normal");
		assertThat(
				new String(files.get(entries.get(0).get("text").asString()), java.nio.charset.StandardCharsets.UTF_8))
			.startsWith("Kính thưa bà con, UBND phường");
		boolean audio = !manifest.get("audio").isNull();
		assertThat(audio || !"true".equals(System.getenv("CI"))).as("CI renders audio (espeak-ng)").isTrue();
		for (JsonNode entry : entries) {
			assertThat(sha256(files.get(entry.get("text").asString()))).isEqualTo(entry.get("textSha256").asString());
			if (audio) {
				byte[] wav = files.get(entry.get("audio").asString());
				assertThat(sha256(wav)).isEqualTo(entry.get("audioSha256").asString());
				try (javax.sound.sampled.AudioInputStream sound = javax.sound.sampled.AudioSystem
					.getAudioInputStream(new java.io.ByteArrayInputStream(wav))) {
					double seconds = sound.getFrameLength() / sound.getFormat().getFrameRate();
					assertThat(Math.ceil(seconds)).isEqualTo(entry.get("durationSeconds").asDouble());
					// The MP3 beside it: MPEG audio frames (11 sync bits, layer III) at a
					// constant 48 kbit/s, so its size says how long it plays: as long as
					// the WAV, give or take the encoder's padding.
					byte[] mp3 = files.get(entry.get("mp3").asString());
					assertThat(sha256(mp3)).isEqualTo(entry.get("mp3Sha256").asString());
					assertThat(mp3[0] & 0xFF).isEqualTo(0xFF);
					assertThat(mp3[1] & 0xE6).isEqualTo(0xE2);
					assertThat(mp3.length * 8.0 / 48_000).isCloseTo(seconds, org.assertj.core.data.Offset.offset(0.5));
				}
			}
		}
		if (audio) {
			assertThat(manifest.get("playlists")).hasSize(1);
			assertThat(manifest.get("audioFormats")).extracting(JsonNode::asString).containsExactly("wav", "mp3");
			String playlist = new String(files.get(manifest.get("playlists").get(0).asString()),
					java.nio.charset.StandardCharsets.UTF_8);
			assertThat(playlist).startsWith("#EXTM3U\n").containsSubsequence("01-xuat-mot.wav", "02-xuat-hai.wav");
		}
		assertThat(send(get("/api/radio/export?station=phuong-1&date=2025-09-05&to=2025-09-04").header("Authorization",
				"Bearer test-token"))
			.statusCode()).isEqualTo(400);
		assertThat(send(
				get("/api/radio/export?station=khong-co&date=2025-09-05").header("Authorization", "Bearer test-token"))
			.statusCode()).isEqualTo(404);
		assertThat(send(get("/api/radio/export?station=phuong-1&date=2025-09-05")).statusCode()).isEqualTo(401);
	}

	private static String sha256(byte[] bytes) throws Exception {
		return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	@Test
	void marksEntriesAiredOrSkippedOnlyWithTheToken() throws Exception {
		publish(item("radio-mark", "default", TEN), "2025-09-04T06:00+07:00", false);
		long id = this.queue.entries(this.queue.station("phuong-1").orElseThrow(), LocalDate.of(2025, 9, 4))
			.get(0)
			.id();

		assertThat(send(post("/api/radio/entries/" + id + "/aired")).statusCode()).isEqualTo(401);
		assertThat(
				send(post("/api/radio/entries/" + id + "/aired").header("Authorization", "Bearer wrong")).statusCode())
			.isEqualTo(401);
		assertThat(this.queue.find(id).orElseThrow().status()).isEqualTo(RadioStatus.QUEUED);

		HttpResponse<String> aired = send(
				post("/api/radio/entries/" + id + "/aired").header("Authorization", "Bearer test-token"));
		assertThat(aired.statusCode()).isEqualTo(200);
		assertThat(aired.body()).contains("\"status\":\"AIRED\"");
		assertThat(this.queue.find(id).orElseThrow().status()).isEqualTo(RadioStatus.AIRED);

		assertThat(send(post("/api/radio/entries/" + id + "/skipped").header("Authorization", "Bearer test-token"))
			.statusCode()).isEqualTo(200);
		assertThat(this.queue.find(id).orElseThrow().status()).isEqualTo(RadioStatus.SKIPPED);
		assertThat(
				send(post("/api/radio/entries/999999/aired").header("Authorization", "Bearer test-token")).statusCode())
			.isEqualTo(404);
	}

	private static org.assertj.core.groups.Tuple entry(String itemId, int hour, int order, int seconds) {
		return org.assertj.core.groups.Tuple.tuple(itemId, LocalTime.of(hour, 0), order, seconds, RadioStatus.QUEUED);
	}

	private ContentItem item(String id, String organisation, String script) {
		return item(id, organisation, script, Priority.NORMAL);
	}

	private ContentItem item(String id, String organisation, String script, Priority priority) {
		return new ContentItem(id, organisation, "Tin " + id, "", "Nội dung bài viết.", script, Set.of(Outlet.RADIO),
				"api", null, Map.of(), ContentStatus.PUBLISHED, "api", Instant.EPOCH, vn.loa.organisations.Audience.OWN,
				priority);
	}

	/** Publishes an item due at {@code at}; a late one goes out four hours after. */
	private ContentPublished publish(ContentItem item, String at, boolean late) {
		ContentFixtures.store(this.store, item);
		Instant due = OffsetDateTime.parse(at).toInstant();
		ContentPublished event = new ContentPublished(item.id(), Set.of(Outlet.RADIO), due,
				late ? due.plus(Duration.ofHours(4)) : due, late);
		publish(event);
		return event;
	}

	private void publish(ContentPublished event) {
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(event));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL", Integer.class) == 0);
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpRequest.Builder post(String path) {
		return get(path).POST(HttpRequest.BodyPublishers.noBody());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
