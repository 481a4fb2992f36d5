package vn.loa.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.loa.accounts.Accounts;
import vn.loa.accounts.Role;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentStore;

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

	private static final int PORT;

	private static final Path DATA;

	static {
		try (ServerSocket socket = new ServerSocket(0)) {
			PORT = socket.getLocalPort();
			DATA = Files.createTempDirectory("loa-desk-browser");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Autowired
	Accounts accounts;

	@Autowired
	ContentStore store;

	@Autowired
	ZoneId zone;

	private WebDriver browser;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("loa.base-url", () -> "http://localhost:" + PORT);
		registry.add("loa.data-dir", DATA::toString);
		registry.add("loa.content-dir", () -> DATA.resolve("content").toString());
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
		this.browser.findElement(By.id("body")).sendKeys("Kính gửi các đồng chí, lịch **sinh hoạt chi bộ** như sau.");
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
		this.browser.findElement(By.cssSelector("form[action$='/approve'] button")).click();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.store.find("sinh-hoat-chi-bo").orElseThrow().status())
				.isEqualTo(ContentStatus.SCHEDULED));
		this.browser.get(url("/desk/radio"));
		Chromium.screenshot(this.browser, "desk-radio");
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

	private void logIn(String username) {
		this.browser.get(url("/login"));
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys(PASSWORD);
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.browser.getCurrentUrl().endsWith("/desk"));
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
