package vn.loa.icalendar;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import vn.loa.content.ContentDraft;
import vn.loa.content.ContentActor;
import vn.loa.content.ContentWorkflow;
import vn.loa.content.ContentCatalog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feeds over real HTTP, as a calendar app subscribed by URL fetches them, on a clock
 * fixed at 1 August 2025 (Vietnam time).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:loa-ical;DB_CLOSE_DELAY=-1",
				"loa.data-dir=target/test-data/ical", "loa.calendar-dir=calendar",
				"loa.content-dir=target/test-data/ical/content-empty", "loa.api.token=test-token",
				"spring.quartz.auto-startup=false", "loa.scheduling.enabled=false", "loa.ical.years-back=1",
				"loa.ical.years-ahead=2" })
class IcsIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ContentWorkflow editor;

	@Autowired
	ContentCatalog store;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@BeforeEach
	void prepareContent() {
		if (this.store.find("co-truoc-quoc-khanh").isEmpty()) {
			this.editor.create(new ContentDraft("co-truoc-quoc-khanh", "Treo cờ mừng Quốc khánh 2/9",
					"Các hộ gia đình treo cờ Tổ quốc.", "Kính thưa bà con...", null, List.of("feed", "radio"),
					"anniversary quoc-khanh 2025, 1 day before, 06:00", null, null, null), ContentActor.API);
			this.editor.create(new ContentDraft("hop-vung-tau", "Hội nghị báo cáo viên Thành phố Vũng Tàu", "",
					"Nội dung.", null, List.of("email"), "2025-10-10 08:00", null, "thanh-uy-vung-tau", null),
					ContentActor.API);
			this.editor.create(new ContentDraft("ban-nhap", "Bản nháp chưa duyệt", "", "Nội dung.", null,
					List.of("feed"), "2025-10-11 08:00", null, null, "draft"), ContentActor.API);
		}
	}

	@Test
	void servesTheWholeCalendarAsUtf8ICalendarWithTheCalendarsAnswers() throws Exception {
		HttpResponse<byte[]> response = get("/calendar.ics?from=2025&to=2026");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).get()
			.asString()
			.startsWith("text/calendar")
			.containsIgnoringCase("charset=UTF-8");
		ParsedIcs.assertWellFormed(response.body());
		ParsedIcs feed = ParsedIcs.parse(new String(response.body(), StandardCharsets.UTF_8));
		assertThat(feed.property("X-WR-CALNAME")).isEqualTo("Loa — Lịch tuyên truyền");
		ParsedIcs.Entry quocKhanh = feed.entry("occurrence-quoc-khanh-2025@loa");
		assertThat(quocKhanh.summary())
			.isEqualTo("[Năm tròn] Kỷ niệm 80 năm Ngày Quốc khánh nước CHXHCN Việt Nam (02/9/1945 - 02/9/2025)");
		assertThat(quocKhanh.categories()).contains("Năm tròn");
		assertThat(quocKhanh.start()).isEqualTo(LocalDate.of(2025, 9, 2));
		ParsedIcs.Entry phase = feed.entry("phase-443-kh-tu-2@loa");
		assertThat(List.of(phase.start(), phase.end())).containsExactly(LocalDate.of(2025, 1, 1),
				LocalDate.of(2026, 1, 20));
		ParsedIcs.Entry congress = feed.entry("event-dai-hoi-xiv@loa");
		assertThat(List.of(congress.start(), congress.end())).containsExactly(LocalDate.of(2026, 1, 19),
				LocalDate.of(2026, 1, 24));
		ParsedIcs.Entry flags = feed.entry("content-co-truoc-quoc-khanh@loa");
		assertThat(flags.summary()).isEqualTo("Treo cờ mừng Quốc khánh 2/9");
		// 06:00 on 01/09/2025 in Vietnam.
		assertThat(Instant.from(flags.start())).isEqualTo(Instant.parse("2025-08-31T23:00:00Z"))
			.isEqualTo(this.store.find("co-truoc-quoc-khanh").orElseThrow().dueAt());
		assertThat(flags.description()).contains("Các hộ gia đình treo cờ Tổ quốc.").contains("đài truyền thanh");
		assertThat(feed.uids()).contains("content-hop-vung-tau@loa").doesNotContain("content-ban-nhap@loa");
	}

	@Test
	void keepsUidsStableFromOneRequestToTheNext() throws Exception {
		ParsedIcs first = parse("/calendar.ics");
		ParsedIcs second = parse("/calendar.ics");

		assertThat(second.uids()).isEqualTo(first.uids()).hasSizeGreaterThan(50);
	}

	@Test
	void answersNotModifiedToASubscriberHoldingTheSameEntriesAndTheNewOnesWhenTheyChange() throws Exception {
		HttpResponse<byte[]> first = get("/calendar/organisations/thanh-uy-vung-tau.ics?from=2025&to=2026");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).startsWith("W/\"");

		HttpResponse<byte[]> again = get("/calendar/organisations/thanh-uy-vung-tau.ics?from=2025&to=2026",
				"If-None-Match", etag);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(get("/calendar.ics?from=2025&to=2026", "If-None-Match", etag).statusCode()).isEqualTo(200);

		this.editor.create(new ContentDraft("hop-vung-tau-2", "Hội nghị sơ kết Thành phố Vũng Tàu", "", "Nội dung.",
				null, List.of("email"), "2025-11-10 08:00", null, "thanh-uy-vung-tau", null), ContentActor.API);
		HttpResponse<byte[]> changed = get("/calendar/organisations/thanh-uy-vung-tau.ics?from=2025&to=2026",
				"If-None-Match", etag);
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(new String(changed.body(), StandardCharsets.UTF_8)).contains("Hội nghị sơ kết");
		assertThat(changed.headers().firstValue("ETag")).get().isNotEqualTo(etag);
	}

	/**
	 * A feed is built once and then answered from memory: a row changed behind the
	 * table's stamp (which no write of Loa's does) is not seen, which shows no query ran;
	 * a write here is seen at once, and one on another node (the stamp moves) within the
	 * check interval.
	 */
	@Test
	void keepsEachFeedUntilAnItemChangesOnThisNodeOrAnother() throws Exception {
		String path = "/calendar/organisations/default.ics?from=2025&to=2026";
		this.editor.create(new ContentDraft("tong-ket-nam", "Hội nghị tổng kết năm", "", "Nội dung.", null,
				List.of("email"), "2025-12-10 08:00", null, null, null), ContentActor.API);
		String kept = text(get(path));
		assertThat(kept).contains("Hội nghị tổng kết");

		this.jdbc.update("UPDATE content_item SET title = 'Đổi ngầm' WHERE id = 'tong-ket-nam'");
		assertThat(text(get(path))).as("the kept feed").isEqualTo(kept);

		this.jdbc.update("UPDATE content_item SET title = 'Hội nghị tổng kết (nút khác)', updated_at = ? "
				+ "WHERE id = 'tong-ket-nam'", java.sql.Timestamp.from(Instant.parse("2025-08-01T00:00:05Z")));
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(text(get(path))).contains("Hội nghị tổng kết (nút khác)"));

		this.editor.create(new ContentDraft("tap-huan-cuoi-nam", "Hội nghị tập huấn cuối năm", "", "Nội dung.", null,
				List.of("email"), "2025-12-11 08:00", null, null, null), ContentActor.API);
		assertThat(text(get(path))).as("right after a write on this node").contains("Hội nghị tập huấn");
	}

	@Test
	void answersTheFeedsWithTheSameBrowserHeadersAsEveryPage() throws Exception {
		for (String path : List.of("/calendar.ics", "/o/default/calendar.ics", "/calendar/plans/443-KH/TU.ics")) {
			HttpResponse<byte[]> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
			assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
			assertThat(response.headers().firstValue("Cache-Control")).as(path).contains("no-cache, public");
			assertThat(response.headers().firstValue("Content-Length")).as(path)
				.contains(String.valueOf(response.body().length));
			assertThat(get(path, "If-None-Match", response.headers().firstValue("ETag").orElseThrow()).statusCode())
				.as(path)
				.isEqualTo(304);
		}
		assertThat(get("/o/khong-co/calendar.ics").statusCode()).isEqualTo(404);
		assertThat(get("/calendar/plans/khong-co.ics").statusCode()).isEqualTo(404);
	}

	private static String text(HttpResponse<byte[]> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	@Test
	void coversTheConfiguredYearsAroundTheClocksYearByDefault() throws Exception {
		ParsedIcs feed = parse("/calendar.ics");

		assertThat(feed.uids())
			.contains("occurrence-quoc-khanh-2024@loa", "occurrence-quoc-khanh-2027@loa", "phase-443-kh-tu-1@loa")
			.doesNotContain("occurrence-quoc-khanh-2023@loa", "occurrence-quoc-khanh-2028@loa");
	}

	@Test
	void servesAPlanByIdOrByNumberWithOnlyWhatThePlanNames() throws Exception {
		ParsedIcs byId = parse("/calendar/plans/443-kh-tu.ics?from=2025&to=2026");
		ParsedIcs byNumber = parse("/calendar/plans/443-KH/TU.ics?from=2025&to=2026");

		assertThat(byNumber.uids()).isEqualTo(byId.uids());
		assertThat(byId.uids())
			.contains("phase-443-kh-tu-2@loa", "occurrence-quoc-khanh-2025@loa", "event-dai-hoi-xiv@loa")
			.doesNotContain("occurrence-cach-mang-thang-tam-2025@loa")
			.noneMatch((uid) -> uid.startsWith("content-"));
		assertThat(get("/calendar/plans/khong-co.ics").statusCode()).isEqualTo(404);
		assertThat(get("/calendar/plans/443-kh-tu").statusCode()).isEqualTo(404);
	}

	@Test
	void servesAnOrganisationWithOnlyItsOwnCalendarAndContent() throws Exception {
		ParsedIcs vungTau = parse("/calendar/organisations/thanh-uy-vung-tau.ics?from=2025&to=2026");

		assertThat(vungTau.uids()).containsExactlyInAnyOrder("phase-443-kh-tu-2@loa", "content-hop-vung-tau@loa");
		assertThat(parse("/calendar/organisations/default.ics?from=2025&to=2026").uids())
			.contains("occurrence-quoc-khanh-2025@loa", "content-co-truoc-quoc-khanh@loa")
			.doesNotContain("content-hop-vung-tau@loa", "phase-443-kh-tu-2@loa");
		assertThat(get("/calendar/organisations/khong-co.ics").statusCode()).isEqualTo(404);
	}

	@Test
	void rejectsMalformedReversedOrTooLongYearWindows() throws Exception {
		for (String query : List.of("from=abc", "from=2025&to=2024", "from=2020&to=2035", "to=99999")) {
			assertThat(get("/calendar.ics?" + query).statusCode()).as(query).isEqualTo(400);
		}
		assertThat(get("/calendar/plans/443-kh-tu.ics?from=x").statusCode()).isEqualTo(400);
		assertThat(get("/calendar/organisations/default.ics?to=20x6").statusCode()).isEqualTo(400);
	}

	private ParsedIcs parse(String path) throws Exception {
		HttpResponse<byte[]> response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return ParsedIcs.parse(new String(response.body(), StandardCharsets.UTF_8));
	}

	private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		@Primary
		Clock fixedClock(ZoneId zone) {
			return Clock.fixed(Instant.parse("2025-08-01T00:00:00Z"), zone);
		}

	}

}
