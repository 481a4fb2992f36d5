package vn.loa.cluster;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import vn.loa.LoaApplication;
import vn.loa.accounts.Accounts;
import vn.loa.accounts.Role;
import vn.loa.importer.CalendarCopies;
import vn.loa.organisations.Audience;
import vn.loa.organisations.Organisations;
import vn.loa.publishing.Publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Production's shape for the features that keep their state in the database: two Loa
 * nodes in this JVM on one real PostgreSQL, each with its own data directory and copy of
 * {@code calendar/}, sharing one SMTP server. A plan confirmed on one node reaches the
 * other; the login and sign-up limits hold across nodes even when requests race; each
 * confirmation mail goes out once though both nodes' senders claim them; and an account
 * disabled on one node ends its session on the other. Quartz, which the nodes do not need
 * here, is not started (PostgresMultiNodeIntegrationTests covers the clustered schedule).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresClusterIntegrationTests {

	private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

	private static final Duration REFRESH = Duration.ofMillis(500);

	private static final String TOKEN = "cluster-token";

	private static final String PASSWORD = "mật-khẩu-đủ-dài-1";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/** A city's plan, modelled on a real one, with its number left to fill in. */
	private static final String CITY_PLAN = """
			ĐẢNG BỘ TỈNH BÀ RỊA - VŨNG TÀU ĐẢNG CỘNG SẢN VIỆT NAM
			BAN THƯỜNG VỤ THÀNH ỦY
			*
			Số %d-KH/TU Vũng Tàu, ngày 10 tháng 10 năm 2024

			KẾ HOẠCH
			tuyên truyền những chủ đề lớn, trọng tâm
			từ nay đến Đại hội XIV của Đảng

			Nay, Ban Thường vụ Thành ủy Vũng Tàu xây dựng kế hoạch tuyên truyền như sau:

			I- NỘI DUNG VÀ LỘ TRÌNH TUYÊN TRUYỀN

			1. Giai đoạn từ nay đến hết năm 2024, tập trung tuyên truyền kết quả Hội nghị Trung ương 10 khóa XIII và thành tựu của đất nước sau gần 40 năm đổi mới dưới sự lãnh đạo của Đảng.

			2. Giai đoạn từ năm 2025 đến Đại hội XIV của Đảng, tập trung tuyên truyền đại hội đảng bộ các cấp, gắn với kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930-03/02/2025).

			II- HÌNH THỨC TUYÊN TRUYỀN

			Tuyên truyền qua Trang thông tin điện tử Thành phố; qua hệ thống phát thanh không dây của cơ sở.

			III- TỔ CHỨC THỰC HIỆN

			1. Các Đảng bộ, chi bộ trực thuộc

			- Tổ chức tốt công tác tuyên truyền bằng các hình thức phù hợp.

			T/M BAN THƯỜNG VỤ
			PHÓ BÍ THƯ

			Lê Thị Thanh Bình
			""";

	@TempDir
	static Path work;

	private final HttpClient api = HttpClient.newHttpClient();

	private GreenMail smtp;

	private EmbeddedPostgres postgres;

	private JdbcTemplate jdbc;

	private Node a;

	private Node b;

	@BeforeAll
	void startPostgresAndTwoNodes() throws Exception {
		if (skippedAsRoot()) {
			return;
		}
		assertThat(ROOT).as("embedded PostgreSQL cannot run as root: on CI, .ci/run runs the tests as a normal user")
			.isFalse();
		this.smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		this.smtp.start();
		this.postgres = EmbeddedPostgres.builder().start();
		this.jdbc = new JdbcTemplate(this.postgres.getPostgresDatabase());
		// One after the other: the first migrates the empty database.
		this.a = start("a");
		this.b = start("b");
		assertThat(this.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
	}

	/**
	 * Skips each test, so that the report counts them as skipped rather than leaving the
	 * class out.
	 */
	@BeforeEach
	void skipAsRoot() {
		assumeFalse(skippedAsRoot(), "embedded PostgreSQL cannot run as root; run the tests as a normal user");
	}

	/** Off CI, root skips; on CI, root fails: CI must run these tests. */
	private static boolean skippedAsRoot() {
		return ROOT && !"true".equals(System.getenv("CI"));
	}

	@AfterAll
	void stopNodesThenPostgres() throws Exception {
		// Before the database goes away.
		for (Node node : new Node[] { this.b, this.a }) {
			if (node != null) {
				node.context().close();
			}
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
		if (this.smtp != null) {
			this.smtp.stop();
		}
	}

	@Test
	void aPlanConfirmedOnOneNodeIsScheduledAgainstOnTheOtherAndARacedConfirmationStoresItOnce() throws Exception {
		String draft = draftId(upload(this.a, 451));
		assertThat(apiGet(this.b, "/calendar/plans/451-kh-tu.ics").statusCode()).isEqualTo(404);
		HttpResponse<String> confirmed = apiPost(this.a, "/api/plans/imports/" + draft + "/confirm");
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

		await().atMost(REFRESH.multipliedBy(6))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(
					() -> assertThat(apiGet(this.b, "/calendar/plans/451-kh-tu.ics").statusCode()).isEqualTo(200));
		HttpResponse<String> content = apiPost(this.b, "/api/content", """
				{"id": "trien-khai-451", "title": "Triển khai Kế hoạch 451-KH/TU", "body": "Nội dung.",
				 "outlets": ["feed"], "when": "start of phase 1 of 451-KH/TU, 07:00"}""");
		assertThat(content.statusCode()).as(content.body()).isEqualTo(201);
		assertThat(content.body()).contains("\"dueAt\":\"2024-10-10T07:00+07:00\"");

		// The same document uploaded on each node, both drafts confirmed at once.
		String onA = draftId(upload(this.a, 452));
		String onB = draftId(upload(this.b, 452));
		List<HttpResponse<String>> raced = atOnce(
				List.of(() -> apiPost(this.a, "/api/plans/imports/" + onA + "/confirm"),
						() -> apiPost(this.b, "/api/plans/imports/" + onB + "/confirm")));
		assertThat(raced).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
		assertThat(versions("452-kh-tu")).containsExactly(1L);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM plan_import WHERE id IN (?, ?) AND confirmed_at IS NOT NULL", Long.class, onA,
				onB))
			.isOne();

		// One draft confirmed on both nodes at once.
		String shared = draftId(upload(this.a, 453));
		List<HttpResponse<String>> twice = atOnce(
				List.of(() -> apiPost(this.a, "/api/plans/imports/" + shared + "/confirm"),
						() -> apiPost(this.b, "/api/plans/imports/" + shared + "/confirm")));
		assertThat(twice).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
		assertThat(versions("453-kh-tu")).containsExactly(1L);

		// The first plan replaced from both nodes at once: when the two overlap one is
		// refused, when they do not the second replaces the first; either way no
		// accepted replacement is lost.
		String replaceOnA = draftId(upload(this.a, 451));
		String replaceOnB = draftId(upload(this.b, 451));
		List<HttpResponse<String>> replaced = atOnce(
				List.of(() -> apiPost(this.a, "/api/plans/imports/" + replaceOnA + "/confirm?replace=true"),
						() -> apiPost(this.b, "/api/plans/imports/" + replaceOnB + "/confirm?replace=true")));
		assertThat(replaced).extracting(HttpResponse::statusCode).isSubsetOf(200, 409);
		long accepted = replaced.stream().filter((response) -> response.statusCode() == 200).count();
		assertThat(accepted).isPositive();
		assertThat(versions("451-kh-tu")).containsExactly(1 + accepted);

		// Whichever node lost, both calendars end up with both plans.
		for (Node node : List.of(this.a, this.b)) {
			await().atMost(REFRESH.multipliedBy(6))
				.pollInterval(Duration.ofMillis(100))
				.untilAsserted(
						() -> assertThat(apiGet(node, "/calendar/plans/452-kh-tu.ics").statusCode()).isEqualTo(200));
			await().atMost(REFRESH.multipliedBy(6))
				.pollInterval(Duration.ofMillis(100))
				.untilAsserted(
						() -> assertThat(apiGet(node, "/calendar/plans/453-kh-tu.ics").statusCode()).isEqualTo(200));
		}
	}

	@Test
	void anOrganisationAddedOnOneNodeTakesSubscribersOnTheOtherAndARacedAddStoresItOnce() throws Exception {
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE parent_id = 'thai-nguyen'",
				Long.class))
			.as("both nodes seeded the same province, once")
			.isEqualTo(93L);
		HttpResponse<String> created = apiPost(this.a, "/api/organisations", """
				{"id": "cum-ttt-bang-thanh", "name": "Trung tâm truyền thông cụm Bằng Thành",
				 "kind": "communication-centre", "parent": "thai-nguyen"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		await().atMost(REFRESH.multipliedBy(6)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			HttpResponse<String> subscriber = apiPost(this.b, "/api/subscribers", """
					{"email": "cum-%d@example.vn", "organisation": "cum-ttt-bang-thanh", "status": "confirmed"}"""
				.formatted(System.nanoTime()));
			assertThat(subscriber.statusCode()).as(subscriber.body()).isEqualTo(201);
		});

		List<HttpResponse<String>> raced = atOnce(
				List.of(() -> apiPost(this.a, "/api/organisations", "{\"id\": \"xa-dua\", \"name\": \"Xã Đua A\"}"),
						() -> apiPost(this.b, "/api/organisations", "{\"id\": \"xa-dua\", \"name\": \"Xã Đua B\"}")));
		assertThat(raced).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 409);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE id = 'xa-dua'", Long.class))
			.isEqualTo(1L);
	}

	@Test
	void aProvinceItemForAllItsCommunesPublishedByBothNodesAtOnceGoesOutOncePerCommuneStationAndMailbox()
			throws Exception {
		for (String[] follower : new String[][] { { "lan@cascade.example.vn", "thai-nguyen-bang-thanh" },
				{ "lan@cascade.example.vn", "thai-nguyen-phu-binh" },
				{ "hai@cascade.example.vn", "thai-nguyen-phu-binh" } }) {
			assertThat(apiPost(this.a, "/api/subscribers", """
					{"email": "%s", "organisation": "%s", "status": "confirmed"}""".formatted(follower[0], follower[1]))
				.statusCode()).isEqualTo(201);
		}
		int audience = this.a.context().getBean(Organisations.class).resolve("thai-nguyen", Audience.ALL).size();
		assertThat(audience).as("the province and every unit below it").isGreaterThanOrEqualTo(93);
		ZonedDateTime due = ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusSeconds(1).withNano(0);
		HttpResponse<String> created = apiPost(this.a, "/api/content", """
				{"id": "thai-nguyen-ca-tinh", "organisation": "thai-nguyen", "audience": "all",
				 "title": "Treo cờ mừng Quốc khánh", "body": "Đề nghị bà con các xã, phường treo cờ.",
				 "outlets": ["feed", "email", "radio"], "when": "%s"}"""
			.formatted(due.toLocalDateTime().toString().replace('T', ' ')));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Thread.sleep(Duration.between(ZonedDateTime.now(due.getZone()), due).toMillis() + 200);

		atOnce(List.of(() -> this.a.context().getBean(Publisher.class).publishDue(),
				() -> this.b.context().getBean(Publisher.class).publishDue()));

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM publication WHERE item_id = 'thai-nguyen-ca-tinh'",
				Long.class))
			.isEqualTo(3L);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM publication_audience WHERE item_id = 'thai-nguyen-ca-tinh'", Long.class))
			.isEqualTo(audience);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.jdbc.queryForObject(
					"SELECT COUNT(DISTINCT organisation) FROM feed_entry WHERE item_id = 'thai-nguyen-ca-tinh'",
					Long.class))
				.isEqualTo(audience));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM feed_entry WHERE item_id = 'thai-nguyen-ca-tinh'",
				Long.class))
			.isEqualTo(audience);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.jdbc.queryForList(
					"SELECT station_id FROM radio_entry WHERE item_id = 'thai-nguyen-ca-tinh' ORDER BY station_id",
					String.class))
				.containsExactly("dai-bang-thanh", "dai-phu-binh"));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(cascadeRecipients()).containsExactlyInAnyOrder("hai@cascade.example.vn",
					"lan@cascade.example.vn"));
		Thread.sleep(1000);
		assertThat(cascadeRecipients()).as("one bulletin per mailbox, never two")
			.containsExactlyInAnyOrder("hai@cascade.example.vn", "lan@cascade.example.vn");
		assertThat(apiGet(this.b, "/o/thai-nguyen-phu-binh/feed.xml").body()).contains("thai-nguyen-ca-tinh");
	}

	private List<String> cascadeRecipients() throws MessagingException {
		List<String> found = new ArrayList<>();
		for (MimeMessage message : this.smtp.getReceivedMessages()) {
			for (jakarta.mail.Address to : message.getAllRecipients()) {
				String address = ((InternetAddress) to).getAddress();
				if (address.endsWith("@cascade.example.vn")
						&& message.getSubject().contains("Treo cờ mừng Quốc khánh")) {
					found.add(address);
				}
			}
		}
		return found;
	}

	@Test
	void aNodePausedInTheMiddleOfATransactionLosesItAndItsLocksWithinTwentySeconds() throws Exception {
		HttpResponse<String> created = apiPost(this.b, "/api/content", """
				{"id": "khoa-dong", "title": "Bài bị khoá", "body": "Nội dung.", "outlets": ["feed"],
				 "status": "draft"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		javax.sql.DataSource pausedNode = this.a.context().getBean(javax.sql.DataSource.class);
		javax.sql.DataSource otherNode = this.b.context().getBean(javax.sql.DataSource.class);
		try (java.sql.Connection paused = pausedNode.getConnection();
				java.sql.Connection other = otherNode.getConnection()) {
			JdbcTemplate settings = new JdbcTemplate(
					new org.springframework.jdbc.datasource.SingleConnectionDataSource(paused, true));
			assertThat(settings.queryForObject("SHOW idle_in_transaction_session_timeout", String.class))
				.isEqualTo("20s");
			assertThat(settings.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("30s");
			assertThat(settings.queryForObject("SHOW lock_timeout", String.class)).isEqualTo("15s");
			paused.setAutoCommit(false);
			paused.createStatement().execute("SELECT id FROM content_item WHERE id = 'khoa-dong' FOR UPDATE");
			// The node stops here (SIGSTOP, a long GC, a cut cable) with the row locked.
			Thread.sleep(Duration.ofSeconds(21).toMillis());

			java.sql.Statement update = other.createStatement();
			long start = System.nanoTime();
			assertThat(update.executeUpdate("UPDATE content_item SET title = 'Đã mở khoá' WHERE id = 'khoa-dong'"))
				.isEqualTo(1);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
			org.assertj.core.api.Assertions.assertThatExceptionOfType(java.sql.SQLException.class)
				.as("the paused node's transaction is gone")
				.isThrownBy(() -> paused.createStatement().execute("SELECT 1"));
		}
	}

	/**
	 * A node frozen while its driver sends a batch (how a burst of due items is decided):
	 * the server waits for the rest of the batch and counts the session as active, so its
	 * idle timeout never comes; the nodes end the session themselves after 20 s of
	 * waiting (StalledSessions), and leave other programs' sessions alone.
	 */
	@Test
	void aNodeFrozenInTheMiddleOfABatchLosesItsTransactionAndItsLocksWithinHalfAMinute() throws Exception {
		HttpResponse<String> created = apiPost(this.b, "/api/content", """
				{"id": "giua-chung", "title": "Bài giữa chừng", "body": "Nội dung.", "outlets": ["feed"],
				 "status": "draft"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		try (HalfSentBatch frozen = HalfSentBatch.open(this.postgres.getPort(), "loa");
				HalfSentBatch otherProgram = HalfSentBatch.open(this.postgres.getPort(), "psql")) {
			frozen.run("BEGIN");
			frozen.run("SELECT id FROM content_item WHERE id = 'giua-chung' FOR UPDATE");
			otherProgram.run("BEGIN");
			otherProgram.run("SELECT 1");
			java.time.Instant frozenAt = java.time.Instant.now();
			assertThat(
					this.jdbc.queryForMap("SELECT state, wait_event FROM pg_stat_activity WHERE pid = ?", frozen.pid()))
				.as("the server counts the half-sent batch as busy, so its idle timeout never comes")
				.containsEntry("state", "active")
				.containsEntry("wait_event", "ClientRead");
			String alive = "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ?";
			await().atMost(Duration.ofSeconds(45))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> this.jdbc.queryForObject(alive, Integer.class, frozen.pid()) == 0);
			assertThat(Duration.between(frozenAt, java.time.Instant.now())).as("ended after the limit, not before")
				.isGreaterThan(Duration.ofSeconds(18));
			assertThat(frozen.endedByServer()).as("the frozen node finds its connection gone").isTrue();
			try (java.sql.Connection other = this.b.context().getBean(javax.sql.DataSource.class).getConnection()) {
				long start = System.nanoTime();
				assertThat(other.createStatement()
					.executeUpdate("UPDATE content_item SET title = 'Đã mở khoá' WHERE id = 'giua-chung'"))
					.isEqualTo(1);
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
			}
			assertThat(this.jdbc.queryForObject(alive, Integer.class, otherProgram.pid()))
				.as("another program's session, however long it waits, is not Loa's to end")
				.isEqualTo(1);
		}
	}

	@Test
	void signUpsForOneMailboxRacingOnBothNodesAreAllowedAtMostThreeTimes() throws Exception {
		String mailbox = "mot.hop.thu@example.vn";
		List<Callable<Integer>> signUps = new ArrayList<>();
		for (int n = 0; n < 40; n++) {
			Node node = (n % 2 == 0) ? this.a : this.b;
			// Each from an address of its own, so that only the mailbox's limit applies;
			// the case varies as people type it.
			String client = "192.0.2." + (n + 1);
			String typed = (n % 3 == 0) ? mailbox.toUpperCase(Locale.ROOT) : mailbox;
			RequestPostProcessor csrf = csrfOf(node.mvc().perform(get("/subscribe")).andReturn());
			signUps.add(() -> node.mvc()
				.perform(post("/subscribe").param("email", typed)
					.param("name", "Một Hộp Thư")
					.with(csrf)
					.with(from(client)))
				.andReturn()
				.getResponse()
				.getStatus());
		}
		List<Integer> statuses = atOnce(signUps);
		assertThat(statuses).containsOnly(200, 429);
		long allowed = statuses.stream().filter((status) -> status == 200).count();
		assertThat(allowed).isLessThanOrEqualTo(3);
		// A refused attempt leaves no row: what is left is what was allowed.
		assertThat(attempts("sign-up.mailbox", mailbox)).isEqualTo(allowed);

		// Asked again one by one, alternating nodes, the mailbox gets exactly the rest.
		for (long n = allowed; n < 3; n++) {
			assertThat(signUp((n % 2 == 0) ? this.a : this.b, mailbox, "192.0.2.10" + n)).isEqualTo(200);
		}
		assertThat(signUp(this.a, mailbox, "192.0.2.200")).isEqualTo(429);
		assertThat(signUp(this.b, mailbox, "192.0.2.201")).isEqualTo(429);
		assertThat(attempts("sign-up.mailbox", mailbox)).isEqualTo(3);
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM subscriber WHERE LOWER(email) = ?", Long.class, mailbox))
			.isOne();
	}

	@Test
	void signUpsFromOneAddressRacingOnBothNodesAreAllowedAtMostFiveTimes() throws Exception {
		String client = "192.0.2.250";
		List<Callable<Integer>> signUps = new ArrayList<>();
		for (int n = 0; n < 12; n++) {
			Node node = (n % 2 == 0) ? this.a : this.b;
			String mailbox = "cung-dia-chi-%02d@example.vn".formatted(n);
			RequestPostProcessor csrf = csrfOf(node.mvc().perform(get("/subscribe")).andReturn());
			signUps.add(() -> node.mvc()
				.perform(post("/subscribe").param("email", mailbox).with(csrf).with(from(client)))
				.andReturn()
				.getResponse()
				.getStatus());
		}
		List<Integer> statuses = atOnce(signUps);
		assertThat(statuses).containsOnly(200, 429);
		assertThat(statuses.stream().filter((status) -> status == 200).count()).isLessThanOrEqualTo(5)
			.isEqualTo(attempts("sign-up.client", client));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM subscriber WHERE email LIKE 'cung-dia-chi-%'",
				Long.class))
			.isEqualTo(attempts("sign-up.client", client));
	}

	@Test
	void loginFailuresCountedOnOneNodeBlockTheUsernameOnTheOther() throws Exception {
		this.a.accounts().create("test", "bt-doan-mat-khau", "Biên Tập", PASSWORD, Set.of(Role.EDITOR));
		for (int n = 0; n < 5; n++) {
			assertThat(login(this.a, "bt-doan-mat-khau", "sai-mat-khau-" + n, "198.51.100.7"))
				.isEqualTo("/login?error");
		}
		// Another address, the right password: the username is blocked on B too.
		assertThat(login(this.b, "bt-doan-mat-khau", PASSWORD, "198.51.100.8")).isEqualTo("/login?limited");
		assertThat(login(this.a, "bt-doan-mat-khau", PASSWORD, "198.51.100.9")).isEqualTo("/login?limited");
		assertThat(attempts("login.username", "bt-doan-mat-khau")).isEqualTo(5);
	}

	@Test
	void twentySignUpsOnBothNodesGetTwentyConfirmationMailsNoneTwice() throws Exception {
		List<String> mailboxes = IntStream.rangeClosed(1, 20).mapToObj("xa-%02d@example.vn"::formatted).toList();
		List<Callable<Integer>> signUps = new ArrayList<>();
		for (int n = 0; n < mailboxes.size(); n++) {
			Node node = (n % 2 == 0) ? this.a : this.b;
			String mailbox = mailboxes.get(n);
			String client = "203.0.113." + (n + 1);
			RequestPostProcessor csrf = csrfOf(node.mvc().perform(get("/subscribe")).andReturn());
			signUps.add(() -> node.mvc()
				.perform(post("/subscribe").param("email", mailbox).param("name", "Xã").with(csrf).with(from(client)))
				.andReturn()
				.getResponse()
				.getStatus());
		}
		assertThat(atOnce(signUps)).hasSize(20).containsOnly(200);

		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> received(mailboxes).size() >= mailboxes.size());
		// Both senders poll every 200 ms: give a second copy time to show up.
		Thread.sleep(2000);
		Map<String, Long> perRecipient = received(mailboxes).stream()
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(perRecipient).containsOnlyKeys(mailboxes).allSatisfy((to, times) -> assertThat(times).isOne());
		assertThat(this.jdbc.queryForList(
				"SELECT m.status FROM confirmation_mail m "
						+ "JOIN subscriber s ON s.id = m.subscriber_id WHERE s.email LIKE 'xa-%@example.vn'",
				String.class))
			.hasSize(20)
			.containsOnly("SENT");
	}

	@Test
	void anEditorDisabledOnOneNodeLosesTheSessionOnTheOther() throws Exception {
		this.a.accounts().create("test", "qt-cum", "Quản Trị", PASSWORD, Set.of(Role.ADMIN));
		this.a.accounts().create("test", "bt-cum", "Biên Tập", PASSWORD, Set.of(Role.EDITOR));
		Browser editorOnB = new Browser(this.b);
		Browser adminOnA = new Browser(this.a);
		assertThat(editorOnB.logIn("bt-cum")).endsWith("/desk");
		assertThat(editorOnB.get("/desk").statusCode()).isEqualTo(200);
		assertThat(adminOnA.logIn("qt-cum")).endsWith("/desk");

		HttpResponse<String> page = adminOnA.get("/desk/accounts/bt-cum");
		assertThat(page.statusCode()).isEqualTo(200);
		HttpResponse<String> disabled = adminOnA.post("/desk/accounts/bt-cum/disable", Map.of("_csrf", csrf(page)));
		assertThat(disabled.statusCode()).isEqualTo(302);
		assertThat(disabled.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/desk/accounts/bt-cum?done=disable"));

		// B holds the session; the next request there is refused, and so is the one
		// after.
		HttpResponse<String> next = editorOnB.get("/desk");
		assertThat(next.statusCode()).isEqualTo(302);
		assertThat(next.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?disabled"));
		HttpResponse<String> after = editorOnB.get("/desk/content");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
	}

	@Test
	void theDesksListsAnswerAndAStoredPlanRemovedOnOneNodeLeavesTheOther() throws Exception {
		this.a.accounts().create("test", "qt-doc", "Quản Trị Đọc", PASSWORD, Set.of(Role.ADMIN));
		Browser admin = new Browser(this.a);
		assertThat(admin.logIn("qt-doc")).endsWith("/desk");
		// The pages whose queries are new: filtered audit, grouped deliveries, the paged
		// and filtered content list, the dashboard and a plan with its content.
		for (String page : List.of("/desk",
				"/desk/audit?actor=qt-doc&action=&subject=account&from=01/01/2020&to=31/12/2035", "/desk/audit?page=2",
				"/desk/deliveries", "/desk/deliveries?page=2",
				"/desk/content?status=scheduled&outlet=email&plan=443-kh-tu&from=2024-01-01&to=2035-12-31&page=1",
				"/desk/plans/443-kh-tu", "/desk/calendar?month=2025-09")) {
			HttpResponse<String> answer = admin.get(page);
			assertThat(answer.statusCode()).as(page).isEqualTo(200);
		}

		String draft = draftId(upload(this.a, 461));
		assertThat(apiPost(this.a, "/api/plans/imports/" + draft + "/confirm").statusCode()).isEqualTo(200);
		await().atMost(REFRESH.multipliedBy(6))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(
					() -> assertThat(apiGet(this.b, "/calendar/plans/461-kh-tu.ics").statusCode()).isEqualTo(200));
		HttpResponse<String> removed = apiSend(
				HttpRequest.newBuilder(this.b.uri("/api/plans/stored/461-kh-tu")).DELETE());
		assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
		assertThat(versions("461-kh-tu")).isEmpty();
		await().atMost(REFRESH.multipliedBy(6))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(
					() -> assertThat(apiGet(this.a, "/calendar/plans/461-kh-tu.ics").statusCode()).isEqualTo(404));
	}

	private Node start(String name) throws Exception {
		Path home = Files.createDirectories(work.resolve(name));
		Files.createDirectories(home.resolve("content"));
		CalendarCopies.copy(home);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(LoaApplication.class).run(
				"--spring.profiles.active=postgresql",
				"--spring.datasource.url=" + this.postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=", "--server.port=0",
				"--loa.data-dir=" + home, "--loa.calendar-dir=" + home.resolve("calendar"),
				"--loa.content-dir=" + home.resolve("content"), "--spring.main.banner-mode=off",
				"--spring.quartz.auto-startup=false", "--spring.quartz.scheduler-name=loa-cluster-" + name,
				"--loa.api.token=" + TOKEN, "--loa.secret=cluster-secret", "--loa.base-url=https://loa.example.vn",
				"--loa.calendar.refresh-interval=" + REFRESH.toMillis() + "ms",
				"--loa.organisations.refresh-interval=" + REFRESH.toMillis() + "ms", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + this.smtp.getSmtp().getPort(), "--loa.email.poll-interval=200ms",
				"--loa.radio.stations[0].id=dai-bang-thanh", "--loa.radio.stations[0].name=Đài xã Bằng Thành",
				"--loa.radio.stations[0].organisation=thai-nguyen-bang-thanh",
				"--loa.radio.stations[1].id=dai-phu-binh", "--loa.radio.stations[1].name=Đài xã Phú Bình",
				"--loa.radio.stations[1].organisation=thai-nguyen-phu-binh");
		MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
			.addFilters(context.getBean("springSecurityFilterChain", Filter.class))
			.build();
		return new Node(context, mvc);
	}

	/** Runs every task at the same moment, each on a thread of its own; their results. */
	private static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
		try {
			CountDownLatch ready = new CountDownLatch(tasks.size());
			CountDownLatch go = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) {
				futures.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					return task.call();
				}));
			}
			ready.await();
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			threads.shutdown();
		}
	}

	private List<Long> versions(String planId) {
		return this.jdbc.queryForList("SELECT version FROM calendar_plan WHERE plan_id = ?", Long.class, planId);
	}

	/** The attempts stored for a key: the table keeps them lower-cased and hashed. */
	private long attempts(String limit, String key) throws Exception {
		String hash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256")
				.digest(key.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM rate_limit_attempt WHERE limit_name = ? AND key_hash = ?",
				Long.class, limit, hash);
	}

	private static int signUp(Node node, String email, String client) throws Exception {
		MvcResult form = node.mvc().perform(get("/subscribe")).andReturn();
		return node.mvc()
			.perform(post("/subscribe").param("email", email).with(csrfOf(form)).with(from(client)))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	/** Where a login attempt on the form sends the browser. */
	private static String login(Node node, String username, String password, String client) throws Exception {
		MvcResult form = node.mvc().perform(get("/login")).andReturn();
		return node.mvc()
			.perform(post("/login").param("username", username)
				.param("password", password)
				.with(csrfOf(form))
				.with(from(client)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private static RequestPostProcessor from(String client) {
		return (request) -> {
			request.setRemoteAddr(client);
			return request;
		};
	}

	/** The CSRF cookie and field of a page, as a browser sends them back. */
	private static RequestPostProcessor csrfOf(MvcResult page) throws Exception {
		Matcher csrf = CSRF.matcher(page.getResponse().getContentAsString());
		assertThat(csrf.find()).as("a CSRF field on the page").isTrue();
		Cookie cookie = page.getResponse().getCookie("XSRF-TOKEN");
		String token = csrf.group(1);
		return (request) -> {
			request.setCookies((cookie != null) ? cookie : new Cookie("XSRF-TOKEN", token));
			request.addParameter("_csrf", token);
			return request;
		};
	}

	private static String csrf(HttpResponse<String> page) {
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).as("a CSRF field on the page").isTrue();
		return csrf.group(1);
	}

	/** The recipients among {@code mailboxes} of every mail the SMTP server received. */
	private List<String> received(List<String> mailboxes) {
		return Arrays.stream(this.smtp.getReceivedMessages())
			.map(PostgresClusterIntegrationTests::to)
			.filter(mailboxes::contains)
			.toList();
	}

	private static String to(MimeMessage message) {
		try {
			return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String draftId(HttpResponse<String> uploaded) {
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		return uploaded.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
	}

	private HttpResponse<String> upload(Node node, int number) throws Exception {
		String boundary = "loa" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ke-hoach-" + number
				+ ".txt\"\r\nContent-Type: text/plain\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(CITY_PLAN.formatted(number).getBytes(StandardCharsets.UTF_8));
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return apiSend(HttpRequest.newBuilder(node.uri("/api/plans/imports"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private HttpResponse<String> apiPost(Node node, String path) throws Exception {
		return apiSend(HttpRequest.newBuilder(node.uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
	}

	private HttpResponse<String> apiPost(Node node, String path, String json) throws Exception {
		return apiSend(HttpRequest.newBuilder(node.uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpResponse<String> apiGet(Node node, String path) throws Exception {
		return apiSend(HttpRequest.newBuilder(node.uri(path)));
	}

	private HttpResponse<String> apiSend(HttpRequest.Builder request) throws Exception {
		return this.api.send(request.header("Authorization", "Bearer " + TOKEN).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** One node: its application context and a MockMvc through its security chain. */
	private record Node(ConfigurableApplicationContext context, MockMvc mvc) {

		URI uri(String path) {
			int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
			return URI.create("http://127.0.0.1:" + port + path);
		}

		Accounts accounts() {
			return this.context.getBean(Accounts.class);
		}

	}

	/**
	 * A person's browser talking to one node over real HTTP, its session and CSRF cookies
	 * kept by that node's server.
	 */
	private static final class Browser {

		private final Node node;

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		Browser(Node node) {
			this.node = node;
		}

		/** Logs in on the form; where it sends the browser. */
		String logIn(String username) throws Exception {
			HttpResponse<String> form = get("/login");
			HttpResponse<String> result = post("/login",
					Map.of("username", username, "password", PASSWORD, "_csrf", csrf(form)));
			assertThat(result.statusCode()).isEqualTo(302);
			return result.headers().firstValue("Location").orElseThrow();
		}

		HttpResponse<String> get(String path) throws Exception {
			return this.http.send(HttpRequest.newBuilder(this.node.uri(path)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
			String form = fields.entrySet()
				.stream()
				.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return this.http.send(HttpRequest.newBuilder(this.node.uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

	}

}
