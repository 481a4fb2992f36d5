package vn.loa.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for the browser tests: skipped when it is not installed,
 * except on CI, where its absence fails the build.
 */
final class Chromium {

	static final Path BINARY = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private Chromium() {
	}

	/** Fails on CI, skips elsewhere, when Chromium or its driver is missing. */
	static void requireInstalled() {
		boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
		if (!installed && "true".equals(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true but " + BINARY + " or " + DRIVER
					+ " is missing: install Debian's chromium and chromium-driver (.ci/run does as root)");
		}
		Assumptions.assumeTrue(installed, "Browser tests skipped: " + BINARY + " or " + DRIVER
				+ " is missing (apt-get install chromium chromium-driver)");
	}

	/** A new headless browser with a fresh profile that asks for Vietnamese pages. */
	static WebDriver open(int width, int height) throws IOException {
		System.setProperty("webdriver.chrome.driver", DRIVER.toString());
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=" + width + "," + height,
				"--user-data-dir=" + Files.createTempDirectory("loa-chromium"), "--lang=vi");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi-VN,vi"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		WebDriver browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		Files.createDirectories(SCREENSHOTS);
		return browser;
	}

	/** A free TCP port for a browser test's server. */
	static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Logs in on {@code base}'s form and waits for the desk. */
	static void logIn(WebDriver browser, String base, String username, String password) {
		browser.get(base + "/login");
		browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
		browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
		browser.findElement(org.openqa.selenium.By.cssSelector("form button[type=submit]")).click();
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> browser.getCurrentUrl().endsWith("/desk"));
	}

	/** Saves what the browser shows as {@code target/screenshots/NAME.png}. */
	static void screenshot(WebDriver browser, String name) throws IOException {
		Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

	/**
	 * The whole page at the window's width, as far down as it goes, for a reviewer who
	 * looks at what is below the first screen.
	 */
	static void fullPage(WebDriver browser, String name) throws IOException {
		if (!(browser instanceof ChromeDriver chrome)) {
			screenshot(browser, name);
			return;
		}
		Object shot = chrome.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true));
		String data = String.valueOf(((Map<?, ?>) shot).get("data"));
		Files.write(SCREENSHOTS.resolve(name + ".png"), java.util.Base64.getDecoder().decode(data));
	}

}
