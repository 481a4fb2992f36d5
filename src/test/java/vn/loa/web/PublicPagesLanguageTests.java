package vn.loa.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.content.ContentFixtures;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentCatalog;
import vn.loa.content.Outlet;
import vn.loa.publishing.events.ContentPublished;
import vn.loa.subscribers.ConfirmationTokens;
import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.Subscribers;
import vn.loa.subscribers.UnsubscribeTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every public page over real HTTP, as a reader's browser asks for it: Vietnamese by
 * default, English with {@code ?lang=en}, with nothing of the other language left in the
 * page's own text.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:public-pages-language;DB_CLOSE_DELAY=-1",
				"spring.quartz.auto-startup=false", "loa.api.token=language-token", "loa.secret=language-secret",
				"loa.base-url=https://loa.example.vn" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesLanguageTests {

	private static final Path DATA = TestData.directory("loa-language");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ContentCatalog store;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Subscribers subscribers;

	@Autowired
	ConfirmationTokens confirmations;

	@Autowired
	UnsubscribeTokens unsubscribes;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestData.register(registry, DATA);
	}

	/** One item for the feed and the radio, read on the evening of 31/07/2025. */
	@BeforeAll
	void publishAnItem() {
		ContentFixtures.store(this.store,
				new ContentItem("treo-co", "default", "Thông báo treo cờ", "Treo cờ Tổ quốc.", "Nội dung.", null,
						Set.of(Outlet.FEED, Outlet.RADIO), "api", null, Map.of(), ContentStatus.PUBLISHED, "api",
						Instant.EPOCH));
		Instant due = OffsetDateTime.parse("2025-07-31T16:00+07:00").toInstant();
		this.transactions.executeWithoutResult((status) -> this.events
			.publishEvent(new ContentPublished("treo-co", Set.of(Outlet.FEED, Outlet.RADIO), due, due, false)));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL", Integer.class) == 0);
	}

	@Test
	void homeListsUpcomingAnniversariesWithTheirTitlesInTheReadersLanguage() throws Exception {
		assertThat(vietnamese("/")).contains("Tin mới đăng")
			.contains("Ngày kỷ niệm sắp tới")
			.contains("Kỷ niệm 80 năm Ngày Quốc khánh nước CHXHCN Việt Nam (02/9/1945 - 02/9/2025)")
			.contains("Kỷ niệm 80 năm Ngày Cách mạng Tháng Tám thành công (19/8/1945 - 19/8/2025)")
			.contains("Năm tròn");
		assertThat(english("/")).contains("Latest items")
			.contains("Upcoming anniversaries")
			.contains("80th anniversary of National Day (02/9/1945 - 02/9/2025)")
			.contains("80th anniversary of August Revolution (19/8/1945 - 19/8/2025)")
			.contains("Round year")
			.doesNotContain("Kỷ niệm", "Tin mới đăng", "Năm tròn");
	}

	@Test
	void archiveAndItemPages() throws Exception {
		assertThat(vietnamese("/archive/2025/07")).contains("Tin đã đăng tháng 07/2025").contains("Thông báo treo cờ");
		assertThat(english("/archive/2025/07")).contains("Items published in 07/2025")
			.contains("Previous month")
			.doesNotContain("Tin đã đăng");
		assertThat(vietnamese("/p/treo-co")).contains("Đăng lúc");
		assertThat(english("/p/treo-co")).contains("Published 31/07/2025").doesNotContain("Đăng lúc");
		assertThat(page("/p/khong-co", 404)).contains("Không tìm thấy bài viết").contains("lang=\"vi\"");
		assertThat(page("/p/khong-co?lang=en", 404)).contains("Item not found")
			.contains("lang=\"en\"")
			.doesNotContain("Không tìm thấy");
	}

	@Test
	void subscribeAndConfirmPages() throws Exception {
		assertThat(vietnamese("/subscribe")).contains("Địa chỉ thư điện tử");
		assertThat(english("/subscribe")).contains("Email address").doesNotContain("Địa chỉ thư điện tử");
		Subscriber pending = this.subscribers.add(null, "ngon.ngu@example.vn", "Ngôn Ngữ", null, "api");
		String confirm = "/subscribe/confirm/" + this.confirmations.issue(pending.id());
		assertThat(vietnamese(confirm)).contains("Xác nhận đăng ký");
		assertThat(english(confirm)).contains("Confirm subscription")
			.contains("ngon.ngu@example.vn")
			.doesNotContain("Xác nhận");
	}

	@Test
	void unsubscribePageAsksConfirmsAndRefusesInTheReadersLanguage() throws Exception {
		Subscriber subscriber = this.subscribers.add(null, "huy.dang.ky@example.vn", "Hủy Đăng Ký", null, "api");
		String path = "/unsubscribe/" + this.unsubscribes.issue(subscriber.id());
		assertThat(vietnamese(path)).contains("Hủy đăng ký nhận bản tin")
			.contains("Ngừng gửi bản tin tới <strong>huy.dang.ky@example.vn</strong>?");
		assertThat(english(path)).contains("Unsubscribe from the bulletin")
			.contains("Stop sending the bulletin to <strong>huy.dang.ky@example.vn</strong>?")
			.contains(">Unsubscribe</button>")
			.doesNotContain("Hủy đăng ký", "Ngừng gửi");
		HttpResponse<String> done = send(
				request(path + "?lang=en").POST(HttpRequest.BodyPublishers.noBody()).header("Accept", "text/html"));
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("Unsubscribed: <strong>huy.dang.ky@example.vn</strong> will no longer")
			.doesNotContain("Đã hủy");

		assertThat(page("/unsubscribe/1.khong-hop-le", 400)).contains("Liên kết hủy đăng ký không hợp lệ");
		assertThat(page("/unsubscribe/1.khong-hop-le?lang=en", 400)).contains("This unsubscribe link is invalid")
			.contains("lang=\"en\"")
			.doesNotContain("không hợp lệ");
	}

	@Test
	void radioSheetShowsItsHeadingsSlotsAndStatusesInTheReadersLanguage() throws Exception {
		assertThat(vietnamese("/radio?date=2025-07-31")).contains("Kịch bản phát thanh")
			.contains("Thứ Năm, 31/07/2025")
			.contains("Buổi phát 17:00 (30 phút)")
			.contains("Chưa có tin bài.")
			.contains("Thông báo treo cờ")
			.contains("<td>Chờ đọc</td>")
			.contains("Lũy kế")
			// The site's navigation, as on every public page.
			.contains("<a href=\"/subscribe\">Đăng ký nhận bản tin</a>");
		assertThat(english("/radio?date=2025-07-31")).contains("Radio script")
			.contains("Thursday, 31/07/2025")
			.contains("Broadcast at 17:00 (30 min)")
			.contains("No items yet.")
			.contains("<td>To be read</td>")
			.contains("Running total")
			.contains(">Print</button>")
			.doesNotContain("Kịch bản", "Buổi phát", "Chờ đọc", "Lũy kế", "Tất cả");
	}

	@Test
	void errorPageSpeaksTheReadersLanguage() throws Exception {
		assertThat(page("/khong-co-trang-nay", 404)).contains("Không tìm thấy trang bạn cần");
		assertThat(page("/khong-co-trang-nay?lang=en", 404)).contains("The page you asked for was not found")
			.contains("lang=\"en\"")
			.doesNotContain("Không tìm thấy");
	}

	private String vietnamese(String path) throws Exception {
		String page = page(path, 200);
		assertThat(page).contains("lang=\"vi\"");
		return page;
	}

	private String english(String path) throws Exception {
		String page = page(path + (path.contains("?") ? "&" : "?") + "lang=en", 200);
		assertThat(page).contains("lang=\"en\"");
		return page;
	}

	private String page(String path, int status) throws Exception {
		HttpResponse<String> response = send(request(path).header("Accept", "text/html"));
		assertThat(response.statusCode()).as("status of %s", path).isEqualTo(status);
		return response.body();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedTime {

		/** 01/08/2025: National Day and the August Revolution are weeks away. */
		@Bean
		@Primary
		MovableClock movableClock(ZoneId zone) {
			return new MovableClock(Instant.parse("2025-08-01T01:00:00Z"), zone);
		}

	}

}
