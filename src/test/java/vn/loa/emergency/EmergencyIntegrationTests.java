package vn.loa.emergency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.accounts.Accounts;
import vn.loa.accounts.Role;
import vn.loa.content.ContentCatalog;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentWorkflow;
import vn.loa.content.Priority;
import vn.loa.organisations.Organisations;
import vn.loa.organisations.Scope;
import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;
import vn.loa.web.DeskSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An emergency bulletin from the desk to every outlet, with Quartz, a real SMTP server
 * and the real database: issued by someone with the emergency role, it is on the feed, in
 * the subscriber's mailbox and at the top of the station's rundown within seconds; the
 * announcer marks a reading and it comes round again at its interval; the export puts it
 * first; withdrawing it ends its repeats. Every step is in the audit log.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:loa-emergency;DB_CLOSE_DELAY=-1",
		"loa.api.token=emergency-token", "loa.secret=emergency-secret", "loa.base-url=https://loa.example.vn",
		"spring.mail.host=127.0.0.1", "loa.radio.reading-time=syllables" })
@AutoConfigureMockMvc
// Its Quartz scheduler, senders and GreenMail are its own: closed after the class rather
// than
// kept polling beside the contexts of later tests, whose timing they would disturb.
@org.springframework.test.annotation.DirtiesContext
class EmergencyIntegrationTests {

	private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	private static final Path DATA;

	static {
		SMTP.start();
		try {
			DATA = Files.createTempDirectory("loa-emergency");
			Files.createDirectories(DATA.resolve("content"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Subscribers subscribers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	ContentWorkflow workflow;

	@Autowired
	ContentCatalog catalog;

	@Autowired
	Organisations organisations;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Autowired
	ZoneId zone;

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
	void anEmergencyBulletinReachesFeedMailAndTheTopOfTheRundownWithinSecondsAndRepeatsUntilWithdrawn()
			throws Exception {
		this.subscribers.add("default", "truc.ban@example.vn", "Trực ban phòng chống thiên tai",
				SubscriberStatus.CONFIRMED, "api");
		MockHttpSession officer = DeskSessions.login(this.mvc, this.accounts, "chi-huy-pctt", Role.EMERGENCY);
		MvcResult page = this.mvc.perform(get("/desk/emergency").session(officer))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(page.getResponse().getContentAsString()).contains("Tin khẩn cấp").contains("Phát tin khẩn cấp ngay");

		Instant issued = Instant.now();
		this.mvc
			.perform(post("/desk/emergency").session(officer)
				.with(DeskSessions.csrfOf(page))
				.param("organisation", "default")
				.param("audience", "all")
				.param("title", "Bão số 3 đổ bộ: sơ tán khỏi vùng trũng")
				.param("body", "Kính thưa bà con, bão số 3 sẽ đổ bộ lúc 14 giờ. Đề nghị bà con vùng trũng sơ tán ngay.")
				.param("outlets", "feed", "email", "radio")
				.param("repeatMinutes", "30")
				.param("hours", "3"))
			.andExpect(status().is3xxRedirection());
		String id = this.jdbc.queryForObject("SELECT id FROM emergency_bulletin WHERE requested_by = 'chi-huy-pctt'",
				String.class);
		assertThat(this.catalog.find(id).orElseThrow().priority()).isEqualTo(Priority.EMERGENCY);

		// Feed, e-mail and the top of the rundown, within seconds.
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.mvc.perform(get("/feed.xml"))
				.andReturn()
				.getResponse()
				.getContentAsString()
				.contains("Bão số 3 đổ bộ"));
		await().atMost(Duration.ofSeconds(15)).until(() -> mails("truc.ban@example.vn").size() == 1);
		MockHttpSession announcer = DeskSessions.login(this.mvc, this.accounts, "phat-thanh-pctt", Role.ANNOUNCER);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> rundown(announcer).contains("Bão số 3 đổ bộ: sơ tán khỏi vùng trũng"));
		Duration took = Duration.between(issued, Instant.now());
		assertThat(took).isLessThan(Duration.ofSeconds(15));
		assertThat(mails("truc.ban@example.vn").get(0).getSubject())
			.isEqualTo("KHẨN CẤP: Bão số 3 đổ bộ: sơ tán khỏi vùng trũng");
		assertThat(mails("truc.ban@example.vn").get(0).getHeader("Priority")).containsExactly("urgent");
		assertThat(this.jdbc.queryForList("SELECT outcome FROM publication WHERE item_id = ?", String.class, id))
			.containsOnly("ON_TIME")
			.hasSize(3);

		// The emergency block is read before every slot, at once.
		String rundown = rundown(announcer);
		assertThat(rundown).containsSubsequence("Tin khẩn cấp — đọc trước mọi bài khác", "Đọc ngay",
				"Bão số 3 đổ bộ: sơ tán khỏi vùng trũng", "đọc lại mỗi 30 phút", "06:00 (30 phút)");
		long entry = this.jdbc.queryForObject("SELECT id FROM radio_entry WHERE item_id = ?", Long.class, id);
		assertThat(this.jdbc.queryForObject("SELECT priority FROM radio_entry WHERE id = ?", String.class, entry))
			.isEqualTo("EMERGENCY");

		// The API a smart-radio platform polls lists it first, with its terms.
		JsonNode api = JsonMapper.builder()
			.build()
			.readTree(this.mvc
				.perform(get("/api/radio/entries").param("station", "default")
					.header("Authorization", "Bearer emergency-token"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8));
		assertThat(api.get(0).get("itemId").asString()).isEqualTo(id);
		assertThat(api.get(0).get("priority").asString()).isEqualTo("EMERGENCY");
		assertThat(api.get(0).get("repeatMinutes").asInt()).isEqualTo(30);

		// One reading marked: it comes round again in 30 minutes.
		MvcResult radioPage = this.mvc.perform(get("/desk/radio").session(announcer)).andReturn();
		this.mvc
			.perform(post("/desk/radio/entries/" + entry + "/aired").session(announcer)
				.with(DeskSessions.csrfOf(radioPage)))
			.andExpect(status().is3xxRedirection());
		Instant aired = this.jdbc
			.queryForObject("SELECT last_aired_at FROM radio_entry WHERE id = ?", java.sql.Timestamp.class, entry)
			.toInstant();
		String again = DateTimeFormatter.ofPattern("HH:mm")
			.format(aired.plus(Duration.ofMinutes(30)).atZone(this.zone));
		assertThat(rundown(announcer)).contains("Đọc lại lúc " + again)
			.contains("đã đọc 1 lần")
			.doesNotContain("Đọc ngay");

		// The export puts it first, outside the slots, with its repeat and expiry.
		byte[] zip = this.mvc.perform(get("/desk/radio/export").param("station", "default").session(announcer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Map<String, byte[]> files = unzip(zip);
		JsonNode manifest = JsonMapper.builder().build().readTree(files.get("manifest.json"));
		JsonNode first = manifest.get("entries").get(0);
		assertThat(first.get("itemId").asString()).isEqualTo(id);
		assertThat(first.get("priority").asString()).isEqualTo("emergency");
		assertThat(first.get("repeatMinutes").asInt()).isEqualTo(30);
		assertThat(first.get("slot").isNull()).isTrue();
		assertThat(files).containsKey(first.get("text").asString());
		assertThat(first.get("text").asString()).startsWith("emergency/");
		assertThat(new String(files.get(first.get("text").asString()), StandardCharsets.UTF_8))
			.contains("bão số 3 sẽ đổ bộ");

		// Withdrawn: its repeats end, and the page says so.
		MvcResult listed = this.mvc.perform(get("/desk/emergency").session(officer)).andReturn();
		assertThat(listed.getResponse().getContentAsString()).contains("Đang hiệu lực").contains("Thu hồi");
		this.mvc.perform(post("/desk/emergency/" + id + "/withdraw").session(officer).with(DeskSessions.csrfOf(listed)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("SELECT status FROM emergency_bulletin WHERE id = ?", String.class, id))
			.isEqualTo("WITHDRAWN");
		assertThat(this.catalog.find(id).orElseThrow().status()).isEqualTo(ContentStatus.WITHDRAWN);
		await().atMost(Duration.ofSeconds(10)).until(() -> !rundown(announcer).contains("Đọc lại lúc"));
		assertThat(rundown(announcer)).contains("Đã hết lượt đọc");

		assertThat(
				this.jdbc.queryForList("SELECT action || ' ' || actor FROM audit_entry WHERE subject = ? ORDER BY id",
						String.class, "emergency:" + id))
			.containsExactly("emergency.issue chi-huy-pctt", "emergency.withdraw chi-huy-pctt");
		assertThat(this.jdbc.queryForObject("SELECT actor FROM audit_entry WHERE subject = ? AND action = ?",
				String.class, "content:" + id, "content.emergency"))
			.isEqualTo("chi-huy-pctt");
	}

	@Test
	void onlyTheEmergencyRoleOpensThePageAndABadRequestIsRefusedInVietnameseStoringNothing() throws Exception {
		MockHttpSession editor = DeskSessions.login(this.mvc, this.accounts, "bien-tap-thuong", Role.EDITOR);
		this.mvc.perform(get("/desk/emergency").session(editor)).andExpect(status().isForbidden());

		MockHttpSession officer = DeskSessions.login(this.mvc, this.accounts, "chi-huy-loi", Role.EMERGENCY);
		MvcResult page = this.mvc.perform(get("/desk/emergency").session(officer)).andReturn();
		String html = this.mvc
			.perform(post("/desk/emergency").session(officer)
				.with(DeskSessions.csrfOf(page))
				.param("organisation", "default")
				.param("audience", "all")
				.param("title", "   ")
				.param("body", "Nội dung cần giữ lại")
				.param("outlets", "feed")
				.param("repeatMinutes", "30")
				.param("hours", "3"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Tin khẩn cấp cần tiêu đề.").contains("Nội dung cần giữ lại");
		for (String[] bad : new String[][] { { "repeatMinutes", "2", "Đọc lại mỗi 5 đến 1440 phút" },
				{ "hours", "100", "từ 1 đến 72 giờ" }, { "organisation", "khong-co", "Không có đơn vị" } }) {
			Map<String, String> form = new HashMap<>(Map.of("organisation", "default", "audience", "all", "title",
					"Cháy rừng", "body", "Nội dung", "outlets", "feed", "repeatMinutes", "30", "hours", "3"));
			form.put(bad[0], bad[1]);
			var request = post("/desk/emergency").session(officer).with(DeskSessions.csrfOf(page));
			form.forEach(request::param);
			MvcResult result = this.mvc.perform(request).andExpect(status().isBadRequest()).andReturn();
			assertThat(result.getResponse().getContentAsString()).contains(bad[2]);
		}
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM emergency_bulletin WHERE requested_by = 'chi-huy-loi'", Integer.class))
			.isZero();
	}

	/**
	 * Where a second approval is asked, the bulletin waits: its author cannot approve it,
	 * a second person can, and only then does it go out.
	 */
	@Test
	void aSecondPersonApprovesWhereConfiguredAndTheAuthorCannot() {
		EmergencyBulletins twoPeople = new EmergencyBulletins(this.named, this.workflow, this.organisations,
				this.events, this.clock, this.zone, true);
		EmergencyBulletin asked = this.transactions
			.execute(
					(tx) -> twoPeople.issue(
							new EmergencyRequest("default", "own", null, "Lũ quét: cấm qua ngầm tràn",
									"Cấm người qua ngầm tràn.", List.of("feed"), 0, 2),
							"nguoi-soan", Scope.EVERYWHERE));
		assertThat(asked.status()).isEqualTo(EmergencyStatus.AWAITING);
		assertThat(this.catalog.find(asked.id())).isEmpty();

		assertThatThrownBy(() -> this.transactions
			.executeWithoutResult((tx) -> twoPeople.approve(asked.id(), "nguoi-soan", Scope.EVERYWHERE)))
			.isInstanceOf(InvalidEmergencyException.class)
			.extracting((ex) -> ((InvalidEmergencyException) ex).code())
			.isEqualTo("ownRequest");
		assertThat(this.catalog.find(asked.id())).isEmpty();

		EmergencyBulletin approved = this.transactions
			.execute((tx) -> twoPeople.approve(asked.id(), "nguoi-duyet", Scope.EVERYWHERE));
		assertThat(approved.status()).isEqualTo(EmergencyStatus.ISSUED);
		assertThat(approved.decidedBy()).isEqualTo("nguoi-duyet");
		assertThat(approved.repeatMinutes()).isNull();
		assertThat(this.catalog.find(asked.id()).orElseThrow().priority()).isEqualTo(Priority.EMERGENCY);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.mvc.perform(get("/feed.xml"))
				.andReturn()
				.getResponse()
				.getContentAsString()
				.contains("Lũ quét: cấm qua ngầm tràn"));
		assertThat(
				this.jdbc.queryForList("SELECT action || ' ' || actor FROM audit_entry WHERE subject = ? ORDER BY id",
						String.class, "emergency:" + asked.id()))
			.containsExactly("emergency.request nguoi-soan", "emergency.approve nguoi-duyet");
	}

	private String rundown(MockHttpSession session) throws Exception {
		return this.mvc.perform(get("/desk/radio").session(session)).andReturn().getResponse().getContentAsString();
	}

	private static List<MimeMessage> mails(String address) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch((r) -> r.toString().contains(address));
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> files = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				files.put(entry.getName(), in.readAllBytes());
			}
		}
		return files;
	}

}
