package vn.loa.channels.feed;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.organisations.NewOrganisation;
import vn.loa.organisations.Organisations;
import vn.loa.content.ContentFixtures;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentCatalog;
import vn.loa.content.Outlet;
import vn.loa.publishing.events.ContentPublished;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

// Same properties as RadioIntegrationTests, so both share one cached context.
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
class FeedIntegrationTests {

	private static final String HOSTILE = "Xin chào <script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
			+ "[Bấm vào đây](javascript:alert(3)) hoặc <a href=\"javascript:alert(4)\">đây</a>";

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
	Organisations organisations;

	@Test
	void eachOrganisationHasItsOwnFeedsAndTheMainOnesAreTheDefaultOrganisations() throws Exception {
		if (this.organisations.find("xa-feed-rieng").isEmpty()) {
			this.organisations.create(new NewOrganisation("xa-feed-rieng", "Xã Riêng", "commune", null), "test");
		}
		ContentItem own = new ContentItem("feed-xa-rieng", "xa-feed-rieng", "Tin riêng của xã", "", "Chỉ cho xã.", null,
				Set.of(Outlet.FEED), "api", null, Map.of(), ContentStatus.PUBLISHED, "api", Instant.EPOCH);
		publish(own, "2025-09-01T08:00+07:00");
		publish(item("feed-chung", "Tin của đơn vị mặc định", "Cho mọi người."), "2025-09-01T08:30+07:00");

		HttpResponse<byte[]> commune = get("/o/xa-feed-rieng/feed.xml", Map.of());
		assertThat(commune.statusCode()).isEqualTo(200);
		SyndFeed feed = parse(commune.body());
		assertThat(feed.getTitle()).endsWith(" — Xã Riêng");
		assertThat(feed.getLink()).isEqualTo("https://loa.example.vn/o/xa-feed-rieng/");
		assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Tin riêng của xã");
		assertThat(parse(get("/o/xa-feed-rieng/feed.atom", Map.of()).body()).getEntries()).hasSize(1);
		assertThat(parse(get("/feed.xml", Map.of()).body()).getEntries()).extracting(SyndEntry::getTitle)
			.contains("Tin của đơn vị mặc định")
			.doesNotContain("Tin riêng của xã");

		String etag = commune.headers().firstValue("ETag").orElseThrow();
		assertThat(get("/o/xa-feed-rieng/feed.xml", Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
		assertThat(get("/o/khong-co/feed.xml", Map.of()).statusCode()).isEqualTo(404);

		String page = new String(get("/o/xa-feed-rieng/", Map.of()).body(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("<h1>Xã Riêng</h1>")
			.contains("href=\"/p/feed-xa-rieng\">Tin riêng của xã</a>")
			.doesNotContain("Tin của đơn vị mặc định")
			.contains("type=\"application/rss+xml\" title=\"RSS\" href=\"/o/xa-feed-rieng/feed.xml\"")
			.contains("href=\"/o/xa-feed-rieng/calendar.ics\"");
		assertThat(get("/o/khong-co/", Map.of()).statusCode()).isEqualTo(404);

		// Its archive of September 2025, with links to the months around it.
		String archive = new String(get("/o/xa-feed-rieng/archive/2025/09", Map.of()).body(),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(archive).contains("Tin riêng của xã")
			.doesNotContain("Tin của đơn vị mặc định")
			.contains("href=\"/o/xa-feed-rieng/archive/2025/08\"")
			.contains("href=\"/o/xa-feed-rieng/archive/2025/10\"");
		assertThat(new String(get("/archive/2025/09", Map.of()).body(), java.nio.charset.StandardCharsets.UTF_8))
			.contains("Tin của đơn vị mặc định")
			.doesNotContain("Tin riêng của xã")
			.contains("href=\"/archive/2025/08\"");
		assertThat(get("/o/khong-co/archive/2025/09", Map.of()).statusCode()).isEqualTo(404);
		HttpResponse<byte[]> calendar = get("/o/xa-feed-rieng/calendar.ics", Map.of());
		assertThat(calendar.statusCode()).isEqualTo(200);
		assertThat(calendar.headers().firstValue("Content-Type")).get().asString().startsWith("text/calendar");
	}

	@Test
	void carriesPublishedItemsNewestFirstWithSanitisedHtml() throws Exception {
		publish(item("feed-older", "Kỷ niệm Cách mạng Tháng Tám", "Nội dung **đậm**."), "2025-09-01T06:00+07:00");
		publish(item("feed-newer", "Chào mừng Quốc khánh 2/9", HOSTILE), "2025-09-01T07:00+07:00");

		for (String path : List.of("/feed.xml", "/feed.atom")) {
			HttpResponse<byte[]> response = get(path, Map.of());
			assertThat(response.headers().firstValue("Content-Type")).get()
				.asString()
				.startsWith(path.endsWith("xml") ? "application/rss+xml" : "application/atom+xml")
				.containsIgnoringCase("charset=UTF-8");
			SyndFeed feed = parse(response.body());
			assertThat(feed.getTitle()).isEqualTo("Loa — Tin tuyên truyền");
			List<String> links = feed.getEntries().stream().map(SyndEntry::getLink).toList();
			assertThat(links).containsSubsequence("https://loa.example.vn/p/feed-newer",
					"https://loa.example.vn/p/feed-older");
			SyndEntry hostile = entry(feed, "feed-newer");
			assertThat(hostile.getTitle()).isEqualTo("Chào mừng Quốc khánh 2/9");
			assertThat(hostile.getUri()).isEqualTo("https://loa.example.vn/p/feed-newer");
			assertThat(hostile.getPublishedDate().toInstant()).isEqualTo(Instant.parse("2025-09-01T00:00:00Z"));
			assertThat(hostile.getContents()).singleElement()
				.extracting(SyndContent::getValue)
				.asString()
				.contains("Xin chào")
				.doesNotContainIgnoringCase("<script")
				.doesNotContainIgnoringCase("javascript:")
				.doesNotContainIgnoringCase("onerror");
			assertThat(hostile.getDescription().getValue()).contains("Xin chào")
				.doesNotContainIgnoringCase("script")
				.doesNotContainIgnoringCase("javascript:")
				.doesNotContainIgnoringCase("onerror");
			assertThat(entry(feed, "feed-older").getContents().get(0).getValue()).contains("<strong>đậm</strong>");
		}
		// The RSS feed says where it lives, as Atom does (the feed validators ask for
		// it).
		String rss = new String(get("/feed.xml", Map.of()).body(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(rss).contains("xmlns:atom=\"http://www.w3.org/2005/Atom\"")
			.containsPattern("<atom:link (?=[^>]*href=\"https://loa.example.vn/feed.xml\")(?=[^>]*rel=\"self\")"
					+ "(?=[^>]*type=\"application/rss\\+xml\")[^>]*/>");
		// Each item says when once, with pubDate, not again with dc:date.
		assertThat(rss).contains("<pubDate>").doesNotContain("<dc:date>");
	}

	@Test
	void answersConditionalRequestsUntilAnotherItemIsPublished() throws Exception {
		publish(item("feed-before", "Ngày Nhà giáo Việt Nam", "Tri ân thầy cô."), "2025-09-10T06:00+07:00");
		HttpResponse<byte[]> first = get("/feed.atom", Map.of());
		String etag = first.headers().firstValue("ETag").orElseThrow();
		String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
		assertThat(etag).startsWith("\"");
		assertThat(lastModified).isEqualTo("Tue, 09 Sep 2025 23:00:00 GMT");

		assertThat(get("/feed.atom", Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
		assertThat(get("/feed.atom", Map.of("If-Modified-Since", lastModified)).statusCode()).isEqualTo(304);
		assertThat(get("/feed.xml", Map.of("If-None-Match", etag)).statusCode()).isEqualTo(200);

		publish(item("feed-after", "Ngày Phụ nữ Việt Nam", "Chúc mừng chị em."), "2025-09-11T06:00+07:00");
		HttpResponse<byte[]> changed = get("/feed.atom", Map.of("If-None-Match", etag));
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.headers().firstValue("ETag")).get().isNotEqualTo(etag);
		assertThat(parse(changed.body()).getEntries().get(0).getLink())
			.isEqualTo("https://loa.example.vn/p/feed-after");
	}

	@Test
	void recordsARepeatedPublicationOnce() throws Exception {
		ContentPublished event = publish(item("feed-twice", "Ngày hội đại đoàn kết", "Toàn dân đoàn kết."),
				"2025-08-20T06:00+07:00");
		publish(event);

		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM feed_entry WHERE item_id = 'feed-twice'", Integer.class))
			.isOne();
		assertThat(parse(get("/feed.atom", Map.of()).body()).getEntries())
			.filteredOn((entry) -> entry.getLink().endsWith("/p/feed-twice"))
			.hasSize(1);
	}

	@Test
	void showsThePublicPageOfPublishedItemsOnly() throws Exception {
		publish(item("feed-page", "Tuyên truyền an toàn giao thông", HOSTILE), "2025-08-25T06:00+07:00");
		ContentFixtures.store(this.store, new ContentItem("feed-draft", "default", "Bản nháp", "", "Chưa đăng.", null,
				Set.of(Outlet.FEED), "2025-12-01 06:00", null, Map.of(), ContentStatus.DRAFT, "api", Instant.EPOCH));

		HttpResponse<byte[]> page = get("/p/feed-page", Map.of());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("lang=\"vi\"")
			.contains("<h1>Tuyên truyền an toàn giao thông</h1>")
			.contains("25/08/2025 06:00")
			.contains("type=\"application/rss+xml\"")
			.contains("type=\"application/atom+xml\"")
			.contains("Xin chào")
			.doesNotContain("<script>alert")
			.doesNotContain("onerror")
			.doesNotContain("javascript:alert");

		HttpResponse<byte[]> draft = get("/p/feed-draft", Map.of());
		assertThat(draft.statusCode()).isEqualTo(404);
		assertThat(new String(draft.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("Không tìm thấy")
			.doesNotContain("Chưa đăng");
		assertThat(get("/p/unknown", Map.of()).statusCode()).isEqualTo(404);
	}

	private ContentItem item(String id, String title, String body) {
		return new ContentItem(id, "default", title, "", body, null, Set.of(Outlet.FEED), "api", null, Map.of(),
				ContentStatus.PUBLISHED, "api", Instant.EPOCH);
	}

	private ContentPublished publish(ContentItem item, String at) {
		ContentFixtures.store(this.store, item);
		Instant instant = OffsetDateTime.parse(at).toInstant();
		ContentPublished event = new ContentPublished(item.id(), Set.of(Outlet.FEED), instant, instant, false);
		publish(event);
		return event;
	}

	private void publish(ContentPublished event) {
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(event));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL", Integer.class) == 0);
	}

	private HttpResponse<byte[]> get(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static SyndFeed parse(byte[] xml) throws Exception {
		return new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(xml)));
	}

	private static SyndEntry entry(SyndFeed feed, String id) {
		return feed.getEntries()
			.stream()
			.filter((entry) -> entry.getLink().endsWith("/p/" + id))
			.findFirst()
			.orElseThrow();
	}

}
