package vn.loa.publishing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A province's item for all its communes, through the public API and pages with nothing
 * short-circuited: Quartz fires it once, its audience is decided and recorded, and it
 * reaches each commune's feed and station and each subscriber's mailbox exactly once, and
 * nobody outside the province.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "loa.api.token=cascade-token", "loa.secret=cascade-secret",
				"loa.base-url=https://loa.example.vn", "spring.mail.host=127.0.0.1",
				"loa.publishing.sweep-interval=PT1H" })
class CascadeEndToEndIntegrationTests {

	private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	private static final Path DATA;

	static {
		SMTP.start();
		try {
			DATA = Files.createTempDirectory("loa-cascade");
			Files.createDirectories(DATA.resolve("content"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	vn.loa.organisations.Organisations organisations;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	ZoneId zone;

	@Autowired
	vn.loa.accounts.ApiTokens tokens;

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
	void aProvinceItemForAllItsCommunesReachesEachFeedStationAndMailboxOnce() throws Exception {
		organisation("tinh-mau", "Tỉnh Mẫu", "province", null);
		organisation("tinh-mau-an", "Xã An", "commune", "tinh-mau");
		organisation("tinh-mau-binh", "Xã Bình", "commune", "tinh-mau");
		organisation("tinh-mau-chau", "Xã Châu", "commune", "tinh-mau");
		organisation("tinh-khac", "Tỉnh Khác", "province", null);
		organisation("tinh-khac-dong", "Xã Đông", "commune", "tinh-khac");
		// Two communes of the province get a station, without a restart; so does one
		// outside it.
		station("dai-xa-an", "Đài truyền thanh xã An", "tinh-mau-an", "06:00/30, 17:00/30");
		station("dai-xa-binh", "Đài truyền thanh xã Bình", "tinh-mau-binh", "05:30/20, 11:00/15, 17:30/30");
		station("dai-xa-khac", "Đài truyền thanh xã Khác", "tinh-khac-dong", "");
		// The province's mail comes from its own address; replies go to its centre.
		HttpResponse<String> identity = put("/api/organisations/tinh-mau/email",
				"""
						{"from": "Ban Tuyên giáo Tỉnh ủy Mẫu <btg@tinhmau.example.vn>", "replyTo": "ttcm@tinhmau.example.vn"}""");
		assertThat(identity.statusCode()).as(identity.body()).isEqualTo(200);
		HttpResponse<String> refusedIdentity = put("/api/organisations/tinh-mau/email", """
				{"from": "btg@tinhmau.example.vn, khac@example.vn"}""");
		assertThat(refusedIdentity.statusCode()).isEqualTo(400);
		assertThat(refusedIdentity.body()).contains("\"field\":\"from\"");
		// Lan follows two communes of the province: one bulletin all the same.
		subscriber("lan@xa.example.vn", "tinh-mau-an");
		subscriber("lan@xa.example.vn", "tinh-mau-binh");
		subscriber("hai@xa.example.vn", "tinh-mau-chau");
		subscriber("ttcm@tinh.example.vn", "tinh-mau");
		subscriber("ngoai@khac.example.vn", "tinh-khac-dong");

		ZonedDateTime due = ZonedDateTime.now(this.zone).plusSeconds(4).withNano(0);
		HttpResponse<String> created = post("/api/content", """
				{"id": "tinh-mau-treo-co", "organisation": "tinh-mau", "audience": "all",
				 "title": "Treo cờ mừng Quốc khánh 2/9", "body": "Đề nghị bà con các xã treo cờ Tổ quốc.",
				 "outlets": ["feed", "email", "radio"], "when": "%s"}""".formatted(LOCAL.format(due)));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(this.json.readTree(created.body()).get("audience").asString()).isEqualTo("all");

		await().atMost(Duration.ofSeconds(30)).until(() -> SMTP.getReceivedMessages().length >= 3);
		// Every commune's feed lists the item, attributed to the province; no other feed
		// does.
		for (String organisation : List.of("tinh-mau", "tinh-mau-an", "tinh-mau-binh", "tinh-mau-chau")) {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> get("/o/" + organisation + "/feed.xml").body().contains("tinh-mau-treo-co"));
		}
		for (String path : List.of("/o/tinh-khac-dong/feed.xml", "/o/tinh-khac/feed.xml", "/feed.xml")) {
			assertThat(get(path).body()).as(path).doesNotContain("tinh-mau-treo-co");
		}
		assertThat(get("/o/tinh-mau-an/").body()).contains("Treo cờ mừng Quốc khánh 2/9");

		// Each station of the audience has it once, in its own first slot; the other
		// province's station has nothing.
		String day = due.toLocalDate().toString();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> radio("dai-xa-an", day).size() == 1 && radio("dai-xa-binh", day).size() == 1);
		assertThat(radio("dai-xa-an", day).get(0).get("itemId").asString()).isEqualTo("tinh-mau-treo-co");
		assertThat(radio("dai-xa-binh", day).get(0).get("itemId").asString()).isEqualTo("tinh-mau-treo-co");
		assertThat(radio("dai-xa-khac", day)).isEmpty();

		// Xã An declines the province's item on its own station; Xã Bình still reads it.
		long an = radio("dai-xa-an", day).get(0).get("id").asLong();
		HttpResponse<String> declined = post(
				"/api/radio/entries/" + an + "/skipped?reason="
						+ java.net.URLEncoder.encode("Xã đã phát bài riêng", java.nio.charset.StandardCharsets.UTF_8),
				"");
		assertThat(declined.statusCode()).isEqualTo(200);
		assertThat(radio("dai-xa-an", day).get(0).get("status").asString()).isEqualTo("SKIPPED");
		assertThat(radio("dai-xa-an", day).get(0).get("reason").asString()).isEqualTo("Xã đã phát bài riêng");
		assertThat(radio("dai-xa-binh", day).get(0).get("status").asString()).isEqualTo("QUEUED");
		assertThat(radio("dai-xa-binh", day).get(0).get("reason").isNull()).isTrue();

		// One bulletin per mailbox of the audience, none outside it.
		Thread.sleep(1000);
		assertThat(recipients()).containsExactlyInAnyOrder("lan@xa.example.vn", "hai@xa.example.vn",
				"ttcm@tinh.example.vn");

		// Each bulletin speaks as the province and says whose list the reader is on.
		MimeMessage toHai = Arrays.stream(SMTP.getReceivedMessages())
			.filter((m) -> recipientsOf(m).contains("hai@xa.example.vn"))
			.findFirst()
			.orElseThrow();
		assertThat(((InternetAddress) toHai.getFrom()[0]).getPersonal()).isEqualTo("Ban Tuyên giáo Tỉnh ủy Mẫu");
		assertThat(((InternetAddress) toHai.getFrom()[0]).getAddress()).isEqualTo("btg@tinhmau.example.vn");
		assertThat(((InternetAddress) toHai.getReplyTo()[0]).getAddress()).isEqualTo("ttcm@tinhmau.example.vn");
		assertThat(toHai.getHeader("List-Id", null)).contains("<tinh-mau.loa.example.vn>");
		assertThat(vn.loa.web.MailParts.of(toHai).get("text/plain")).contains("Tỉnh Mẫu")
			.contains("nhận bản tin của Xã Châu");

		// Each commune's people see their own residents' copies of the province's
		// bulletin, and a commune of another province none.
		String chau = this.tokens.issue("test", "Xã Châu", "tinh-mau-chau").secret();
		String dong = this.tokens.issue("test", "Xã Đông", "tinh-khac-dong").secret();
		JsonNode seen = this.json.readTree(get("/api/deliveries?item=tinh-mau-treo-co", chau).body());
		assertThat(seen.valueStream().map((d) -> d.get("email").asString())).containsExactly("hai@xa.example.vn");
		assertThat(get("/api/deliveries?item=tinh-mau-treo-co", dong).statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(get("/api/deliveries?item=tinh-mau-treo-co", true).body()).size()).isEqualTo(3);

		// The audience was recorded when it went out; moving a commune afterwards does
		// not change it.
		patch("/api/organisations/tinh-mau-chau", """
				{"parent": "tinh-khac"}""");
		JsonNode publication = this.json.readTree(get("/api/content/tinh-mau-treo-co/publication", true).body());
		assertThat(publication.get("audience").valueStream().map(JsonNode::asString)).containsExactly("tinh-mau",
				"tinh-mau-an", "tinh-mau-binh", "tinh-mau-chau");
		assertThat(publication.get("outcomes").valueStream().map((o) -> o.get("outcome").asString()))
			.containsExactly("ON_TIME", "ON_TIME", "ON_TIME");
	}

	@Test
	void anItemForChosenCommunesReachesThemAloneAndAnOutletWithNowhereToGoSaysSo() throws Exception {
		organisation("tinh-chon", "Tỉnh Chọn", "province", null);
		organisation("tinh-chon-mot", "Xã Một", "commune", "tinh-chon");
		organisation("tinh-chon-hai", "Xã Hai", "commune", "tinh-chon");
		organisation("tinh-chon-ba", "Xã Ba", "commune", "tinh-chon");
		organisation("tinh-le", "Tỉnh Lẻ", "province", null);

		// An audience outside the owner is refused, naming the organisation.
		HttpResponse<String> outside = post("/api/content", """
				{"id": "ngoai-tinh", "organisation": "tinh-chon", "audience": ["tinh-chon-mot", "tinh-le"],
				 "title": "Ngoài tỉnh", "body": "Nội dung.", "outlets": ["feed"], "when": "2031-09-01 06:00"}""");
		assertThat(outside.statusCode()).isEqualTo(400);
		assertThat(outside.body()).contains("audience").contains("tinh-le");

		ZonedDateTime due = ZonedDateTime.now(this.zone).plusSeconds(4).withNano(0);
		assertThat(post("/api/content", """
				{"id": "tinh-chon-hai-xa", "organisation": "tinh-chon", "audience": ["tinh-chon-mot", "tinh-chon-ba"],
				 "title": "Thông báo cho hai xã", "body": "Chỉ xã Một và xã Ba.",
				 "outlets": ["feed", "email", "radio"], "when": "%s"}""".formatted(LOCAL.format(due))).statusCode())
			.isEqualTo(201);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> get("/o/tinh-chon-mot/feed.xml").body().contains("tinh-chon-hai-xa")
					&& get("/o/tinh-chon-ba/feed.xml").body().contains("tinh-chon-hai-xa"));
		assertThat(get("/o/tinh-chon-hai/feed.xml").body()).doesNotContain("tinh-chon-hai-xa");
		assertThat(get("/o/tinh-chon/feed.xml").body()).doesNotContain("tinh-chon-hai-xa");

		// No station and no subscriber in the audience: radio and e-mail say so, never
		// "on time".
		await().atMost(Duration.ofSeconds(10))
			.until(() -> outcomes("tinh-chon-hai-xa").values().stream().filter("UNREACHED"::equals).count() == 2);
		assertThat(outcomes("tinh-chon-hai-xa"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("EMAIL", "UNREACHED", "FEED", "ON_TIME", "RADIO", "UNREACHED"));
		assertThat(get("/api/publications?outcome=unreached", true).body()).contains("tinh-chon-hai-xa");
	}

	@Test
	void anItemOfAnOrganisationDisabledBeforeItsTimeSaysOnEveryOutletThatItReachedNobody() throws Exception {
		organisation("tinh-dong-cua", "Tỉnh Đóng Cửa", "province", null);
		organisation("tinh-dong-cua-xa", "Xã Đóng Cửa", "commune", "tinh-dong-cua");
		station("dai-dong-cua", "Đài xã Đóng Cửa", "tinh-dong-cua-xa", "06:00/30");
		subscriber("dan@dongcua.example.vn", "tinh-dong-cua-xa");
		ZonedDateTime due = ZonedDateTime.now(this.zone).plusSeconds(5).withNano(0);
		assertThat(post("/api/content", """
				{"id": "tinh-dong-cua-tin", "organisation": "tinh-dong-cua", "audience": "all",
				 "title": "Tin của tỉnh đã sáp nhập", "body": "Nội dung.",
				 "outlets": ["feed", "email", "radio"], "when": "%s"}""".formatted(LOCAL.format(due))).statusCode())
			.isEqualTo(201);
		// Merged away before the item's time: the province and its commune are disabled.
		for (String id : List.of("tinh-dong-cua-xa", "tinh-dong-cua")) {
			assertThat(patch("/api/organisations/" + id, """
					{"enabled": false}""").statusCode()).as(id).isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> outcomes("tinh-dong-cua-tin").size() == 3);
		assertThat(outcomes("tinh-dong-cua-tin")).containsExactlyInAnyOrderEntriesOf(
				Map.of("EMAIL", "UNREACHED", "FEED", "UNREACHED", "RADIO", "UNREACHED"));
		assertThat(get("/api/publications?outcome=unreached", true).body()).contains("tinh-dong-cua-tin");
		Thread.sleep(1000);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM feed_entry WHERE item_id = 'tinh-dong-cua-tin'",
				Integer.class))
			.isZero();
		assertThat(recipients()).doesNotContain("dan@dongcua.example.vn");
	}

	@Test
	void anItemForHundredsOfOrganisationsGoesOutToEveryOneOfThem() throws Exception {
		// More ids than an event record holds: the audience is recorded, not carried.
		this.organisations.create(new vn.loa.organisations.NewOrganisation("tinh-lon", "Tỉnh Lớn", "province", null),
				"test");
		for (int i = 0; i < 300; i++) {
			this.organisations.create(new vn.loa.organisations.NewOrganisation("tinh-lon-xa-so-" + i, "Xã Số " + i,
					"commune", "tinh-lon"), "test");
		}
		ZonedDateTime due = ZonedDateTime.now(this.zone).plusSeconds(4).withNano(0);
		assertThat(post("/api/content", """
				{"id": "tinh-lon-ca-tinh", "organisation": "tinh-lon", "audience": "all",
				 "title": "Thông báo toàn tỉnh", "body": "Cho mọi xã.", "outlets": ["feed"], "when": "%s"}"""
			.formatted(LOCAL.format(due))).statusCode()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForObject(
					"SELECT COUNT(DISTINCT organisation) FROM feed_entry WHERE item_id = 'tinh-lon-ca-tinh'",
					Integer.class) == 301);
		assertThat(get("/o/tinh-lon-xa-so-299/feed.xml").body()).contains("tinh-lon-ca-tinh");
		assertThat(outcomes("tinh-lon-ca-tinh")).containsEntry("FEED", "ON_TIME");
	}

	private Map<String, String> outcomes(String item) throws Exception {
		JsonNode publication = this.json.readTree(get("/api/content/" + item + "/publication", true).body());
		Map<String, String> outcomes = new java.util.TreeMap<>();
		publication.get("outcomes")
			.valueStream()
			.forEach((o) -> outcomes.put(o.get("outlet").asString(), o.get("outcome").asString()));
		return outcomes;
	}

	/**
	 * A station's entries on the due day and the next: an item due after the day's last
	 * slot goes into the next morning's.
	 */
	private List<JsonNode> radio(String station, String day) throws Exception {
		List<JsonNode> entries = new java.util.ArrayList<>();
		for (String date : List.of(day, java.time.LocalDate.parse(day).plusDays(1).toString())) {
			this.json.readTree(get("/api/radio/entries?station=" + station + "&date=" + date, true).body())
				.valueStream()
				.forEach(entries::add);
		}
		return entries;
	}

	private static List<String> recipientsOf(MimeMessage message) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.map((address) -> ((InternetAddress) address).getAddress())
				.toList();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> recipients() throws MessagingException {
		return Arrays.stream(SMTP.getReceivedMessages()).flatMap((MimeMessage m) -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
					.map((address) -> ((InternetAddress) address).getAddress());
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private void organisation(String id, String name, String kind, String parent) throws Exception {
		String body = (parent != null) ? """
				{"id": "%s", "name": "%s", "kind": "%s", "parent": "%s"}""".formatted(id, name, kind, parent) : """
				{"id": "%s", "name": "%s", "kind": "%s"}""".formatted(id, name, kind);
		assertThat(post("/api/organisations", body).statusCode()).as(id).isEqualTo(201);
	}

	private void station(String id, String name, String organisation, String slots) throws Exception {
		HttpResponse<String> created = post("/api/radio/stations", """
				{"id": "%s", "name": "%s", "organisation": "%s", "slots": "%s"}""".formatted(id, name, organisation,
				slots));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	private void subscriber(String email, String organisation) throws Exception {
		assertThat(post("/api/subscribers", """
				{"email": "%s", "name": "Người nhận", "organisation": "%s", "status": "confirmed"}""".formatted(email,
				organisation))
			.statusCode()).as(email).isEqualTo(201);
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer cascade-token")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> put(String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer cascade-token")
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> patch(String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer cascade-token")
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return get(path, false);
	}

	private HttpResponse<String> get(String path, boolean authorised) throws Exception {
		return authorised ? get(path, "cascade-token")
				: this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
