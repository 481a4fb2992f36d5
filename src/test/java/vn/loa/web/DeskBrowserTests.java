package vn.loa.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.loa.accounts.Accounts;
import vn.loa.accounts.Role;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentCatalog;
import vn.loa.content.ContentActor;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentWorkflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The editors' path in Debian's headless Chromium: an editor logs in and prepares content
 * for a day, an approver approves it, and at its time it is on the public page and in the
 * feed. Saves screenshots of the desk's main pages.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:desk-browser;DB_CLOSE_DELAY=-1", "loa.api.token=desk-token",
				"loa.secret=desk-secret", "loa.publishing.sweep-interval=PT1H" })
class DeskBrowserTests {

	private static final String PASSWORD = "mat-khau-du-dai-2026";

	/** A commune's plan as an editor would upload it. */
	private static final String PLAN = """
			ĐẢNG BỘ XÃ LONG SƠN
			Số 12-KH/ĐU          Long Sơn, ngày 05 tháng 3 năm 2025

			KẾ HOẠCH
			tuyên truyền kỷ niệm các ngày lễ lớn năm 2025

			I. NỘI DUNG

			1. Giai đoạn từ ngày 01/8/2025 đến ngày 31/8/2025: kỷ niệm 80 năm Cách mạng tháng Tám
			(19/8/1945-19/8/2025) và Quốc khánh 2/9.

			II. HÌNH THỨC TUYÊN TRUYỀN

			Tuyên truyền trên hệ thống đài truyền thanh xã và trang thông tin điện tử của xã.
			""";

	private static final int PORT = Chromium.freePort();

	private static final Path DATA = TestData.directory("loa-desk-browser");

	@Autowired
	Accounts accounts;

	@Autowired
	ContentCatalog store;

	@Autowired
	ContentWorkflow workflow;

	@Autowired
	ZoneId zone;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	private WebDriver browser;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("loa.base-url", () -> "http://localhost:" + PORT);
		TestData.register(registry, DATA);
	}

	@BeforeAll
	static void needsChromium() {
		Chromium.requireInstalled();
	}

	@BeforeEach
	void openBrowser() throws IOException {
		this.browser = Chromium.open(1280, 1000);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void anEditorPreparesContentAnApproverApprovesItAndItIsPublishedAtItsTime() throws Exception {
		this.accounts.create("test", "bien-tap", "Biên tập viên Lan", PASSWORD, Set.of(Role.EDITOR));
		this.accounts.create("test", "duyet", "Trưởng ban Minh", PASSWORD, Set.of(Role.APPROVER));

		logIn("bien-tap");
		Chromium.screenshot(this.browser, "desk");
		LocalDate today = LocalDate.now(this.zone);
		// From the month's calendar, the editor picks today to prepare content for.
		this.browser.get(url("/desk/calendar"));
		Chromium.screenshot(this.browser, "desk-calendar");
		this.browser.findElement(By.cssSelector("a.prepare[href$='date=" + today + "']")).click();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.browser.getCurrentUrl().contains("/desk/content/new"));
		String title = "Thông báo lịch sinh hoạt chi bộ tháng " + today.getMonthValue();
		ZonedDateTime due = ZonedDateTime.now(this.zone).plusSeconds(25).withNano(0);
		this.browser.findElement(By.id("id")).sendKeys("sinh-hoat-chi-bo");
		this.browser.findElement(By.id("title")).sendKeys(title);
		this.browser.findElement(By.id("body"))
			.sendKeys("Kính gửi các đồng chí, lịch **sinh hoạt chi bộ** của UBND xã ngày 02/9 như sau.");
		if (!this.browser.findElement(By.id("outlet-feed")).isSelected()) {
			this.browser.findElement(By.id("outlet-feed")).click();
		}
		this.browser.findElement(By.id("when")).clear();
		this.browser.findElement(By.id("when"))
			.sendKeys(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(due));
		Chromium.screenshot(this.browser, "desk-content-form");
		this.browser.findElement(By.cssSelector("button[name=action][value=submit]")).click();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.store.find("sinh-hoat-chi-bo"))
				.hasValueSatisfying((item) -> assertThat(item.status()).isEqualTo(ContentStatus.SUBMITTED)));
		logOut();

		logIn("duyet");
		this.browser.get(url("/desk/content/sinh-hoat-chi-bo/edit"));
		Chromium.screenshot(this.browser, "desk-review");
		// The approver hears what the announcer will say: the date and the abbreviation
		// in words.
		this.browser.findElement(By.cssSelector("details.preview-spoken summary")).click();
		assertThat(this.browser.findElement(By.cssSelector("details.preview-spoken pre")).getText())
			.contains("Ủy ban nhân dân xã ngày mồng hai tháng chín");
		((org.openqa.selenium.JavascriptExecutor) this.browser)
			.executeScript("document.querySelector('details.preview-spoken').scrollIntoView()");
		Chromium.screenshot(this.browser, "desk-review-spoken");
		this.browser.manage().window().setSize(new Dimension(390, 844));
		((org.openqa.selenium.JavascriptExecutor) this.browser)
			.executeScript("document.querySelector('details.preview-spoken').scrollIntoView()");
		Chromium.screenshot(this.browser, "phone-desk-review-spoken");
		this.browser.manage().window().setSize(new Dimension(1366, 768));
		this.browser.findElement(By.cssSelector("form[action$='/approve'] button")).click();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.store.find("sinh-hoat-chi-bo").orElseThrow().status())
				.isEqualTo(ContentStatus.SCHEDULED));
		// A script in this evening's slot, so the rundown shows a line with its player.
		java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
		this.jdbc.update(
				"INSERT INTO radio_entry (station_id, item_id, slot_date, slot_time, slot_order, title, "
						+ "script, syllables, reading_seconds, status, queued_at, updated_at) VALUES ('default', "
						+ "'lich-tiem-chung', ?, '17:00:00', 1, 'Lịch tiêm chủng ngày 02/9', "
						+ "'Kính thưa bà con, UBND xã thông báo lịch tiêm chủng ngày 02/9.', 16, 5, 'QUEUED', ?, ?)",
				java.sql.Date.valueOf(java.time.LocalDate.now(this.zone)), now, now);
		this.browser.get(url("/desk/radio"));
		((org.openqa.selenium.JavascriptExecutor) this.browser).executeScript("document.getElementById('" + "entry-"
				+ this.jdbc.queryForObject("SELECT id FROM radio_entry WHERE item_id = 'lich-tiem-chung'", Long.class)
				+ "').scrollIntoView()");
		Chromium.screenshot(this.browser, "desk-radio");
		this.browser.manage().window().setSize(new Dimension(390, 844));
		((org.openqa.selenium.JavascriptExecutor) this.browser)
			.executeScript("document.querySelector('audio').scrollIntoView()");
		Chromium.screenshot(this.browser, "phone-desk-radio-line");
		this.browser.manage().window().setSize(new Dimension(1366, 768));
		this.browser.get(url("/desk/subscribers"));
		Chromium.screenshot(this.browser, "desk-subscribers");

		// At its time: published, on the public page and in the feed.
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.store.find("sinh-hoat-chi-bo").orElseThrow().status())
				.isEqualTo(ContentStatus.PUBLISHED));
		await().atMost(Duration.ofSeconds(10)).until(() -> get("/feed.xml").contains(title));
		this.browser.get(url("/p/sinh-hoat-chi-bo"));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
		Chromium.screenshot(this.browser, "desk-published-item");
	}

	/**
	 * Every desk page on a phone-sized screen: nothing wider than the screen, and every
	 * field a person can fill has a label a screen reader reads out.
	 */
	@Test
	void anAdministratorUsesEveryDeskPageOnAPhone() throws Exception {
		this.accounts.create("test", "quan-tri", "Quản trị viên Hà", PASSWORD, Set.of(Role.ADMIN));
		this.browser.manage().window().setSize(new Dimension(390, 844));
		logIn("quan-tri");
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("phone-desk", "/desk");
		pages.put("phone-desk-calendar", "/desk/calendar?month=2025-09");
		pages.put("phone-desk-content", "/desk/content");
		pages.put("phone-desk-content-form", "/desk/content/new?date=2025-09-01");
		pages.put("phone-desk-plans", "/desk/plans");
		pages.put("phone-desk-plan", "/desk/plans/443-kh-tu");
		pages.put("phone-desk-plan-import", "/desk/plans/import");
		pages.put("phone-desk-subscribers", "/desk/subscribers");
		pages.put("phone-desk-deliveries", "/desk/deliveries");
		pages.put("phone-desk-radio", "/desk/radio");
		pages.put("phone-desk-accounts", "/desk/accounts");
		pages.put("phone-desk-account", "/desk/accounts/quan-tri");
		pages.put("phone-desk-audit", "/desk/audit");
		pages.put("phone-desk-tokens", "/desk/tokens");
		pages.put("phone-desk-organisations", "/desk/organisations");
		pages.put("phone-desk-organisations-province", "/desk/organisations?within=thai-nguyen");
		pages.put("phone-desk-organisation", "/desk/organisations/thai-nguyen-bang-thanh");
		pages.put("phone-site-organisation", "/o/thai-nguyen-bang-thanh/");
		pages.put("phone-site-subscribe-finder", "/subscribe?q=thai+nguyen");
		pages.put("phone-desk-stations", "/desk/stations");
		pages.put("phone-desk-station", "/desk/stations/default");
		pages.put("phone-desk-email-identity", "/desk/organisations/thai-nguyen/email");
		pages.put("phone-desk-coverage", "/desk/coverage?organisation=thai-nguyen&from=2025-08-28&to=2025-09-03");
		for (Map.Entry<String, String> page : pages.entrySet()) {
			this.browser.get(url(page.getValue()));
			fitsAPhone(page.getKey(), page.getValue());
		}
		// A station's voice, and an item's priority on air, further down their forms.
		this.browser.get(url("/desk/stations/default"));
		((JavascriptExecutor) this.browser)
			.executeScript("document.getElementById('variant').scrollIntoView({block: 'center'})");
		Chromium.screenshot(this.browser, "phone-desk-station-variant");
		this.browser.get(url("/desk/content/new?date=2025-09-01"));
		((JavascriptExecutor) this.browser)
			.executeScript("document.getElementById('priority').scrollIntoView({block: 'center'})");
		Chromium.screenshot(this.browser, "phone-desk-content-form-priority");
		// The organisations on an office screen: a province's 93 units in one table.
		this.browser.manage().window().setSize(new Dimension(1366, 768));
		Map<String, String> office = new LinkedHashMap<>();
		office.put("office-desk-organisations", "/desk/organisations?within=thai-nguyen");
		office.put("office-desk-organisations-province", "/desk/organisations/thai-nguyen");
		office.put("office-site-organisation", "/o/thai-nguyen-bang-thanh/");
		office.put("office-site-subscribe-finder", "/subscribe?q=bang+thanh");
		office.put("office-desk-stations", "/desk/stations");
		office.put("office-desk-station", "/desk/stations/default");
		office.put("office-desk-content-form", "/desk/content/new?date=2025-09-01");
		office.put("office-desk-radio", "/desk/radio");
		office.put("office-desk-accounts", "/desk/accounts");
		office.put("office-desk-tokens", "/desk/tokens");
		office.put("office-desk-email-identity", "/desk/organisations/thai-nguyen/email");
		office.put("office-desk-coverage", "/desk/coverage?organisation=thai-nguyen&from=2025-08-28&to=2025-09-03");
		for (Map.Entry<String, String> page : office.entrySet()) {
			this.browser.get(url(page.getValue()));
			fitsAPhone(page.getKey(), page.getValue());
		}
		// The coverage a province reads: the occurrences and each commune below the form.
		this.browser.get(url("/desk/coverage?organisation=thai-nguyen&from=2025-08-28&to=2025-09-03"));
		((org.openqa.selenium.JavascriptExecutor) this.browser)
			.executeScript("document.querySelector('main h2').scrollIntoView()");
		Chromium.screenshot(this.browser, "office-desk-coverage-tables");
		// Whom an item goes to, and the warning when its radio has no station.
		this.browser.get(url("/desk/content/new?date=2025-09-01"));
		this.browser.findElement(By.id("title")).sendKeys("Treo cờ mừng Quốc khánh");
		this.browser.findElement(By.id("body")).sendKeys("Đề nghị bà con các xã treo cờ.");
		this.browser.findElement(By.id("organisation")).clear();
		this.browser.findElement(By.id("organisation")).sendKeys("thai-nguyen");
		this.browser.findElement(By.id("audience-all")).click();
		this.browser.findElement(By.id("outlet-radio")).click();
		this.browser.findElement(By.cssSelector("button[name=action][value=preview]")).click();
		// The preview is a new page: wait for it rather than read the old one.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.browser.getPageSource().contains("không đơn vị nào trong danh sách nhận có đài"));
		((org.openqa.selenium.JavascriptExecutor) this.browser)
			.executeScript("document.getElementById('audience-all').scrollIntoView({block: 'center'})");
		Chromium.screenshot(this.browser, "office-desk-content-form-audience");
		this.browser.manage().window().setSize(new Dimension(390, 844));
		// The review of an imported plan, where an editor checks what was read.
		Path plan = DATA.resolve("ke-hoach-12-kh-du.txt");
		Files.writeString(plan, PLAN, StandardCharsets.UTF_8);
		this.browser.get(url("/desk/plans/import"));
		this.browser.findElement(By.id("file")).sendKeys(plan.toAbsolutePath().toString());
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.browser.getCurrentUrl().matches(".*/desk/plans/import/[^/]+$"));
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("12-KH/ĐU").contains("Dòng");
		fitsAPhone("phone-desk-plan-review", this.browser.getCurrentUrl());
	}

	/**
	 * A commune's editor works in their commune: the header says which, and a token
	 * issued for the commune is shown once.
	 */
	@Test
	void aCommuneEditorSeesTheirCommuneInTheHeader() throws Exception {
		this.accounts.create("test", "bien-tap-bang-thanh", "Biên tập viên Bằng Thành", PASSWORD, Set.of(Role.ADMIN),
				"thai-nguyen-bang-thanh");
		// The province's notice for all its communes, on the commune's dashboard.
		this.workflow.create(new ContentDraft("thai-nguyen-hop-dan", "Họp dân về bầu cử", "", "Kính mời bà con.", null,
				List.of("feed"), java.time.LocalDate.now(this.zone).plusDays(2) + " 07:00", Map.of(), "thai-nguyen",
				null, List.of("all")), ContentActor.API);
		this.browser.manage().window().setSize(new Dimension(1366, 768));
		logIn("bien-tap-bang-thanh");
		assertThat(this.browser.findElement(By.cssSelector("section[aria-labelledby=coming]")).getText())
			.contains("Họp dân về bầu cử")
			.contains("do Tỉnh Thái Nguyên gửi xuống");
		assertThat(this.browser.findElement(By.cssSelector("header .scope")).getText()).contains("Bằng Thành");
		assertThat(this.browser.findElements(By.cssSelector("a[href='/desk/audit']"))).isEmpty();
		fitsAPhone("office-commune-desk", "/desk");
		this.browser.get(url("/desk/tokens"));
		this.browser.findElement(By.id("name")).sendKeys("Cổng thông tin xã Bằng Thành");
		this.browser.findElement(By.cssSelector("main form.stacked button[type=submit]")).click();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !this.browser.findElements(By.cssSelector("code.secret")).isEmpty());
		assertThat(this.browser.findElement(By.cssSelector("code.secret")).getText()).startsWith("loa_");
		fitsAPhone("office-commune-token-issued", "/desk/tokens");
		this.browser.manage().window().setSize(new Dimension(390, 844));
		this.browser.get(url("/desk"));
		fitsAPhone("phone-commune-desk", "/desk");
		logOut();
	}

	/**
	 * An officer with the emergency role issues a bulletin from the desk; within seconds
	 * it heads the station's rundown, read at once and again every 30 minutes; the page
	 * lists it as on air. Both pages on an office screen and a phone.
	 */
	@Test
	void anEmergencyOfficerIssuesABulletinThatHeadsTheRundown() throws Exception {
		this.accounts.create("test", "truc-ban-pctt", "Trực ban phòng chống thiên tai", PASSWORD,
				Set.of(Role.EDITOR, Role.EMERGENCY));
		this.browser.manage().window().setSize(new Dimension(1366, 768));
		logIn("truc-ban-pctt");
		assertThat(this.browser.findElement(By.cssSelector("header nav a.emergency")).getText()).isEqualTo("Khẩn cấp");
		this.browser.get(url("/desk/emergency"));
		fitsAPhone("office-desk-emergency", "/desk/emergency");
		this.browser.findElement(By.id("title")).sendKeys("Bão số 3: sơ tán dân vùng trũng trước 12 giờ");
		this.browser.findElement(By.id("body"))
			.sendKeys("Kính thưa bà con, bão số 3 đổ bộ vào 14 giờ chiều nay. "
					+ "Đề nghị bà con vùng trũng ven sông sơ tán trước 12 giờ, theo hướng dẫn của UBND xã.");
		this.browser.findElement(By.cssSelector("form.emergency-form button[type=submit]")).click();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.browser.getPageSource().contains("Đã phát tin khẩn cấp"));
		assertThat(this.browser.findElement(By.cssSelector("table.emergencies")).getText()).contains("Đang hiệu lực")
			.contains("Bão số 3");
		fitsAPhone("office-desk-emergency-issued", "/desk/emergency");
		await().atMost(Duration.ofSeconds(15)).until(() -> {
			this.browser.get(url("/desk/radio"));
			return !this.browser.findElements(By.cssSelector("section.emergencies article")).isEmpty();
		});
		assertThat(this.browser.findElement(By.cssSelector("section.emergencies")).getText()).contains("Đọc ngay")
			.contains("Bão số 3")
			.contains("đọc lại mỗi 30 phút");
		fitsAPhone("office-desk-radio-emergency", "/desk/radio");
		this.browser.manage().window().setSize(new Dimension(390, 844));
		this.browser.get(url("/desk/radio"));
		fitsAPhone("phone-desk-radio-emergency", "/desk/radio");
		this.browser.get(url("/desk/emergency"));
		fitsAPhone("phone-desk-emergency", "/desk/emergency");
		logOut();
	}

	/**
	 * The page in the browser fits a phone's width and labels every field a person can
	 * fill; it is saved as a screenshot.
	 */
	private void fitsAPhone(String name, String page) throws IOException {
		JavascriptExecutor script = (JavascriptExecutor) this.browser;
		Chromium.screenshot(this.browser, name);
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).as(page).isNotBlank();
		Number overflow = (Number) script
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow.intValue()).as("%s is wider than the screen by %s px", page, overflow)
			.isLessThanOrEqualTo(0);
		@SuppressWarnings("unchecked")
		List<String> unlabelled = (List<String>) script.executeScript("""
				return Array.from(document.querySelectorAll('input, select, textarea'))
				  .filter(f => f.type !== 'hidden' && f.type !== 'submit' && f.type !== 'button')
				  .filter(f => !(f.labels && f.labels.length) && !f.getAttribute('aria-label')
				    && !f.getAttribute('aria-labelledby'))
				  .map(f => f.outerHTML);""");
		assertThat(unlabelled).as("fields without a label on %s", page).isEmpty();
	}

	private void logIn(String username) {
		Chromium.logIn(this.browser, url(""), username, PASSWORD);
	}

	private void logOut() {
		this.browser.findElement(By.cssSelector("form.logout button")).click();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.browser.getCurrentUrl().contains("/login"));
	}

	private static String get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static String url(String path) {
		return "http://localhost:" + PORT + path;
	}

}
