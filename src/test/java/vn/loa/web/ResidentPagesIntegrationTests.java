package vn.loa.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.content.ContentFixtures;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentCatalog;
import vn.loa.content.Outlet;
import vn.loa.publishing.events.ContentPublished;
import vn.loa.subscribers.ConfirmationTokens;
import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The residents' pages over MockMvc (and real HTTP where the servlet container's error
 * dispatch matters), with a clock the tests move and GreenMail catching the mail.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:residents;DB_CLOSE_DELAY=-1", "spring.mail.host=127.0.0.1",
				"spring.quartz.auto-startup=false", "loa.api.token=test-token", "loa.secret=residents-secret",
				"loa.base-url=https://loa.example.vn" })
@AutoConfigureMockMvc
class ResidentPagesIntegrationTests {

	private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	private static final Path DATA = TestData.directory("loa-residents");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern LINK = Pattern
		.compile("https://loa\\.example\\.vn(/subscribe/confirm/[A-Za-z0-9._-]+)");

	static {
		SMTP.start();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MovableClock clock;

	@Autowired
	Subscribers subscribers;

	@Autowired
	ConfirmationTokens tokens;

	@Autowired
	ContentCatalog store;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	vn.loa.accounts.Accounts accounts;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", SMTP.getSmtp()::getPort);
		TestData.register(registry, DATA);
	}

	@AfterAll
	static void stopSmtp() {
		SMTP.stop();
	}

	/**
	 * What a browser and a search engine get beyond the text: a description and an icon
	 * on every page, pages compressed for a browser that asks, and the style sheet and
	 * icon cached for an hour rather than fetched again on every page.
	 */
	@Test
	void pagesHaveADescriptionAndAnIconAreCompressedAndTheirStylesAreCached() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<byte[]> home = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/"))
			.header("Accept-Encoding", "gzip")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.headers().firstValue("Content-Encoding")).hasValue("gzip");
		String page = new String(
				new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(home.body())).readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("<meta name=\"description\" content=\"Lịch và nội dung tuyên truyền của địa phương")
			.contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">");
		// Every date is machine-readable too, as the HTML checker asks of <time>.
		java.util.regex.Matcher times = java.util.regex.Pattern.compile("<time[^>]*>").matcher(page);
		int count = 0;
		while (times.find()) {
			assertThat(times.group()).matches("<time class=\"meta\" datetime=\"\\d{4}-\\d{2}-\\d{2}[^\"]*\">");
			count++;
		}
		assertThat(count).as("dates on the home page").isPositive();
		for (String path : new String[] { "/favicon.svg", "/loa.css" }) {
			HttpResponse<String> file = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(file.statusCode()).as(path).isEqualTo(200);
			assertThat(file.headers().firstValue("Cache-Control")).as(path)
				.hasValueSatisfying((cache) -> assertThat(cache).contains("max-age=3600").doesNotContain("no-store"));
		}
	}

	@Test
	void everyAnswerCarriesAStrictPolicyAndHstsAndTheSessionCookieStaysOnThisSite() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String path : new String[] { "/", "/login", "/subscribe", "/feed.xml", "/p/khong-co", "/desk",
				"/api/content" }) {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
			assertThat(policy).as(path)
				.contains("script-src 'self';")
				.contains("object-src 'none'")
				.contains("frame-ancestors 'none'")
				.contains("base-uri 'none'");
			assertThat(
					policy.substring(policy.indexOf("script-src"), policy.indexOf(';', policy.indexOf("script-src"))))
				.doesNotContain("unsafe");
			// loa.base-url is https: the proxy in front speaks TLS even though this
			// request did not.
			assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path)
				.contains("max-age=31536000");
		}
		java.nio.file.Path templates = java.nio.file.Path.of(getClass().getResource("/templates/home.html").toURI())
			.getParent();
		try (java.util.stream.Stream<java.nio.file.Path> pages = java.nio.file.Files.list(templates)) {
			for (java.nio.file.Path page : pages.filter((p) -> p.toString().endsWith(".html")).toList()) {
				assertThat(java.nio.file.Files.readString(page)).as(page.getFileName().toString())
					.doesNotContainPattern("<script(?![^>]*\\ssrc=)")
					.doesNotContainPattern("\\son[a-z]+=\"");
			}
		}
		if (this.accounts.find("bt-cookie").isEmpty()) {
			this.accounts.create("test", "bt-cookie", "Biên tập", DeskSessions.PASSWORD,
					Set.of(vn.loa.accounts.Role.EDITOR));
		}
		HttpResponse<String> form = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = CSRF.matcher(form.body());
		assertThat(csrf.find()).isTrue();
		String csrfCookie = form.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("XSRF-TOKEN="))
			.findFirst()
			.orElseThrow();
		HttpResponse<String> login = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
				.POST(HttpRequest.BodyPublishers.ofString("username=bt-cookie&password="
						+ java.net.URLEncoder.encode(DeskSessions.PASSWORD, java.nio.charset.StandardCharsets.UTF_8)
						+ "&_csrf=" + csrf.group(1)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().allValues("Set-Cookie")).filteredOn((c) -> c.startsWith("JSESSIONID="))
			.isNotEmpty()
			.allSatisfy((cookie) -> assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly"));
		assertThat(csrfCookie).contains("SameSite=Lax");
	}

	@Test
	void homeListsPublishedItemsAndUpcomingAnniversariesWithFeedDiscovery() throws Exception {
		this.clock.set(Instant.parse("2025-08-01T01:00:00Z"));
		publish("treo-co-quoc-khanh", "Thông báo treo cờ mừng Quốc khánh", "2025-07-30T23:30:00Z");

		String home = page(get("/"), 200);
		assertThat(home).contains("lang=\"vi\"")
			.contains("Thông báo treo cờ mừng Quốc khánh")
			.contains("href=\"/p/treo-co-quoc-khanh\"")
			.contains("31/07/2025")
			.contains("Kỷ niệm 80 năm Ngày Quốc khánh nước CHXHCN Việt Nam (02/9/1945 - 02/9/2025)")
			.contains("Năm tròn")
			.contains("type=\"application/rss+xml\"", "type=\"application/atom+xml\"", "type=\"text/calendar\"")
			.contains("href=\"/feed.xml\"", "href=\"/feed.atom\"", "href=\"/calendar.ics\"")
			.contains("href=\"/subscribe\"")
			.contains("href=\"/archive/2025/08\"");
		assertThat(page(get("/p/treo-co-quoc-khanh"), 200)).contains("type=\"text/calendar\"");

		// A lunar anniversary shows its lunar date.
		this.clock.set(Instant.parse("2026-03-15T01:00:00Z"));
		assertThat(page(get("/"), 200)).contains("Giỗ Tổ Hùng Vương").contains("10/3 âm lịch, 26/04/2026");
	}

	@Test
	void archiveListsTheItemsOfOneMonthAndLinksItsNeighbours() throws Exception {
		publish("thang-sau-archive", "Tin tháng Sáu", "2025-06-10T01:00:00Z");
		// 30/06 23:30 in Vietnam is still June there, though July in UTC... and the
		// reverse:
		publish("dau-thang-bay", "Tin đầu tháng Bảy", "2025-06-30T17:30:00Z");

		String june = page(get("/archive/2025/06"), 200);
		assertThat(june).contains("Tin tháng Sáu")
			.doesNotContain("Tin đầu tháng Bảy")
			.contains("href=\"/archive/2025/05\"", "href=\"/archive/2025/07\"")
			.contains("10/06/2025");
		assertThat(page(get("/archive/2025/07"), 200)).contains("Tin đầu tháng Bảy").doesNotContain("Tin tháng Sáu");
		assertThat(page(get("/archive/2025/13"), 400)).contains("Tháng không hợp lệ");
		assertThat(page(get("/archive/nam/01"), 400)).contains("Tháng không hợp lệ");
	}

	@Test
	void signingUpSendsAConfirmationMailWhoseLinkConfirmsOnlyOnPost() throws Exception {
		String address = "mai.hoang@example.vn";
		String sent = page(form(post("/subscribe").param("email", address).param("name", "Hoàng Thị Mai"), "10.1.0.1"),
				200);
		assertThat(sent).contains("Hãy kiểm tra hộp thư");
		Subscriber pending = find(address);
		assertThat(pending.status()).isEqualTo(SubscriberStatus.PENDING);

		MimeMessage mail = awaitMailTo(address);
		assertThat(mail.getSubject()).isEqualTo("Xác nhận đăng ký nhận bản tin");
		Map<String, String> parts = MailParts.of(mail);
		assertThat(parts).containsKeys("text/plain", "text/html");
		assertThat(parts.get("text/html")).contains("href=\"https://loa.example.vn/subscribe/confirm/");
		String text = parts.get("text/plain");
		assertThat(text).contains("Xin chào Hoàng Thị Mai");
		Matcher link = LINK.matcher(text);
		assertThat(link.find()).as("a confirmation link in %s", text).isTrue();
		String path = link.group(1);

		// Mail scanners follow links: GET only shows the button.
		assertThat(page(get(path), 200)).contains("Xác nhận đăng ký").contains("<form method=\"post\"");
		assertThat(find(address).status()).isEqualTo(SubscriberStatus.PENDING);

		assertThat(page(post(path), 200)).contains("đã được xác nhận");
		assertThat(find(address).status()).isEqualTo(SubscriberStatus.CONFIRMED);
		// The resident's own steps are the evidence of consent, without the address.
		assertThat(
				this.jdbc.queryForList(
						"SELECT actor || ' ' || action || ' ' || COALESCE(before_state, '-') || ' -> ' || after_state "
								+ "FROM audit_entry WHERE subject = ? ORDER BY id",
						String.class, "subscriber:" + pending.id()))
			.containsExactly("resident subscriber.sign-up - -> default, pending",
					"resident subscriber.confirm default, pending -> default, confirmed");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_entry WHERE after_state LIKE ? " + "OR before_state LIKE ?", Integer.class,
				"%" + address + "%", "%" + address + "%"))
			.isZero();

		// Signing up again gives the same neutral answer and sends nothing.
		int before = SMTP.getReceivedMessages().length;
		assertThat(page(form(post("/subscribe").param("email", "Mai.Hoang@example.vn"), "10.1.0.2"), 200))
			.contains("Hãy kiểm tra hộp thư");
		Thread.sleep(500);
		assertThat(SMTP.getReceivedMessages()).hasSize(before);
	}

	@Test
	void aResidentFollowsTwoCommunesEachSignUpNamingItsCommune() throws Exception {
		String address = "lan.follow@example.vn";
		assertThat(page(get("/o/thai-nguyen-bang-thanh/subscribe"), 200))
			.contains("Đăng ký nhận bản tin của Xã Bằng Thành")
			.contains("action=\"/o/thai-nguyen-bang-thanh/subscribe\"");
		assertThat(page(get("/o/thai-nguyen-bang-thanh/"), 200))
			.contains("href=\"/o/thai-nguyen-bang-thanh/subscribe\"");
		assertThat(page(form(post("/o/thai-nguyen-bang-thanh/subscribe").param("email", address), "10.7.0.1"), 200))
			.contains("Hãy kiểm tra hộp thư");
		assertThat(page(form(post("/o/thai-nguyen-phu-binh/subscribe").param("email", address), "10.7.0.2"), 200))
			.contains("Hãy kiểm tra hộp thư");
		assertThat(this.subscribers.list(null, null)
			.stream()
			.filter((s) -> s.email().equals(address))
			.map(Subscriber::organisation)).containsExactlyInAnyOrder("thai-nguyen-bang-thanh", "thai-nguyen-phu-binh");
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> java.util.Arrays.stream(SMTP.getReceivedMessages())
				.filter((m) -> recipients(m).contains(address))
				.count() == 2);
		List<String> subjects = new java.util.ArrayList<>();
		for (MimeMessage mail : SMTP.getReceivedMessages()) {
			if (recipients(mail).contains(address)) {
				subjects.add(mail.getSubject());
				assertThat(MailParts.of(mail).get("text/plain"))
					.containsPattern("nhận bản tin của Xã (Bằng Thành|Phú Bình)");
			}
		}
		assertThat(subjects).containsExactlyInAnyOrder("Xác nhận đăng ký nhận bản tin của Xã Bằng Thành",
				"Xác nhận đăng ký nhận bản tin của Xã Phú Bình");
		assertThat(page(get("/o/khong-co-don-vi/subscribe"), 404)).doesNotContain("Exception");
	}

	@Test
	void aResidentFindsTheirCommuneOnTheSignUpPageWithoutToneMarks() throws Exception {
		assertThat(page(get("/subscribe"), 200)).contains("Bản tin của xã, phường nơi bạn sống").contains("name=\"q\"");
		// Typed without tone marks, in capitals: Xã Bằng Thành of Tỉnh Thái Nguyên.
		String found = page(get("/subscribe").param("q", "  BANG thanh "), 200);
		assertThat(found).contains("href=\"/o/thai-nguyen-bang-thanh/subscribe\"")
			.contains("Xã Bằng Thành</a><span>, Tỉnh Thái Nguyên</span>");
		// Words of the commune and its province together narrow it down; a province's
		// name alone lists its own page first.
		assertThat(page(get("/subscribe").param("q", "phu binh thai nguyen"), 200))
			.contains("href=\"/o/thai-nguyen-phu-binh/subscribe\"");
		String province = page(get("/subscribe").param("q", "Thái Nguyên"), 200);
		assertThat(province).contains("href=\"/o/thai-nguyen/subscribe\"");
		assertThat(province.substring(province.indexOf("class=\"found\""))).as("the first found")
			.containsPattern("^[^<]*>\\s*<li><a href=\"/o/thai-nguyen/subscribe\">Tỉnh Thái Nguyên</a>");
		assertThat(province.split("<li>", -1)).as("at most %d found", SubscribeController.FOUND)
			.hasSizeLessThanOrEqualTo(SubscribeController.FOUND + 1);
		// Nothing by that name: said, with what was typed kept (and escaped).
		String none = page(get("/subscribe").param("q", "<b>Không có</b>"), 200);
		assertThat(none).contains("Không tìm thấy xã, phường nào có tên &quot;&lt;b&gt;Không có&lt;/b&gt;&quot;")
			.doesNotContain("<b>Không có</b>");
		// The commune's own sign-up has no finder.
		assertThat(page(get("/o/thai-nguyen-bang-thanh/subscribe"), 200)).doesNotContain("name=\"q\"");
	}

	private static List<String> recipients(MimeMessage mail) {
		try {
			return java.util.Arrays.stream(mail.getAllRecipients())
				.map((a) -> ((jakarta.mail.internet.InternetAddress) a).getAddress())
				.toList();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void anExpiredOrTamperedConfirmationLinkIsRefusedAndChangesNothing() throws Exception {
		Subscriber pending = this.subscribers.add(null, "het.han@example.vn", "Hết hạn", null, "api");
		String token = this.tokens.issue(pending.id());
		this.clock.advance(ConfirmationTokens.VALIDITY.plusMinutes(1));
		try {
			assertThat(page(get("/subscribe/confirm/" + token), 400)).contains("đã hết hạn");
			assertThat(page(post("/subscribe/confirm/" + token), 400)).contains("đã hết hạn");
			String expired = this.tokens.issue(pending.id(), this.clock.instant().minusSeconds(1));
			assertThat(page(post("/subscribe/confirm/" + expired), 400)).contains("đã hết hạn");
		}
		finally {
			this.clock.advance(ConfirmationTokens.VALIDITY.plusMinutes(1).negated());
		}
		String valid = this.tokens.issue(pending.id());
		String tampered = valid.replaceFirst("^\\d+", String.valueOf(pending.id() + 1));
		assertThat(page(post("/subscribe/confirm/" + tampered), 400)).contains("không hợp lệ");
		assertThat(this.subscribers.find(pending.id()).orElseThrow().status()).isEqualTo(SubscriberStatus.PENDING);
	}

	@Test
	void signingUpWithoutTheCsrfTokenIsForbidden() throws Exception {
		this.mvc.perform(post("/subscribe").param("email", "khong.token@example.vn").with(from("10.2.0.1")))
			.andExpect(status().isForbidden());
		assertThat(this.subscribers.list(null, null)).noneMatch((s) -> s.email().equals("khong.token@example.vn"));
	}

	@Test
	void tooManySignUpsFromOneClientOrForOneMailboxAreRefusedWith429() throws Exception {
		for (int i = 0; i < 5; i++) {
			page(form(post("/subscribe").param("email", "nhieu" + i + "@example.vn"), "10.3.0.1"), 200);
		}
		assertThat(page(form(post("/subscribe").param("email", "nhieu5@example.vn"), "10.3.0.1"), 429))
			.contains("Quá nhiều lần đăng ký");

		for (int i = 0; i < 3; i++) {
			page(form(post("/subscribe").param("email", "mot.hop.thu@example.vn"), "10.3.1." + i), 200);
		}
		assertThat(page(form(post("/subscribe").param("email", "MOT.HOP.THU@example.vn"), "10.3.2.1"), 429))
			.contains("Quá nhiều lần đăng ký");
	}

	@Test
	void anInvalidAddressShowsTheFormAgainWithTheErrorAndWhatWasTyped() throws Exception {
		String page = page(form(post("/subscribe").param("email", "khong-phai-dia-chi").param("name", "Nguyễn Văn An"),
				"10.4.0.1"), 400);
		assertThat(page).contains("value=\"khong-phai-dia-chi\"")
			.contains("value=\"Nguyễn Văn An\"")
			.contains("id=\"email-error\"")
			.contains("Hãy nhập một địa chỉ thư hợp lệ")
			.contains("aria-invalid=\"true\"");
		assertThat(page(form(post("/subscribe").param("email", "an@example.vn\r\nBcc: x@example.vn"), "10.4.0.2"), 400))
			.contains("id=\"email-error\"");
		assertThat(
				page(form(post("/subscribe").param("email", "an@example.vn").param("name", "An\r\nBcc: x"), "10.4.0.3"),
						400))
			.contains("id=\"name-error\"")
			.contains("value=\"an@example.vn\"");
		assertThat(this.subscribers.list(null, null)).noneMatch((s) -> s.email().startsWith("an@"));
	}

	@Test
	void pagesAreVietnameseByDefaultAndEnglishOnRequest() throws Exception {
		assertThat(page(get("/"), 200)).contains("Tin mới đăng").contains("lang=\"vi\"");
		MvcResult english = this.mvc.perform(get("/").param("lang", "en")).andReturn();
		assertThat(english.getResponse().getContentAsString()).contains("Latest items")
			.contains("lang=\"en\"")
			.doesNotContain("Tin mới đăng");
		Cookie cookie = english.getResponse().getCookie("loa-lang");
		assertThat(cookie).isNotNull();
		assertThat(page(get("/subscribe").cookie(cookie), 200)).contains("Email address");
		// A browser set to English (common on office computers) still gets Vietnamese:
		// only
		// the switch turns the site English.
		assertThat(page(get("/subscribe").header("Accept-Language", "en-US,en;q=0.8"), 200))
			.contains("Địa chỉ thư điện tử")
			.doesNotContain("Subscribe to the bulletin");
		assertThat(page(get("/subscribe").header("Accept-Language", "fr-FR"), 200)).contains("Địa chỉ thư điện tử");
	}

	@Test
	void errorsShowAFriendlyPageWithoutAStackTrace() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> missing = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/khong-co-trang-nay"))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("Không tìm thấy trang bạn cần")
			.contains("lang=\"vi\"")
			.doesNotContain("Exception", "at vn.loa", "Whitelabel");
		HttpResponse<String> forbidden = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/subscribe"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString("email=a%40example.vn"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("Yêu cầu không hợp lệ").doesNotContain("Exception", "Whitelabel");
	}

	private void publish(String id, String title, String at) {
		ContentFixtures.store(this.store, new ContentItem(id, "default", title, "Tóm tắt " + title, "Nội dung.", null,
				Set.of(Outlet.FEED), "api", null, Map.of(), ContentStatus.PUBLISHED, "api", Instant.EPOCH));
		Instant instant = Instant.parse(at);
		this.transactions.executeWithoutResult((status) -> this.events
			.publishEvent(new ContentPublished(id, Set.of(Outlet.FEED), instant, instant, false)));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM feed_entry WHERE item_id = ?", Integer.class,
					id) == 1);
	}

	/**
	 * A form post as a browser makes it: with the CSRF cookie and field of the form page.
	 */
	private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder post, String client) throws Exception {
		MvcResult form = this.mvc.perform(get("/subscribe")).andReturn();
		Matcher csrf = CSRF.matcher(form.getResponse().getContentAsString());
		assertThat(csrf.find()).isTrue();
		Cookie cookie = form.getResponse().getCookie("XSRF-TOKEN");
		assertThat(cookie).isNotNull();
		return post.cookie(cookie).param("_csrf", csrf.group(1)).with(from(client));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String client) {
		return (request) -> {
			request.setRemoteAddr(client);
			return request;
		};
	}

	private String page(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
		MvcResult result = this.mvc.perform(request).andExpect(status().is(expectedStatus)).andReturn();
		result.getResponse().setCharacterEncoding("UTF-8");
		return result.getResponse().getContentAsString();
	}

	private Subscriber find(String address) {
		return this.subscribers.list(null, null)
			.stream()
			.filter((s) -> s.email().equalsIgnoreCase(address))
			.findFirst()
			.orElseThrow();
	}

	private static MimeMessage awaitMailTo(String address) {
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address).length > 0);
		return mailsTo(address)[0];
	}

	private static MimeMessage[] mailsTo(String address) {
		return Arrays.stream(SMTP.getReceivedMessages())
			.filter((m) -> MailParts.recipients(m).contains(address))
			.toArray(MimeMessage[]::new);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MovableTime {

		@Bean
		@Primary
		MovableClock movableClock(ZoneId zone) {
			return new MovableClock(Clock.systemUTC().instant(), zone);
		}

	}

}
