package vn.loa.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.context.support.ServletRequestHandledEvent;

import vn.loa.content.ContentCatalog;
import vn.loa.content.ContentFixtures;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.Outlet;
import vn.loa.organisations.NewOrganisation;
import vn.loa.organisations.Organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The feeds answered before the security chain and Spring MVC, over real HTTP: the same
 * headers a page gets from the chain, conditional requests and {@code HEAD} as a reader
 * expects, no application event per request, anything else left to the chain, and what
 * another node records seen within the check interval.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:feed-fast-path;DB_CLOSE_DELAY=-1",
				"spring.quartz.auto-startup=false", "loa.api.token=fast-path-token", "loa.secret=fast-path-secret",
				"loa.base-url=https://loa.example.vn", "loa.feed.check-interval=PT0.3S" })
class FeedFastPathIntegrationTests {

	private static final Path DATA = TestData.withCalendar("loa-feed-fast-path");

	private static final List<String> BROWSER_HEADERS = List.of("Content-Security-Policy", "X-Content-Type-Options",
			"X-Frame-Options", "X-XSS-Protection", "Referrer-Policy", "Strict-Transport-Security");

	private static final List<String> HANDLED = new CopyOnWriteArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	ContentCatalog store;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestData.register(registry, DATA);
	}

	@Test
	void everyFeedCarriesThePagesBrowserHeadersAndNoCookieAndPublishesNoEvent() throws Exception {
		commune("xa-nhanh");
		HttpResponse<String> page = get("/o/xa-nhanh/", Map.of());
		assertThat(page.statusCode()).isEqualTo(200);
		for (String path : List.of("/feed.xml", "/feed.atom", "/o/xa-nhanh/feed.xml", "/o/xa-nhanh/feed.atom")) {
			HANDLED.clear();
			HttpResponse<String> feed = get(path, Map.of());
			assertThat(feed.statusCode()).as(path).isEqualTo(200);
			for (String header : BROWSER_HEADERS) {
				assertThat(feed.headers().allValues(header)).as(path + " " + header)
					.isNotEmpty()
					.isEqualTo(page.headers().allValues(header));
			}
			assertThat(feed.headers().allValues("Set-Cookie")).as(path).isEmpty();
			assertThat(feed.headers().firstValue("Cache-Control")).as(path).contains("no-cache, public");
			assertThat(feed.headers().firstValue("Content-Type")).as(path)
				.hasValueSatisfying(
						(type) -> assertThat(type).matches("application/(rss|atom)\\+xml;\\s*charset=UTF-8"));
			assertThat(HANDLED).as("requests Spring MVC handled for %s", path).isEmpty();
		}
		// A page still goes through Spring MVC, which says so.
		get("/o/xa-nhanh/", Map.of());
		assertThat(HANDLED).isNotEmpty();
	}

	@Test
	void answersConditionalRequestsAndHeadAsAReaderExpects() throws Exception {
		publishHere("nhanh-mot", "2025-09-10T06:00:00Z");
		HttpResponse<String> first = get("/feed.xml", Map.of());
		String etag = first.headers().firstValue("ETag").orElseThrow();
		String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
		assertThat(first.body()).contains("nhanh-mot");

		for (String tag : List.of(etag, "W/" + etag, "\"khac\", " + etag, "*")) {
			HttpResponse<String> again = get("/feed.xml", Map.of("If-None-Match", tag));
			assertThat(again.statusCode()).as(tag).isEqualTo(304);
			assertThat(again.body()).as(tag).isEmpty();
			assertThat(again.headers().firstValue("ETag")).as(tag).contains(etag);
			assertThat(again.headers().firstValue("Content-Security-Policy")).as(tag).isPresent();
		}
		assertThat(get("/feed.xml", Map.of("If-Modified-Since", lastModified)).statusCode()).isEqualTo(304);
		// A tag that does not match wins over a date that would.
		assertThat(
				get("/feed.xml", Map.of("If-None-Match", "\"khac\"", "If-Modified-Since", lastModified)).statusCode())
			.isEqualTo(200);
		assertThat(get("/feed.xml", Map.of("If-Modified-Since", "not a date")).statusCode()).isEqualTo(200);

		HttpResponse<String> head = this.http.send(
				HttpRequest.newBuilder(uri("/feed.xml")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(head.headers().firstValueAsLong("Content-Length"))
			.hasValue(first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
		assertThat(head.headers().firstValue("ETag")).contains(etag);
	}

	@Test
	void whatTheFastPathDoesNotKnowGoesDownTheChain() throws Exception {
		assertThat(get("/o/khong-co-don-vi/feed.xml", Map.of()).statusCode()).isEqualTo(404);
		HttpResponse<String> posted = this.http.send(
				HttpRequest.newBuilder(uri("/feed.xml")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isIn(403, 405);
		assertThat(get("/o/XA-HOA/feed.xml", Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void whatAnotherNodeRecordsReachesThisNodesReadersWithinTheCheckInterval() throws Exception {
		commune("xa-nut-khac");
		HttpResponse<String> before = get("/o/xa-nut-khac/feed.xml", Map.of());
		assertThat(before.body()).doesNotContain("nut-khac-tin");
		// Another node shares the database: it stores the item and records its entry,
		// and this node is never told.
		ContentFixtures.store(this.store, item("nut-khac-tin", "xa-nut-khac"));
		this.jdbc.update(
				"INSERT INTO feed_entry (item_id, organisation, published_at, recorded_at) VALUES (?, ?, ?, ?)",
				"nut-khac-tin", "xa-nut-khac", Timestamp.from(Instant.parse("2025-09-11T06:00:00Z")),
				Timestamp.from(Instant.now()));
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> get("/o/xa-nut-khac/feed.xml", Map.of()).body().contains("nut-khac-tin"));
		assertThat(get("/o/xa-nut-khac/feed.xml",
				Map.of("If-None-Match", before.headers().firstValue("ETag").orElseThrow()))
			.statusCode()).isEqualTo(200);
	}

	/** A published item in the default organisation's feeds. */
	private void publishHere(String id, String at) {
		ContentFixtures.store(this.store, item(id, Organisations.DEFAULT));
		this.jdbc.update(
				"INSERT INTO feed_entry (item_id, organisation, published_at, recorded_at) VALUES (?, ?, ?, ?)", id,
				Organisations.DEFAULT, Timestamp.from(Instant.parse(at)), Timestamp.from(Instant.now()));
		await().atMost(Duration.ofSeconds(5)).until(() -> get("/feed.xml", Map.of()).body().contains(id));
	}

	private void commune(String id) {
		if (this.organisations.find(id).isEmpty()) {
			this.organisations.create(new NewOrganisation(id, "Xã " + id, "commune", null), "test");
		}
	}

	private static ContentItem item(String id, String organisation) {
		return new ContentItem(id, organisation, "Tin " + id, "", "Nội dung " + id + ".", null, Set.of(Outlet.FEED),
				"2025-09-10 06:00", null, Map.of(), ContentStatus.PUBLISHED, "api", Instant.EPOCH);
	}

	private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RequestsHandled {

		@Bean
		ApplicationListener<ServletRequestHandledEvent> requestsHandled() {
			return (event) -> HANDLED.add(event.getRequestUrl());
		}

	}

}
