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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.accounts.Accounts;
import vn.loa.accounts.Role;
import vn.loa.content.ContentActor;
import vn.loa.content.ContentCorrections;
import vn.loa.content.CorrectionDraft;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentWorkflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every public and desk page, as people and their tools see it: each is loaded in
 * Chromium at an office screen's size (1366×768) and a phone's (390×844) and must show
 * nothing wider than the screen; axe-core (the accessibility engine behind Lighthouse)
 * must find no violation on it; and its HTML, as Loa sends it, must pass the Nu Html
 * Checker (vnu.jar, the W3C's validator). Screenshots and the HTML are kept in
 * {@code target/screenshots} and {@code target/page-checks/html} for a reviewer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:page-checks;DB_CLOSE_DELAY=-1", "loa.api.token=checks-token",
				"loa.secret=checks-secret" })
class PageChecksBrowserTests {

	private static final String PASSWORD = "mat-khau-du-dai-2026";

	private static final Path CHECKS = Path.of("target", "page-checks");

	private static final Path VNU = CHECKS.resolve("vnu/package/build/dist/vnu.jar");

	private static final Path AXE = CHECKS.resolve("axe/package/axe.min.js");

	private static final int PORT = Chromium.freePort();

	private static final Path DATA = TestData.directory("loa-page-checks");

	@Autowired
	Accounts accounts;

	@Autowired
	ContentWorkflow workflow;

	@Autowired
	vn.loa.content.ContentCatalog store;

	@Autowired
	ZoneId zone;

	@Autowired
	ContentCorrections corrections;

	@Autowired
	vn.loa.subscribers.Subscribers subscribers;

	@Autowired
	vn.loa.importer.PlanImports imports;

	@Autowired
	vn.loa.subscribers.ConfirmationTokens confirmations;

	@Autowired
	vn.loa.subscribers.UnsubscribeTokens unsubscribes;

	private WebDriver browser;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("loa.base-url", () -> "http://localhost:" + PORT);
		TestData.register(registry, DATA);
	}

	@BeforeAll
	static void needsChromiumAndTheCheckers() {
		Chromium.requireInstalled();
		assertThat(VNU).as("the Nu Html Checker, fetched by the build (process-test-resources)").exists();
		assertThat(AXE).as("axe-core, fetched by the build (process-test-resources)").exists();
	}

	@BeforeEach
	void openBrowser() throws IOException {
		this.browser = Chromium.open(1366, 768);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void everyPagePassesTheHtmlCheckerAndAxeAndFitsAnOfficeScreenAndAPhone() throws Exception {
		this.accounts.create("test", "kiem-tra", "Người kiểm tra", PASSWORD,
				Set.of(Role.ADMIN, Role.EDITOR, Role.APPROVER, Role.ANNOUNCER, Role.EMERGENCY));
		String soon = LocalDateTime.now(this.zone)
			.plusSeconds(3)
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
		this.workflow.create(new ContentDraft("treo-co-quoc-khanh", "Treo cờ mừng Quốc khánh",
				"Toàn dân treo cờ Tổ quốc.", "Từ ngày **01/9** đến hết ngày 02/9.\n\nLoa phát lúc 6 giờ.", null,
				List.of("feed", "radio"), soon, Map.of(), null, "scheduled", null, null), ContentActor.API);
		this.workflow.create(new ContentDraft("hop-dan-thang-sau", "Họp dân về bầu cử", "", "Kính mời bà con.", null,
				List.of("feed", "email"), "06:00, 1 ngày trước Kỷ niệm Quốc khánh 2027", Map.of(), null, "draft", null,
				null), ContentActor.API);
		await().atMost(Duration.ofSeconds(40)).until(() -> status("/p/treo-co-quoc-khanh") == 200);
		// A correction applied (the item's page and the feeds show it) and one waiting
		// for
		// review (the item's desk page shows both).
		this.corrections.propose("treo-co-quoc-khanh",
				new CorrectionDraft("Treo cờ mừng Quốc khánh 2/9", "Toàn dân treo cờ Tổ quốc.",
						"Từ ngày **31/8** đến hết ngày 02/9.\n\nLoa phát lúc 6 giờ.", null,
						"Sửa ngày bắt đầu treo cờ: từ 31/8, không phải 01/9.", false),
				ContentActor.API);
		this.corrections.propose("treo-co-quoc-khanh",
				new CorrectionDraft("Treo cờ mừng Quốc khánh 2/9", "Toàn dân treo cờ Tổ quốc.",
						"Từ ngày **31/8** đến hết ngày 02/9.\n\nLoa phát lúc 6 giờ 30.", null,
						"Sửa giờ phát trên loa: 6 giờ 30.", false),
				new ContentActor("bien-tap-vien", false));

		long subscriber = this.subscribers.add(null, "ba-con@example.vn", "Bà con khu phố 3", null, "test").id();
		// A plan read from a document and kept (it can be removed at the desk), and one
		// read and waiting for review.
		byte[] plan = Files.readAllBytes(Path.of(Objects
			.requireNonNull(
					getClass().getResource("/vn/loa/importer/corpus-unseen-8/r20-hue-tuyen-truyen-dai-hoi-xiv.txt"))
			.toURI()));
		String stored = this.imports.confirm(this.imports.upload("ke-hoach-hue.txt", plan).id(), false, "test")
			.planId();
		String waiting = this.imports.upload("ke-hoach-cho-duyet.txt",
				Files.readAllBytes(Path.of(Objects
					.requireNonNull(
							getClass().getResource("/vn/loa/importer/corpus-unseen-8/r10-ca-mau-thang-thanh-nien.txt"))
					.toURI())))
			.id();

		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("trang-chu", "/");
		pages.put("bai", "/p/treo-co-quoc-khanh");
		pages.put("dai", "/radio");
		pages.put("dang-ky", "/subscribe");
		pages.put("dang-nhap", "/login");
		java.time.LocalDate today = java.time.LocalDate.now(this.zone);
		pages.put("luu-tru", "/archive/" + today.getYear() + "/" + today.getMonthValue());
		pages.put("trang-don-vi", "/o/default");
		pages.put("dang-ky-don-vi", "/o/default/subscribe");
		pages.put("xac-nhan", "/subscribe/confirm/" + this.confirmations.issue(subscriber));
		pages.put("huy-dang-ky", "/unsubscribe/" + this.unsubscribes.issue(subscriber));
		pages.put("ban-bien-tap", "/desk");
		pages.put("lich", "/desk/calendar");
		pages.put("lich-tuan", "/desk/calendar?view=week&date=2027-09-01");
		pages.put("lich-danh-sach", "/desk/calendar?view=agenda");
		pages.put("noi-dung", "/desk/content");
		pages.put("soan-bai", "/desk/content/new");
		pages.put("sua-bai", "/desk/content/hop-dan-thang-sau/edit");
		pages.put("bai-da-phat", "/desk/content/treo-co-quoc-khanh/edit");
		pages.put("dinh-chinh", "/desk/content/treo-co-quoc-khanh/correct");
		pages.put("ke-hoach", "/desk/plans");
		pages.put("ke-hoach-443", "/desk/plans/443-kh-tu");
		pages.put("nhap-ke-hoach", "/desk/plans/import");
		pages.put("nguoi-nhan", "/desk/subscribers");
		pages.put("thu-da-gui", "/desk/deliveries");
		pages.put("chuong-trinh-dai", "/desk/radio");
		pages.put("tram", "/desk/stations");
		pages.put("khan-cap", "/desk/emergency");
		pages.put("don-vi", "/desk/organisations");
		pages.put("tai-khoan", "/desk/accounts");
		pages.put("ma-api", "/desk/tokens");
		pages.put("nhat-ky", "/desk/audit");
		pages.put("mot-tai-khoan", "/desk/accounts/kiem-tra");
		pages.put("do-phu", "/desk/coverage");
		pages.put("mot-don-vi", "/desk/organisations/default");
		pages.put("thu-cua-don-vi", "/desk/organisations/default/email");
		pages.put("mot-tram", "/desk/stations/default");
		pages.put("mot-nguoi-nhan", "/desk/subscribers/" + subscriber);
		pages.put("in-chuong-trinh", "/desk/radio/print");
		pages.put("duyet-ke-hoach", "/desk/plans/import/" + waiting);
		pages.put("go-ke-hoach", "/desk/plans/" + stored + "/remove");

		logIn("kiem-tra");
		Files.createDirectories(CHECKS.resolve("html"));
		List<String> problems = new ArrayList<>();
		List<Path> html = new ArrayList<>();
		// Every page in Vietnamese, then in English (whose words are often longer).
		Map<String, String> both = new LinkedHashMap<>(pages);
		pages.forEach((name, path) -> both.put(name + "-en", path + (path.contains("?") ? "&" : "?") + "lang=en"));
		for (Map.Entry<String, String> page : both.entrySet()) {
			String name = page.getKey();
			Path saved = CHECKS.resolve("html").resolve(name + ".html");
			Files.writeString(saved, fetch(page.getValue()));
			html.add(saved);
			for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(390, 844))) {
				this.browser.manage().window().setSize(size);
				this.browser.get(url(page.getValue()));
				String where = page.getValue() + " at " + size.getWidth() + "×" + size.getHeight();
				Chromium.screenshot(this.browser, "page-" + name + "-" + size.getWidth());
				Chromium.fullPage(this.browser, "page-" + name + "-" + size.getWidth() + "-full");
				Number wider = (Number) js("return document.documentElement.scrollWidth - window.innerWidth;");
				if (wider.intValue() > 0) {
					problems.add(where + ": " + wider + " px wider than the screen");
				}
				for (String violation : axe()) {
					problems.add(where + ": axe " + violation);
				}
				for (String cut : layout()) {
					problems.add(where + ": " + cut);
				}
			}
		}
		problems.addAll(htmlChecker(html));
		assertThat(problems).as("what the checkers found").isEmpty();
		this.browser.get(url("/desk?lang=vi"));

		// The published item's corrections, as an approver scrolls to them: the applied
		// one and the one waiting, with its buttons.
		for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(390, 844))) {
			this.browser.manage().window().setSize(size);
			this.browser.get(url("/desk/content/treo-co-quoc-khanh/edit#corrections"));
			Chromium.screenshot(this.browser, "page-bai-da-phat-dinh-chinh-" + size.getWidth());
			assertThat(this.browser.findElement(By.id("corrections-section")).getText()).contains("Đính chính số 1",
					"Đã áp dụng", "Đính chính số 2", "Chờ duyệt", "Duyệt đính chính", "Từ chối đính chính");
		}

		// The schedule written in Vietnamese comes back in Vietnamese in its field.
		this.browser.manage().window().setSize(new Dimension(1366, 768));
		this.browser.get(url("/desk/content/hop-dan-thang-sau/edit"));
		org.openqa.selenium.WebElement when = this.browser.findElement(By.id("when"));
		((JavascriptExecutor) this.browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", when);
		assertThat(when.getDomProperty("value"))
			.isEqualTo("06:00, 1 ngày trước Kỷ niệm Ngày Quốc khánh nước CHXHCN Việt Nam 2027");
		Chromium.screenshot(this.browser, "page-sua-bai-thoi-diem-1366");

		// The picker writes the words from the calendar, an offset and a time, and they
		// are saved as the schedule they say.
		this.browser.findElement(By.cssSelector("#when-picker summary")).click();
		new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.id("pick-anchor")))
			.selectByValue("Kỷ niệm Ngày Quốc khánh nước CHXHCN Việt Nam 2027");
		org.openqa.selenium.WebElement amount = this.browser.findElement(By.id("pick-amount"));
		amount.clear();
		amount.sendKeys("2");
		new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.id("pick-unit"))).selectByValue("tuần");
		((JavascriptExecutor) this.browser).executeScript("document.getElementById('pick-time').value = '07:30';");
		this.browser.findElement(By.id("pick-apply")).click();
		assertThat(when.getDomProperty("value"))
			.isEqualTo("07:30, 2 tuần trước Kỷ niệm Ngày Quốc khánh nước CHXHCN Việt Nam 2027");
		((JavascriptExecutor) this.browser).executeScript("arguments[0].scrollIntoView({block: 'center'});",
				this.browser.findElement(By.id("when-picker")));
		Chromium.screenshot(this.browser, "page-sua-bai-chon-lich-1366");
		this.browser.findElement(By.cssSelector("button[name=action][value=save]")).click();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.store.find("hop-dan-thang-sau")
				.map((item) -> item.when().equals("anniversary quoc-khanh 2027, 2 weeks before, 07:30"))
				.orElse(false));
		// Open on a phone, the picker fits the screen.
		this.browser.manage().window().setSize(new Dimension(390, 844));
		this.browser.get(url("/desk/content/hop-dan-thang-sau/edit"));
		this.browser.findElement(By.cssSelector("#when-picker summary")).click();
		((JavascriptExecutor) this.browser).executeScript("arguments[0].scrollIntoView({block: 'center'});",
				this.browser.findElement(By.id("when-picker")));
		assertThat(((Number) js("return document.documentElement.scrollWidth - window.innerWidth;")).intValue())
			.as("the open picker on a phone")
			.isLessThanOrEqualTo(0);
		Chromium.screenshot(this.browser, "page-sua-bai-chon-lich-390");

		// Dragged to another day of the month, the item moves there at its time (the
		// drag is dispatched as the browser's drag-and-drop events).
		this.browser.manage().window().setSize(new Dimension(1366, 768));
		this.browser.get(url("/desk/calendar?month=2027-08"));
		js("""
				const item = document.querySelector('li.item[data-id="hop-dan-thang-sau"]');
				const day = document.querySelector('td[data-date="2027-08-21"]');
				const data = new DataTransfer();
				item.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: data }));
				day.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
				day.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
				return null;""");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.store.find("hop-dan-thang-sau")
				.map((item) -> item.dueAt() != null && item.dueAt()
					.atZone(this.zone)
					.toLocalDateTime()
					.equals(LocalDateTime.of(2027, 8, 21, 7, 30)))
				.orElse(false));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.browser.findElement(By.tagName("main"))
				.getText()
				.contains("Đã chuyển “Họp dân về bầu cử” sang ngày 21/08/2027"));
		Chromium.screenshot(this.browser, "page-lich-keo-tha-1366");
	}

	/** axe-core's violations on the page shown, one line each. */
	@SuppressWarnings("unchecked")
	private List<String> axe() throws IOException {
		String source = Files.readString(AXE);
		this.browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		Object result = ((JavascriptExecutor) this.browser).executeAsyncScript(source + """
				;const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] })
				  .then((r) => done(r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' — '
				    + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '))))
				  .catch((e) => done(['axe failed: ' + e]));
				""");
		return (List<String>) result;
	}

	/**
	 * What a reader would see cut: a box whose content is wider than the box (it clips,
	 * or scrolls sideways inside the page), and a date or time broken across two lines
	 * ("06/12/20⏎26").
	 */
	@SuppressWarnings("unchecked")
	private List<String> layout() {
		return (List<String>) js(
				"""
						const found = [];
						const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
						  + (e.classList.length ? '.' + [...e.classList].join('.') : '');
						for (const e of document.body.querySelectorAll('*')) {
						  const style = getComputedStyle(e);
						  if (style.display === 'none' || style.visibility === 'hidden' || e.clientWidth === 0
						    || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.tagName)) continue;
						  if (['hidden', 'auto', 'scroll', 'clip'].includes(style.overflowX)
						      && e.scrollWidth > e.clientWidth + 1 && !e.closest('.visually-hidden, .sr-only')) {
						    found.push('cut: ' + name(e) + ' holds ' + (e.scrollWidth - e.clientWidth) + ' px more than it shows');
						  }
						}
						const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
						const dates = /\\d{1,2}\\/\\d{1,2}\\/\\d{4}|\\d{1,2}:\\d{2}/g;
						for (let text = walker.nextNode(); text; text = walker.nextNode()) {
						  for (const m of text.textContent.matchAll(dates)) {
						    const range = document.createRange();
						    range.setStart(text, m.index);
						    range.setEnd(text, m.index + m[0].length);
						    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0)
						      .map((r) => Math.round(r.top)));
						    if (tops.size > 1) {
						      found.push('wrapped date: "' + m[0] + '" in ' + name(text.parentElement));
						    }
						  }
						}
						return found.slice(0, 20);
						""");
	}

	/** What the Nu Html Checker says of the files, errors and warnings, one line each. */
	private static List<String> htmlChecker(List<Path> files) throws Exception {
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", VNU.toString(), "--format", "json",
				"--exit-zero-always", "--also-check-css"));
		files.forEach((file) -> command.add(file.toAbsolutePath().toString()));
		Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		String report = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the HTML checker finishes").isTrue();
		Files.writeString(CHECKS.resolve("html-checker.json"), report);
		List<String> problems = new ArrayList<>();
		JsonNode messages = JsonMapper.builder().build().readTree(report).path("messages");
		for (JsonNode message : messages) {
			if (!"info".equals(message.path("type").asString())
					|| "warning".equals(message.path("subType").asString())) {
				String file = message.path("url").asString().replaceFirst(".*/", "");
				problems.add(file + ":" + message.path("lastLine").asInt() + ": html " + message.path("type").asString()
						+ ": " + message.path("message").asString());
			}
		}
		return problems;
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private Object js(String script) {
		return ((JavascriptExecutor) this.browser).executeScript(script);
	}

	private void logIn(String username) {
		Chromium.logIn(this.browser, url(""), username, PASSWORD);
	}

	/** The page as Loa sends it, with the browser's session. */
	private String fetch(String path) throws Exception {
		Cookie session = this.browser.manage().getCookieNamed("JSESSIONID");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
		if (session != null) {
			request.header("Cookie", "JSESSIONID=" + session.getValue());
		}
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private static int status(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static String url(String path) {
		return "http://localhost:" + PORT + path;
	}

}
