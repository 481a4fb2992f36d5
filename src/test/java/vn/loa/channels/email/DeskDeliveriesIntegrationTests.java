package vn.loa.channels.email;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.organisations.NewOrganisation;
import vn.loa.organisations.Organisations;
import vn.loa.accounts.Accounts;
import vn.loa.accounts.Role;
import vn.loa.content.ContentFixtures;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentCatalog;
import vn.loa.content.Outlet;
import vn.loa.publishing.events.ContentPublished;
import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;
import vn.loa.web.DeskSessions;
import vn.loa.web.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The deliveries' desk lists recent bulletins with their deliveries counted by status,
 * and a subscriber's page names what was sent to them: a bulletin published and sent to a
 * real SMTP server (GreenMail), beside older ones whose deliveries stand in every state.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:desk-deliveries;DB_CLOSE_DELAY=-1",
		"spring.mail.host=127.0.0.1", "spring.quartz.auto-startup=false", "loa.api.token=desk-deliveries-token",
		"loa.secret=desk-deliveries-secret", "loa.base-url=https://loa.example.vn" })
@AutoConfigureMockMvc
class DeskDeliveriesIntegrationTests {

	private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	private static final Path DATA = TestData.directory("loa-desk-deliveries");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	static {
		SMTP.start();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Subscribers subscribers;

	@Autowired
	ContentCatalog contents;

	@Autowired
	BulletinDeliveries deliveries;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ZoneId zone;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", SMTP.getSmtp()::getPort);
		TestData.register(registry, DATA);
	}

	@AfterAll
	static void stopSmtp() {
		SMTP.stop();
	}

	@Autowired
	Organisations organisations;

	/** The two wards whose subscribers these tests mail. */
	@BeforeEach
	void twoWards() {
		for (String ward : List.of("phuong-1", "phuong-2")) {
			if (this.organisations.find(ward).isEmpty()) {
				this.organisations.create(new NewOrganisation(ward, "Phường " + ward.substring(7), "ward", null),
						"test");
			}
		}
	}

	@Test
	void recentBulletinsShowTitleTimeAndCountsNewestFirstAndOlderOnesOnTheNextPage() throws Exception {
		Subscriber lan = this.subscribers.add("phuong-1", "lan@phuong-1.vn", "Nguyễn Thị Lan",
				SubscriberStatus.CONFIRMED, "api");
		Subscriber minh = this.subscribers.add("phuong-1", "minh@phuong-1.vn", "Trần Văn Minh",
				SubscriberStatus.CONFIRMED, "api");
		Subscriber hoa = this.subscribers.add("phuong-1", "hoa@phuong-1.vn", "Lê Thị Hoa", SubscriberStatus.PENDING,
				"api");
		Subscriber nam = this.subscribers.add("phuong-1", "nam@phuong-1.vn", "Phạm Văn Nam", SubscriberStatus.PENDING,
				"api");
		Instant now = Instant.now();
		// An older bulletin, published yesterday, whose deliveries stand in every state
		// but cancelled.
		item("phuong-1", "bao-so-3", "Phòng chống bão số 3");
		Instant yesterday = now.minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
		delivery("bao-so-3", lan.id(), "SENT", "250 OK", yesterday);
		delivery("bao-so-3", minh.id(), "RETRYING", "451 4.7.1 try again later", yesterday);
		delivery("bao-so-3", hoa.id(), "SENDING", null, yesterday);
		delivery("bao-so-3", nam.id(), "FAILED", "550 5.1.1 mailbox unavailable", yesterday);
		// Twenty more, each a minute older, so that the oldest of all is on the second
		// page.
		for (int i = 1; i <= DeskDeliveriesController.PAGE_SIZE; i++) {
			item("phuong-1", "cu-" + i, "Bản tin cũ số " + i);
			delivery("cu-" + i, lan.id(), "SENT", "250 OK", yesterday.minus(i, ChronoUnit.MINUTES));
		}
		// The newest, published now and sent for real.
		ContentItem today = item("phuong-1", "treo-co-quoc-khanh", "Thông báo treo cờ mừng Quốc khánh 2/9");
		Instant before = Instant.now();
		publish(today);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.deliveries.forItem(today.id())).extracting(Delivery::status)
				.containsExactly(DeliveryStatus.SENT, DeliveryStatus.SENT));
		Instant after = Instant.now();
		assertThat(SMTP.getReceivedMessagesForDomain("phuong-1.vn")).extracting((mail) -> mail.getSubject())
			.containsExactly(today.title(), today.title());
		MockHttpSession editor = DeskSessions.login(this.mvc, this.accounts, "xem-ban-tin", Role.EDITOR);

		String first = page(editor, "/desk/deliveries");
		String second = page(editor, "/desk/deliveries?page=2");

		List<List<String>> rows = rows(first);
		assertThat(rows).hasSize(DeskDeliveriesController.PAGE_SIZE);
		assertThat(rows.get(0)).hasSize(8)
			.startsWith("Thông báo treo cờ mừng Quốc khánh 2/9", "treo-co-quoc-khanh")
			.endsWith("2", "0", "0", "0", "0");
		assertThat(rows.get(0).get(2)).isIn(TIME.format(before.atZone(this.zone)),
				TIME.format(after.atZone(this.zone)));
		assertThat(rows).contains(List.of("Phòng chống bão số 3", "bao-so-3", TIME.format(yesterday.atZone(this.zone)),
				"1", "1", "1", "1", "0"));
		List<String> ids = new ArrayList<>();
		rows.forEach((row) -> ids.add(row.get(1)));
		rows(second).forEach((row) -> ids.add(row.get(1)));
		List<String> newestFirst = new ArrayList<>(List.of("treo-co-quoc-khanh", "bao-so-3"));
		for (int i = 1; i <= DeskDeliveriesController.PAGE_SIZE; i++) {
			newestFirst.add("cu-" + i);
		}
		assertThat(ids).containsSubsequence(newestFirst).doesNotHaveDuplicates();
		assertThat(rows(second)).extracting((row) -> row.get(1)).contains("cu-" + DeskDeliveriesController.PAGE_SIZE);
		assertThat(first).contains("href=\"/desk/deliveries?item=treo-co-quoc-khanh\"")
			.contains("href=\"/desk/deliveries?page=2\"");
		assertThat(second).contains("href=\"/desk/deliveries?page=1\"").doesNotContain("page=3");

		String english = page(editor, "/desk/deliveries?lang=en");
		assertThat(english).contains("Recent bulletins").contains("Published at").contains("Pending");
		this.mvc.perform(get("/desk/deliveries?page=0").session(editor)).andExpect(status().isBadRequest());
		this.mvc.perform(get("/desk/deliveries?page=200000000").session(editor)).andExpect(status().isBadRequest());

		// The dashboard points at the bulletin someone never received, and only at it.
		String dashboard = page(editor, "/desk");
		String failed = dashboard.substring(dashboard.indexOf("id=\"failed\""),
				dashboard.indexOf("</section>", dashboard.indexOf("id=\"failed\"")));
		assertThat(failed).contains("<a href=\"/desk/deliveries?item=bao-so-3\">Phòng chống bão số 3</a>")
			.contains("1 / 4 người nhận")
			.doesNotContain("treo-co-quoc-khanh");
	}

	@Test
	void aSubscribersHistoryNamesEachItemWithItsStatusAttemptTimeAndReply() throws Exception {
		Subscriber thu = this.subscribers.add("phuong-2", "thu@phuong-2.vn", "Đỗ Thu", SubscriberStatus.CONFIRMED,
				"api");
		ContentItem item = item("phuong-2", "lich-tiem-chung", "Lịch tiêm chủng tháng 9");
		publish(item);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.deliveries.forSubscriber(thu.id())).extracting(Delivery::status)
				.containsExactly(DeliveryStatus.SENT));
		Delivery sent = this.deliveries.forSubscriber(thu.id()).get(0);
		assertThat(sent.lastAttemptAt()).isNotNull();
		MockHttpSession editor = DeskSessions.login(this.mvc, this.accounts, "xem-nguoi-nhan", Role.EDITOR);

		String page = page(editor, "/desk/subscribers/" + thu.id());

		assertThat(page).contains(">Lịch tiêm chủng tháng 9</a>")
			.contains("href=\"/desk/content/lich-tiem-chung/edit\"")
			.contains("Đã gửi")
			.contains("Lần thử cuối")
			.contains(TIME.format(sent.lastAttemptAt().atZone(this.zone)))
			.containsPattern("<td>250[^<]*</td>");
	}

	private ContentItem item(String organisation, String id, String title) {
		ContentItem item = new ContentItem(id, organisation, title, "", "Kính gửi bà con.", null,
				EnumSet.of(Outlet.EMAIL), "api", Instant.now(), Map.of(), ContentStatus.PUBLISHED, "api",
				Instant.now());
		ContentFixtures.store(this.contents, item);
		return item;
	}

	private void publish(ContentItem item) {
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(
				new ContentPublished(item.id(), EnumSet.of(Outlet.EMAIL), item.dueAt(), Instant.now(), false)));
	}

	/**
	 * A delivery queued at {@code at} that the context's own sender leaves alone: a retry
	 * is due in an hour, and one being sent is leased to another node for as long.
	 */
	private void delivery(String item, long subscriber, String status, String reply, Instant at) {
		Timestamp time = Timestamp.from(at);
		Timestamp inAnHour = Timestamp.from(Instant.now().plus(Duration.ofHours(1)));
		this.jdbc.update(
				"INSERT INTO bulletin_delivery (item_id, subscriber_id, status, attempts, next_attempt_at, lease_owner, "
						+ "lease_until, last_reply, sent_at, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)",
				item, subscriber, status, status.equals("RETRYING") ? inAnHour : time,
				status.equals("SENDING") ? "another-node" : null, status.equals("SENDING") ? inAnHour : null, reply,
				status.equals("SENT") ? time : null, time, time);
	}

	private String page(MockHttpSession session, String url) throws Exception {
		return this.mvc.perform(get(url).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * The recent bulletins' table, row by row, as a reader sees its cells: title, item
	 * id, time and the five counts.
	 */
	private static List<List<String>> rows(String page) {
		String table = page.substring(page.indexOf("id=\"recent\""));
		table = table.substring(table.indexOf("<tbody>"), table.indexOf("</tbody>"));
		Pattern cell = Pattern.compile("<(?:a|code|td)(?: [^>]*)?>([^<]+)<");
		return Arrays.stream(table.split("<tr")).skip(1).map((row) -> {
			Matcher m = cell.matcher(row);
			List<String> cells = new ArrayList<>();
			while (m.find()) {
				if (!m.group(1).isBlank()) {
					cells.add(m.group(1).strip());
				}
			}
			return cells;
		}).toList();
	}

}
