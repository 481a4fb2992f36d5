package vn.loa.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.loa.content.ContentDraft;
import vn.loa.content.ContentActor;
import vn.loa.content.ContentWorkflow;
import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A resident's whole path in Debian's headless Chromium: from the home page to the
 * sign-up form, the confirmation mail and its button, a bulletin, and its unsubscribe
 * button. Skipped without Chromium and its driver, except on CI where it fails.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1", "spring.mail.host=127.0.0.1",
				"loa.api.token=browser-token", "loa.secret=browser-secret", "loa.publishing.sweep-interval=PT1H" })
class ResidentBrowserTests {

	private static final Pattern CONFIRM_LINK = Pattern
		.compile("http://localhost:\\d+/subscribe/confirm/[A-Za-z0-9._-]+");

	private static final Pattern UNSUBSCRIBE_LINK = Pattern
		.compile("http://localhost:\\d+/unsubscribe/[A-Za-z0-9._-]+");

	private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	private static final int PORT = Chromium.freePort();

	private static final Path DATA = TestData.directory("loa-browser");

	@Autowired
	Subscribers subscribers;

	@Autowired
	ContentWorkflow editor;

	@Autowired
	ZoneId zone;

	private WebDriver browser;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("loa.base-url", () -> "http://localhost:" + PORT);
		registry.add("spring.mail.port", SMTP.getSmtp()::getPort);
		TestData.register(registry, DATA);
	}

	@BeforeAll
	static void needsChromium() {
		Chromium.requireInstalled();
		SMTP.start();
	}

	@AfterAll
	static void stopSmtp() {
		SMTP.stop();
	}

	@BeforeEach
	void openBrowser() throws IOException {
		// A phone's screen: residents mostly read on one.
		this.browser = Chromium.open(412, 915);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void aResidentSubscribesConfirmsReceivesABulletinAndUnsubscribes() throws Exception {
		String address = "ba.con.phuong1@example.vn";
		this.browser.get("http://localhost:" + PORT + "/");
		assertThat(this.browser.getTitle()).contains("Trang chủ");
		screenshot("home");

		this.browser.findElement(By.cssSelector("main a.button")).click();
		assertThat(pageText(By.tagName("h1"), "Đăng ký nhận bản tin")).isEqualTo("Đăng ký nhận bản tin");
		this.browser.findElement(By.id("email")).sendKeys(address);
		this.browser.findElement(By.id("name")).sendKeys("Nguyễn Thị Hoa");
		screenshot("subscribe");
		this.browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
		assertThat(pageText(By.tagName("h1"), "Hãy kiểm tra hộp thư")).isEqualTo("Hãy kiểm tra hộp thư");
		assertThat(status(address)).isEqualTo(SubscriberStatus.PENDING);

		String confirmLink = link(awaitMail(address, "Xác nhận đăng ký nhận bản tin"), CONFIRM_LINK);
		this.browser.get(confirmLink);
		screenshot("confirm");
		assertThat(status(address)).isEqualTo(SubscriberStatus.PENDING);
		this.browser.findElement(By.id("confirm")).click();
		assertThat(pageText(By.tagName("main"), "đã được xác nhận")).contains("đã được xác nhận");
		assertThat(status(address)).isEqualTo(SubscriberStatus.CONFIRMED);

		String title = "Thông báo lịch tiêm phòng cho trẻ em";
		ZonedDateTime due = ZonedDateTime.now(this.zone).plusSeconds(4).withNano(0);
		this.editor.create(
				new ContentDraft("tiem-phong-browser", title, "Lịch tiêm phòng tháng này.",
						"Kính gửi bà con, lịch **tiêm phòng** như sau.", null, List.of("feed", "email"),
						DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(due), Map.of(), null, null),
				ContentActor.API);
		String unsubscribeLink = link(awaitMail(address, title), UNSUBSCRIBE_LINK);

		this.browser.get("http://localhost:" + PORT + "/p/tiem-phong-browser");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
		screenshot("item");

		// The station's day sheet, with the site's navigation, on an office screen and a
		// phone: nothing wider than the screen.
		for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(390, 844))) {
			this.browser.manage().window().setSize(size);
			this.browser.get("http://localhost:" + PORT + "/radio");
			assertThat(this.browser.findElement(By.cssSelector("header.site nav")).getText())
				.contains("Đăng ký nhận bản tin");
			screenshot("radio-" + size.getWidth());
			Number overflow = (Number) ((org.openqa.selenium.JavascriptExecutor) this.browser)
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(overflow.intValue()).as("/radio at %s px", size.getWidth()).isLessThanOrEqualTo(0);
		}

		this.browser.get(unsubscribeLink);
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
		assertThat(pageText(By.tagName("body"), "Đã hủy đăng ký")).contains("Đã hủy đăng ký");
		assertThat(status(address)).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
	}

	/**
	 * The text of an element once the page the last click opened shows {@code expected}
	 * (or after 10 s, whatever it shows): an element found before the new page loaded
	 * goes stale.
	 */
	private String pageText(By locator, String expected) {
		try {
			await().atMost(Duration.ofSeconds(10))
				.ignoreExceptions()
				.until(() -> this.browser.findElement(locator).getText().contains(expected));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// Let the assertion show what the page says instead.
		}
		return this.browser.findElement(locator).getText();
	}

	private SubscriberStatus status(String address) {
		return this.subscribers.list(null, null)
			.stream()
			.filter((s) -> s.email().equals(address))
			.findFirst()
			.orElseThrow()
			.status();
	}

	private static MimeMessage awaitMail(String address, String subject) {
		await().atMost(Duration.ofSeconds(30)).until(() -> mail(address, subject) != null);
		return mail(address, subject);
	}

	private static MimeMessage mail(String address, String subject) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter((m) -> {
			try {
				return MailParts.recipients(m).contains(address) && subject.equals(m.getSubject());
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).findFirst().orElse(null);
	}

	private static String link(MimeMessage mail, Pattern pattern) throws Exception {
		String text = MailParts.of(mail).get("text/plain");
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("a link in %s", text).isTrue();
		return matcher.group();
	}

	private void screenshot(String name) throws IOException {
		Chromium.screenshot(this.browser, name);
	}

}
