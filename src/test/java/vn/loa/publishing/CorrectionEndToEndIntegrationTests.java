package vn.loa.publishing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A correction (đính chính) of an item that went out on all three outlets, through the
 * public API and with nothing short-circuited: the feeds keep its guid and carry the new
 * text with an update time and the note, its page shows the history, the subscriber gets
 * one correction bulletin over real SMTP, and the station that read it reads the
 * correction.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "loa.api.token=dc-token", "loa.secret=dc-secret", "loa.base-url=https://loa.example.vn",
				"spring.mail.host=127.0.0.1", "loa.publishing.sweep-interval=PT1H",
				"loa.radio.reading-time=syllables" })
class CorrectionEndToEndIntegrationTests {

	private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	private static final Path DATA;

	static {
		SMTP.start();
		try {
			DATA = Files.createTempDirectory("loa-dc");
			Files.createDirectories(DATA.resolve("content"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ZoneId zone;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", SMTP.getSmtp()::getPort);
		registry.add("loa.data-dir", DATA::toString);
		registry.add("loa.content-dir", () -> DATA.resolve("content").toString());
	}

	@AfterAll
	static void stopSmtp() {
		SMTP.stop();
	}

	@Test
	void aCorrectionKeepsTheGuidShowsItsHistoryMailsOnceAndIsReadWhereTheItemWasRead() throws Exception {
		post("/api/subscribers", """
				{"email": "ttvh.xa@example.vn", "name": "Trung tâm văn hóa xã", "status": "confirmed"}""");
		ZonedDateTime due = ZonedDateTime.now(this.zone).plusSeconds(3).withNano(0);
		assertThat(post("/api/content", """
				{"id": "mit-tinh-dc", "title": "Mít tinh kỷ niệm lúc 8 giờ",
				 "body": "Lễ mít tinh bắt đầu lúc 8 giờ tại hội trường xã.",
				 "outlets": ["feed", "email", "radio"], "when": "%s"}""".formatted(LOCAL.format(due))).statusCode())
			.isEqualTo(201);
		await().atMost(Duration.ofSeconds(30)).until(() -> mails("Mít tinh kỷ niệm lúc 8 giờ").size() == 1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM radio_entry WHERE item_id = 'mit-tinh-dc'",
					Integer.class) == 1);
		long entry = this.jdbc.queryForObject("SELECT id FROM radio_entry WHERE item_id = 'mit-tinh-dc'", Long.class);
		assertThat(post("/api/radio/entries/" + entry + "/aired", "").statusCode()).isEqualTo(200);
		SyndEntry before = atomEntry("mit-tinh-dc");

		// Bad input is refused with the field at fault, and nothing changes.
		HttpResponse<String> noNote = post("/api/content/mit-tinh-dc/corrections", """
				{"title": "Mít tinh kỷ niệm lúc 7 giờ", "body": "Lễ mít tinh bắt đầu lúc 7 giờ."}""");
		assertThat(noNote.statusCode()).isEqualTo(400);
		assertThat(noNote.body()).contains("note");
		HttpResponse<String> unchanged = post("/api/content/mit-tinh-dc/corrections", """
				{"title": "Mít tinh kỷ niệm lúc 8 giờ", "body": "Lễ mít tinh bắt đầu lúc 8 giờ tại hội trường xã.",
				 "note": "Không sửa gì"}""");
		assertThat(unchanged.statusCode()).isEqualTo(400);
		assertThat(unchanged.body()).contains("leaves the item's title, summary, body and radio script as they are")
			.doesNotContain("\"status\":\"applied\"");

		// Feeds give times to the second: the correction comes at least a second later.
		Thread.sleep(1100);
		HttpResponse<String> corrected = post("/api/content/mit-tinh-dc/corrections", """
				{"title": "Mít tinh kỷ niệm lúc 7 giờ", "body": "Lễ mít tinh bắt đầu lúc 7 giờ tại hội trường xã.",
				 "note": "Sửa giờ bắt đầu: 7 giờ, không phải 8 giờ.", "notifyEmail": true}""");
		assertThat(corrected.statusCode()).isEqualTo(201);
		assertThat(corrected.body()).contains("\"seq\":1", "\"status\":\"applied\"", "\"changed\":[\"title\",\"body\"]",
				"\"emailItem\":\"dinh-chinh-1-mit-tinh-dc\"");

		// Feeds: the same guid and link, the new title, the note above the text, and the
		// correction's time as the update.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> atomEntry("mit-tinh-dc").getTitle().equals("Mít tinh kỷ niệm lúc 7 giờ"));
		SyndEntry after = atomEntry("mit-tinh-dc");
		assertThat(after.getUri()).isEqualTo(before.getUri());
		assertThat(after.getLink()).isEqualTo("https://loa.example.vn/p/mit-tinh-dc");
		assertThat(after.getPublishedDate()).isEqualTo(before.getPublishedDate());
		assertThat(after.getUpdatedDate()).isAfter(before.getUpdatedDate());
		assertThat(after.getContents().get(0).getValue()).contains("Đính chính", "Sửa giờ bắt đầu: 7 giờ",
				"bắt đầu lúc 7 giờ");
		SyndFeed rss = feed("/feed.xml");
		assertThat(rss.getEntries().stream().filter((e) -> e.getLink().endsWith("/p/mit-tinh-dc")).toList())
			.singleElement()
			.satisfies((e) -> assertThat(e.getTitle()).isEqualTo("Mít tinh kỷ niệm lúc 7 giờ"));

		// The page shows the correction and the text it replaced.
		String page = get("/p/mit-tinh-dc").body();
		assertThat(page).contains("Đính chính", "Sửa giờ bắt đầu: 7 giờ, không phải 8 giờ.", "Bản trước khi đính chính",
				"Mít tinh kỷ niệm lúc 8 giờ", "tiêu đề, nội dung");

		// One correction bulletin, linking to the corrected page.
		await().atMost(Duration.ofSeconds(30)).until(() -> mails("Đính chính: Mít tinh kỷ niệm lúc 7 giờ").size() == 1);
		String mail = text(mails("Đính chính: Mít tinh kỷ niệm lúc 7 giờ").get(0));
		assertThat(mail).contains("Sửa giờ bắt đầu").contains("https://loa.example.vn/p/mit-tinh-dc");

		// The station that read the item reads the correction once, at the head of a
		// slot.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM radio_entry WHERE item_id = 'mit-tinh-dc' AND correction = 1",
					Integer.class) == 1);
		assertThat(this.jdbc.queryForList(
				"SELECT title FROM radio_entry WHERE item_id = 'mit-tinh-dc' AND correction = 1", String.class))
			.containsExactly("Đính chính: Mít tinh kỷ niệm lúc 7 giờ");
		assertThat(this.jdbc.queryForObject(
				"SELECT script FROM radio_entry WHERE item_id = 'mit-tinh-dc' AND correction = 1", String.class))
			.startsWith("Xin đính chính tin “Mít tinh kỷ niệm lúc 7 giờ” đã phát ngày ")
			.endsWith("Sửa giờ bắt đầu: 7 giờ, không phải 8 giờ.");

		// Audited: the correction, with the text before and after.
		assertThat(this.jdbc.queryForList(
				"SELECT action FROM audit_entry WHERE subject = 'content:mit-tinh-dc' ORDER BY id", String.class))
			.contains("content.correction.propose", "content.correct");
		assertThat(
				this.jdbc.queryForObject("SELECT before_state FROM audit_entry WHERE subject = 'content:mit-tinh-dc' "
						+ "AND action = 'content.correct'", String.class))
			.contains("lúc 8 giờ");

		// Still once each, a while later.
		Thread.sleep(1500);
		assertThat(mails("Đính chính: Mít tinh kỷ niệm lúc 7 giờ")).hasSize(1);
		assertThat(mails("Mít tinh kỷ niệm lúc 8 giờ")).hasSize(1);
		assertThat(get("/api/content/mit-tinh-dc/corrections").body()).contains("\"seq\":1")
			.doesNotContain("\"seq\":2");
	}

	@Test
	void aStationThatHasNotReadTheItemYetReadsTheCorrectedTextAndNoCorrection() throws Exception {
		ZonedDateTime due = ZonedDateTime.now(this.zone).plusSeconds(2).withNano(0);
		assertThat(post("/api/content", """
				{"id": "chua-doc-dc", "title": "Lịch tiêm chủng tháng 12", "body": "Tiêm tại trạm y tế ngày 15.",
				 "radioScript": "Mời bà con đưa trẻ đi tiêm ngày mười lăm.",
				 "outlets": ["radio"], "when": "%s"}""".formatted(LOCAL.format(due))).statusCode()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM radio_entry WHERE item_id = 'chua-doc-dc'",
					Integer.class) == 1);
		assertThat(post("/api/content/chua-doc-dc/corrections", """
				{"title": "Lịch tiêm chủng tháng 12", "body": "Tiêm tại trạm y tế ngày 16.",
				 "radioScript": "Mời bà con đưa trẻ đi tiêm ngày mười sáu.", "note": "Đổi ngày tiêm: ngày 16."}""")
			.statusCode()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc
				.queryForObject("SELECT script FROM radio_entry WHERE item_id = 'chua-doc-dc'", String.class)
				.equals("Mời bà con đưa trẻ đi tiêm ngày mười sáu."));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM radio_entry WHERE item_id = 'chua-doc-dc'",
				Integer.class))
			.isEqualTo(1);
		// An email-only correction bulletin is refused for an item that has no email.
		HttpResponse<String> noEmail = post("/api/content/chua-doc-dc/corrections", """
				{"title": "Lịch tiêm chủng tháng 12", "body": "Tiêm tại trạm y tế ngày 17.", "note": "Ngày 17.",
				 "notifyEmail": true}""");
		assertThat(noEmail.statusCode()).isEqualTo(400);
		assertThat(noEmail.body()).contains("does not go out by email");
	}

	@Test
	void onlyAnItemThatWentOutIsCorrected() throws Exception {
		assertThat(post("/api/content", """
				{"id": "chua-phat-dc", "title": "Chưa phát", "body": "Nội dung", "outlets": ["feed"],
				 "when": "2030-01-01 06:00"}""").statusCode()).isEqualTo(201);
		HttpResponse<String> refused = post("/api/content/chua-phat-dc/corrections", """
				{"title": "Đã sửa", "body": "Nội dung", "note": "Sửa tiêu đề"}""");
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("only an item that went out is corrected");
		assertThat(get("/api/content/chua-phat-dc").body()).contains("\"title\":\"Chưa phát\"");
	}

	private List<MimeMessage> mails(String subject) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter((m) -> {
			try {
				return subject.equals(m.getSubject());
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String text(jakarta.mail.Part part) throws Exception {
		if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(text(multipart.getBodyPart(i))).append('\n');
			}
			return text.toString();
		}
		return String.valueOf(part.getContent());
	}

	private SyndEntry atomEntry(String id) throws Exception {
		return feed("/feed.atom").getEntries()
			.stream()
			.filter((e) -> e.getLink().endsWith("/p/" + id))
			.findFirst()
			.orElseThrow();
	}

	private SyndFeed feed(String path) throws Exception {
		return new SyndFeedInput()
			.build(new InputSource(new ByteArrayInputStream(get(path).body().getBytes(StandardCharsets.UTF_8))));
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer dc-token")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer dc-token").build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
