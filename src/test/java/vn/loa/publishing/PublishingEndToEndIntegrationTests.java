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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.xml.sax.InputSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.loa.content.ContentDraft;
import vn.loa.content.ContentActor;
import vn.loa.content.ContentWorkflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path, through the public API and with nothing short-circuited: an item
 * scheduled a few seconds ahead is fired by Quartz, published once, and reaches the
 * feeds, a real SMTP server and the right radio slot.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "loa.api.token=e2e-token", "loa.secret=e2e-secret", "loa.base-url=https://loa.example.vn",
				"spring.mail.host=127.0.0.1", "loa.publishing.sweep-interval=PT1H" })
class PublishingEndToEndIntegrationTests {

	private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	private static final Path DATA;

	static {
		SMTP.start();
		try {
			DATA = Files.createTempDirectory("loa-e2e");
			Files.createDirectories(DATA.resolve("content"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final String HOSTILE = "Kính gửi bà con. <script>alert('x')</script>\n\n"
			+ "[Xem chi tiết](javascript:alert(1)) <img src=x onerror=alert(2)>";

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ZoneId zone;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Scheduler scheduler;

	@Autowired
	Publisher publisher;

	@Autowired
	ContentWorkflow editor;

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
	void anItemScheduledThroughTheApiReachesAllThreeOutletsAtItsTime() throws Exception {
		post("/api/subscribers",
				"""
						{"email": "ttcm.bangthanh@example.vn", "name": "Trung tâm truyền thông liên xã", "status": "confirmed"}""");
		post("/api/subscribers", """
				{"email": "chua.xac.nhan@example.vn", "name": "Chưa xác nhận"}""");
		ZonedDateTime due = ZonedDateTime.now(this.zone).plusSeconds(4).withNano(0);
		HttpResponse<String> created = post("/api/content", """
				{"id": "thong-bao-e2e", "title": "Thông báo: treo cờ mừng Quốc khánh 2/9",
				 "summary": "Đề nghị bà con treo cờ Tổ quốc.", "body": "%s",
				 "outlets": ["feed", "email", "radio"], "when": "%s"}"""
			.formatted(HOSTILE.replace("\"", "\\\"").replace("\n", "\\n"), LOCAL.format(due)));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.body()).contains("\"status\":\"scheduled\"");

		// Feed: RSS and Atom, sanitised.
		await().atMost(Duration.ofSeconds(30)).until(() -> get("/feed.xml").body().contains("thong-bao-e2e"));
		for (String path : List.of("/feed.xml", "/feed.atom")) {
			SyndFeed feed = new SyndFeedInput()
				.build(new InputSource(new ByteArrayInputStream(get(path).body().getBytes(StandardCharsets.UTF_8))));
			SyndEntry entry = feed.getEntries()
				.stream()
				.filter((e) -> e.getLink().endsWith("/p/thong-bao-e2e"))
				.findFirst()
				.orElseThrow();
			assertThat(entry.getTitle()).isEqualTo("Thông báo: treo cờ mừng Quốc khánh 2/9");
			assertThat(entry.getLink()).isEqualTo("https://loa.example.vn/p/thong-bao-e2e");
			String html = entry.getContents().isEmpty() ? entry.getDescription().getValue()
					: entry.getContents().get(0).getValue();
			assertThat(html).contains("Kính gửi bà con.").doesNotContain("<script", "javascript:", "onerror");
		}
		assertThat(get("/p/thong-bao-e2e").statusCode()).isEqualTo(200);

		// Email: one bulletin, to the confirmed subscriber only, with both parts and the
		// RFC 8058 headers.
		await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("ttcm.bangthanh@example.vn") == 1);
		// Other tests' confirmed subscribers get it too; the pending one never does.
		MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages())
			.filter((m) -> subject(m).startsWith("Thông báo: treo cờ"))
			.filter((m) -> recipients(m).contains("ttcm.bangthanh@example.vn"))
			.findFirst()
			.orElseThrow();
		assertThat(mail.getSubject()).isEqualTo("Thông báo: treo cờ mừng Quốc khánh 2/9");
		assertThat(recipients(mail)).containsExactly("ttcm.bangthanh@example.vn");
		// The unconfirmed address gets its confirmation mail and no bulletin.
		assertThat(Arrays.stream(SMTP.getReceivedMessages())
			.filter((m) -> recipients(m).contains("chua.xac.nhan@example.vn"))
			.map(PublishingEndToEndIntegrationTests::subject)).containsExactly("Xác nhận đăng ký nhận bản tin");
		assertThat(mail.getHeader("List-Unsubscribe")[0]).startsWith("<https://loa.example.vn/unsubscribe/");
		assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		assertThat(mail.getMessageID()).isNotBlank();
		List<String> types = new ArrayList<>();
		List<String> parts = new ArrayList<>();
		collect(mail, types, parts);
		assertThat(types).anyMatch((t) -> t.startsWith("text/plain")).anyMatch((t) -> t.startsWith("text/html"));
		assertThat(String.join("\n", parts)).contains("Kính gửi bà con.")
			.doesNotContain("<script", "javascript:", "onerror");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> getAuthorised("/api/deliveries?item=thong-bao-e2e").body().contains("\"status\":\"SENT\""));
		assertThat(getAuthorised("/api/deliveries?item=thong-bao-e2e").body()).contains("ttcm.bangthanh@example.vn")
			.doesNotContain("chua.xac.nhan@example.vn");

		// Radio: the first slot at or after the due time, in Vietnam's zone.
		LocalTime dueTime = due.toLocalTime();
		boolean evening = dueTime.isAfter(LocalTime.of(17, 0));
		LocalDate slotDate = evening ? due.toLocalDate().plusDays(1) : due.toLocalDate();
		String slot = (evening || !dueTime.isAfter(LocalTime.of(6, 0))) ? "06:00" : "17:00";
		await().atMost(Duration.ofSeconds(10))
			.until(() -> getAuthorised("/api/radio/entries?date=" + slotDate).body().contains("thong-bao-e2e"));
		String radio = getAuthorised("/api/radio/entries?date=" + slotDate).body();
		assertThat(radio).contains("\"itemId\":\"thong-bao-e2e\"").contains("\"slotTime\":\"" + slot);

		// Published once, on time, on every outlet.
		String item = getAuthorised("/api/content/thong-bao-e2e").body();
		assertThat(item).contains("\"status\":\"published\"");
		assertThat(
				this.jdbc.queryForList("SELECT outcome FROM publication WHERE item_id = 'thong-bao-e2e'", String.class))
			.containsExactly("ON_TIME", "ON_TIME", "ON_TIME");
		// Fired by its trigger at its time, not picked up later by a sweep (set to an
		// hour here).
		Timestamp decided = this.jdbc
			.queryForObject("SELECT MIN(decided_at) FROM publication WHERE item_id = 'thong-bao-e2e'", Timestamp.class);
		assertThat(Duration.between(due.toInstant(), decided.toInstant())).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void aTriggerFiringTwiceAndTheSweepRacingItPublishOnce() throws Exception {
		post("/api/subscribers", """
				{"email": "mot.lan@example.vn", "name": "Một lần", "status": "confirmed"}""");
		Instant due = Instant.now().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		this.editor.create(new ContentDraft("mot-lan-thoi", "Chỉ một lần", "", "Thân bài", null,
				List.of("feed", "email", "radio"), LOCAL.format(due.atZone(this.zone)), Map.of(), null, null),
				ContentActor.API);
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()));

		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Callable<Object>> racers = List.of(() -> {
			this.scheduler.triggerJob(PublicationTriggers.JOB);
			return null;
		}, () -> {
			this.scheduler.triggerJob(PublicationTriggers.JOB);
			return null;
		}, () -> this.publisher.publishDue(), () -> this.publisher.publishDue());
		for (Future<Object> result : pool.invokeAll(racers)) {
			result.get();
		}
		pool.shutdown();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> mailsTo("mot.lan@example.vn") >= 1 && get("/feed.xml").body().contains("mot-lan-thoi"));
		// Give any duplicate time to show up before counting.
		Thread.sleep(3000);
		assertThat(mailsTo("mot.lan@example.vn")).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM publication WHERE item_id = 'mot-lan-thoi'",
				Integer.class))
			.isEqualTo(3);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM feed_entry WHERE item_id = 'mot-lan-thoi'",
				Integer.class))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM radio_entry WHERE item_id = 'mot-lan-thoi'",
				Integer.class))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM bulletin_delivery WHERE item_id = 'mot-lan-thoi'",
				Integer.class))
			.isEqualTo(1);
	}

	@Test
	void theContentApiNeedsTheTokenNamesTheFieldAtFaultAndWithdrawsBeforePublication() throws Exception {
		HttpResponse<String> anonymous = this.http.send(HttpRequest.newBuilder(uri("/api/content"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(401);

		HttpResponse<String> unknown = post("/api/content", """
				{"title": "Sai", "body": "x", "outlets": ["feed"], "when": "anniversary quoc-khan 2030"}""");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("\"field\":\"when\"").contains("unknown anniversary 'quoc-khan'");
		HttpResponse<String> impossible = post("/api/content", """
				{"title": "Sai", "body": "x", "outlets": ["feed"], "when": "30/02/2030 06:00"}""");
		assertThat(impossible.statusCode()).isEqualTo(400);
		assertThat(impossible.body()).contains("impossible date");
		HttpResponse<String> hostileId = post("/api/content", """
				{"id": "a\\r\\nb", "title": "Sai", "body": "x", "outlets": ["feed"], "when": "2030-01-01 06:00"}""");
		assertThat(hostileId.statusCode()).isEqualTo(400);
		assertThat(hostileId.body()).contains("\"field\":\"id\"");

		HttpResponse<String> draft = post("/api/content",
				"""
						{"id": "ban-nhap", "title": "Bản nháp", "body": "Chưa xong", "outlets": ["feed"], "status": "draft"}""");
		assertThat(draft.statusCode()).isEqualTo(201);
		assertThat(draft.body()).contains("\"status\":\"draft\"");
		HttpResponse<String> scheduled = send("PUT", "/api/content/ban-nhap", """
				{"title": "Bản hoàn chỉnh", "body": "Đã xong", "outlets": ["feed", "radio"],
				 "when": "anniversary quoc-khanh 2030, 1 day before, 06:00"}""");
		assertThat(scheduled.statusCode()).isEqualTo(200);
		assertThat(scheduled.body()).contains("\"status\":\"scheduled\"")
			.contains("\"dueAt\":\"2030-09-01T06:00+07:00\"");
		assertThat(send("DELETE", "/api/content/ban-nhap", null).statusCode()).isEqualTo(200);
		assertThat(getAuthorised("/api/content?status=withdrawn").body()).contains("\"id\":\"ban-nhap\"");
		assertThat(getAuthorised("/api/content?status=scheduled").body()).doesNotContain("\"id\":\"ban-nhap\"");
		assertThat(send("DELETE", "/api/content/khong-co", null).statusCode()).isEqualTo(404);
	}

	@Test
	void upcomingListsOccurrencesWithoutContentUntilAnItemIsScheduledAgainstThem() throws Exception {
		String before = getAuthorised("/api/calendar/upcoming?days=400").body();
		assertThat(before).contains("\"anniversary\":\"tet-nguyen-dan\",\"date\":\"2027-02-06\"")
			.contains("1/1 âm lịch, 06/02/2027");
		post("/api/content", """
				{"id": "chuc-tet-2027", "title": "Chúc mừng năm mới", "body": "Chúc bà con năm mới an khang.",
				 "outlets": ["feed"], "when": "anniversary tet-nguyen-dan 2027, 1 day before, 17:00"}""");
		String after = getAuthorised("/api/calendar/upcoming?days=400").body();
		assertThat(after).doesNotContain("\"anniversary\":\"tet-nguyen-dan\",\"date\":\"2027-02-06\"")
			.contains("\"anniversary\":\"gio-to-hung-vuong\"");
		assertThat(getAuthorised("/api/calendar/upcoming?days=0").statusCode()).isEqualTo(400);

		String april = getAuthorised("/api/calendar/occurrences?from=2026-04-01&to=2026-04-30").body();
		assertThat(april).contains("\"anniversary\":\"gio-to-hung-vuong\",\"date\":\"2026-04-26\","
				+ "\"displayDate\":\"10/3 âm lịch, 26/04/2026\",\"lunarDate\":\"10/3\"");
		String september = getAuthorised("/api/calendar/occurrences?from=2025-09-02&to=2025-09-02").body();
		assertThat(september).contains("\"anniversary\":\"quoc-khanh\"")
			.contains("\"ordinal\":80,\"class\":\"NAM_TRON\",\"tier\":\"LE_LON\",\"leadDays\":60");
		assertThat(getAuthorised("/api/calendar/occurrences?from=2026-02-30&to=2026-03-01").statusCode())
			.isEqualTo(400);
	}

	private HttpResponse<String> send(String method, String path, String json) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer e2e-token")
			.header("Content-Type", "application/json")
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long mailsTo(String address) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter((m) -> recipients(m).contains(address)).count();
	}

	private static List<String> recipients(MimeMessage message) {
		try {
			return Arrays.stream(message.getAllRecipients()).map((r) -> ((InternetAddress) r).getAddress()).toList();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void collect(jakarta.mail.Part part, List<String> types, List<String> texts) throws Exception {
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, types, texts);
			}
			return;
		}
		types.add(part.getContentType().toLowerCase());
		texts.add(String.valueOf(part.getContent()));
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer e2e-token")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> getAuthorised(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer e2e-token").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
