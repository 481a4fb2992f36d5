package vn.loa.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.loa.accounts.Accounts;
import vn.loa.accounts.ApiTokens;
import vn.loa.accounts.Role;
import vn.loa.channels.radio.RadioQueue;
import vn.loa.organisations.NewOrganisation;
import vn.loa.organisations.Organisations;
import vn.loa.subscribers.ConfirmationTokens;
import vn.loa.subscribers.UnsubscribeTokens;
import vn.loa.web.EndpointAccess.Caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every endpoint the controllers map, found in Spring MVC's handler mappings rather than
 * listed by hand, against the access table of {@link EndpointAccess}: a caller the table
 * does not allow is refused by the security chain before any controller runs (a
 * {@code 403}, a redirect to the login page, or a {@code 401} from the API); a desk write
 * without its CSRF token is refused even for an allowed role; a GET changes neither the
 * database nor a file; and the signed links are the only writes that work without a CSRF
 * token, and only with a valid signature. A new endpoint that is not in the table fails
 * {@link #everyMappedEndpointIsInTheAccessTable()}.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:security-matrix;DB_CLOSE_DELAY=-1",
		"spring.quartz.auto-startup=false", "loa.scheduling.enabled=false",
		"loa.api.token=" + SecurityMatrixIntegrationTests.TOKEN, "loa.secret=security-matrix-secret" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixIntegrationTests {

	static final String TOKEN = "security-matrix-token";

	private static final String ITEM = "ma-tran-thong-bao";

	private static final String PLAN = "443-kh-tu";

	/** A plan confirmed at run time, which only the allowed callers may remove. */
	private static final String STORED_PLAN = "453-kh-tu";

	/** A plan as a party committee writes one, for a draft that is never confirmed. */
	private static final String PLAN_DOCUMENT = """
			ĐẢNG BỘ TỈNH BÀ RỊA - VŨNG TÀU ĐẢNG CỘNG SẢN VIỆT NAM
			BAN THƯỜNG VỤ THÀNH ỦY
			*
			Số 452-KH/TU Vũng Tàu, ngày 15 tháng 10 năm 2024

			KẾ HOẠCH
			tuyên truyền kỷ niệm các ngày lễ lớn năm 2025

			I- NỘI DUNG VÀ LỘ TRÌNH TUYÊN TRUYỀN

			1. Giai đoạn từ năm 2025 đến Đại hội XIV của Đảng, tập trung tuyên truyền kỷ niệm 80 năm Ngày Quốc khánh (02/9/1945-02/9/2025).

			II- HÌNH THỨC TUYÊN TRUYỀN

			Tuyên truyền qua hệ thống phát thanh không dây của cơ sở.

			T/M BAN THƯỜNG VỤ
			PHÓ BÍ THƯ

			Lê Thị Thanh Bình
			""";

	/**
	 * An organisation below {@code default}, which owns the rows the endpoints address.
	 */
	private static final String CHILD = "ma-tran-xa";

	/** An organisation beside {@code default}. */
	private static final String SIBLING = "ma-tran-ben";

	/** Where an endpoint's path variables have no example: a 404 is a fine answer. */
	private static final String UNKNOWN = "ma-tran-khong-co";

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}]+)}");

	private static final Pattern CREATE_TABLE = Pattern
		.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?(\\w+)");

	private static final Path DATA = TestData.withCalendar("loa-security-matrix");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RadioQueue radio;

	@Autowired
	UnsubscribeTokens unsubscribeTokens;

	@Autowired
	ConfirmationTokens confirmationTokens;

	@Autowired
	ZoneId zone;

	private final Map<Caller, MockHttpSession> sessions = new EnumMap<>(Caller.class);

	/**
	 * The organisation axis: callers of an organisation below the one that owns every row
	 * the endpoints address ({@code default}), and of one beside it. A desk session per
	 * role and an API token each.
	 */
	private final Map<String, Map<Caller, MockHttpSession>> scopedSessions = new LinkedHashMap<>();

	private final Map<String, String> scopedTokens = new LinkedHashMap<>();

	/** What the rows the endpoints address show of themselves, never shown to another. */
	private final List<String> markers = new ArrayList<>();

	/**
	 * What an example URL names that belongs to {@code default}: such a URL is not found.
	 */
	private final List<String> addressed = new ArrayList<>();

	@Autowired
	Organisations organisations;

	@Autowired
	ApiTokens apiTokens;

	/** A concrete URL for each path pattern with variables or required parameters. */
	private final Map<String, String> examples = new HashMap<>();

	/** For the signed links: a URL with a well-formed token under a forged signature. */
	private final Map<String, String> forgeries = new HashMap<>();

	/** A CSRF cookie and field as a browser sends them back from a form. */
	private RequestPostProcessor csrf;

	private long oneClickSubscriber;

	private StateSnapshot.Probe probe;

	/** The state after the last exchange. */
	private StateSnapshot state;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestData.register(registry, DATA);
	}

	/**
	 * One of everything an endpoint may address: an item (on the feed, with a failed
	 * bulletin and a radio entry), subscribers, a plan draft, a stored plan, and a
	 * session per role.
	 */
	@BeforeAll
	void createWhatTheEndpointsAddress() throws Exception {
		this.csrf = DeskSessions.csrfOf(this.mvc.perform(get("/login")).andReturn());
		for (Role role : Role.values()) {
			this.sessions.put(Caller.valueOf(role.name()), DeskSessions.login(this.mvc, this.accounts,
					"ma-tran-" + role.name().toLowerCase(Locale.ROOT), role));
		}
		this.organisations.create(new NewOrganisation(CHILD, "Xã Ma Trận", "commune", Organisations.DEFAULT), "test");
		this.organisations.create(new NewOrganisation(SIBLING, "Tỉnh Ma Trận Bên", "province", null), "test");
		for (String organisation : List.of(CHILD, SIBLING)) {
			Map<Caller, MockHttpSession> byRole = new EnumMap<>(Caller.class);
			for (Role role : Role.values()) {
				byRole.put(Caller.valueOf(role.name()), DeskSessions.login(this.mvc, this.accounts,
						organisation + "-" + role.name().toLowerCase(Locale.ROOT), role, organisation));
			}
			this.scopedSessions.put(organisation, byRole);
			this.scopedTokens.put(organisation,
					this.apiTokens.issue("test", "Cổng " + organisation, organisation).secret());
		}
		api(post("/api/content").contentType("application/json").content("""
				{"id":"%s","title":"Thông báo kiểm tra quyền","body":"Kính gửi **bà con**.",
				 "outlets":["feed","email","radio"],"when":"2030-01-02 06:00","status":"draft"}
				""".formatted(ITEM)));
		long subscriber = subscriber("ban-doc@example.vn", "confirmed");
		long pending = subscriber("cho-xac-nhan@example.vn", "pending");
		this.oneClickSubscriber = subscriber("mot-cham@example.vn", "confirmed");
		String draft = id(api(multipart("/api/plans/imports").file(new MockMultipartFile("file", "ke-hoach.txt",
				"text/plain", PLAN_DOCUMENT.getBytes(StandardCharsets.UTF_8)))));
		// Another plan, confirmed: the one the removal endpoints address.
		String stored = id(api(multipart("/api/plans/imports").file(new MockMultipartFile("file", "ke-hoach-453.txt",
				"text/plain", PLAN_DOCUMENT.replace("452-KH/TU", "453-KH/TU").getBytes(StandardCharsets.UTF_8)))));
		MvcResult confirmed = this.mvc
			.perform(post("/api/plans/imports/" + stored + "/confirm").header(HttpHeaders.AUTHORIZATION,
					"Bearer " + TOKEN))
			.andReturn();
		assertThat(confirmed.getResponse().getStatus()).as(confirmed.getResponse().getContentAsString()).isEqualTo(200);
		Instant now = Instant.now();
		Instant published = now.minus(Duration.ofHours(1));
		this.jdbc.update(
				"INSERT INTO feed_entry (item_id, organisation, published_at, recorded_at) VALUES (?, 'default', ?, ?)",
				ITEM, Timestamp.from(published), Timestamp.from(published));
		this.jdbc.update(
				"INSERT INTO bulletin_delivery (item_id, subscriber_id, status, attempts, next_attempt_at, last_reply, "
						+ "created_at, updated_at) VALUES (?, ?, 'FAILED', 8, ?, '550 mailbox unavailable', ?, ?)",
				ITEM, subscriber, Timestamp.from(now), Timestamp.from(now), Timestamp.from(now));
		this.jdbc.update(
				"INSERT INTO radio_entry (station_id, item_id, slot_date, slot_time, slot_order, title, script, "
						+ "syllables, reading_seconds, status, queued_at, updated_at) "
						+ "VALUES ('default', ?, ?, ?, 1, 'Thông báo kiểm tra quyền', 'Kính thưa bà con.', 10, 60, "
						+ "'QUEUED', ?, ?)",
				ITEM, Date.valueOf(this.radio.today()), Time.valueOf(LocalTime.of(17, 0)), Timestamp.from(now),
				Timestamp.from(now));
		long radioEntry = this.jdbc.queryForObject("SELECT id FROM radio_entry WHERE item_id = ?", Long.class, ITEM);
		this.markers.addAll(List.of(ITEM, "Thông báo kiểm tra quyền", "ban-doc@example.vn", "cho-xac-nhan@example.vn",
				"mot-cham@example.vn"));
		this.addressed.addAll(List.of(ITEM, "/default", "station=default", PLAN, STORED_PLAN, draft, "/" + subscriber,
				"/" + pending, "/" + radioEntry + "/"));

		YearMonth month = YearMonth.from(published.atZone(this.zone));
		String today = this.radio.today().toString();
		example("/archive/{year}/{month}", "/archive/" + month.getYear() + "/" + month.getMonthValue());
		example("/p/{id}", "/p/" + ITEM);
		example("/calendar/plans/{*reference}", "/calendar/plans/" + PLAN + ".ics");
		example("/calendar/organisations/{id}.ics", "/calendar/organisations/default.ics");
		example("/o/{organisation}/feed.xml", "/o/default/feed.xml");
		example("/o/{organisation}", "/o/default");
		example("/o/{organisation}/", "/o/default/");
		example("/o/{id}/calendar.ics", "/o/default/calendar.ics");
		example("/o/{organisation}/feed.atom", "/o/default/feed.atom");
		example("/o/{organisation}/subscribe", "/o/default/subscribe");
		example("/o/{id}/archive/{year}/{month}", "/o/default/archive/2025/09");
		example("/desk/organisations/{id}", "/desk/organisations/default");
		example("/api/organisations/{id}", "/api/organisations/default");
		example("/desk/organisations/{id}/email", "/desk/organisations/default/email");
		example("/api/organisations/{id}/email", "/api/organisations/default/email");
		example("/radio", "/radio?station=default&date=" + today);
		example("/subscribe/confirm/{token}", "/subscribe/confirm/" + this.confirmationTokens.issue(pending));
		example("/unsubscribe/{token}", "/unsubscribe/" + this.unsubscribeTokens.issue(subscriber));
		example("/desk/calendar", "/desk/calendar?month=" + month);
		example("/desk/content/{id}/edit", "/desk/content/" + ITEM + "/edit");
		example("/desk/content/{id}/audio", "/desk/content/" + ITEM + "/audio");
		example("/desk/content/{id}", "/desk/content/" + ITEM);
		example("/desk/content/{id}/submit", "/desk/content/" + ITEM + "/submit");
		example("/desk/content/{id}/approve", "/desk/content/" + ITEM + "/approve");
		example("/desk/content/{id}/withdraw", "/desk/content/" + ITEM + "/withdraw");
		example("/desk/plans/{id}", "/desk/plans/" + PLAN);
		for (String action : new String[] { "", "/disable", "/enable", "/password" }) {
			example("/desk/accounts/{username}" + action, "/desk/accounts/ma-tran-editor" + action);
		}
		example("/desk/plans/import/{draftId}", "/desk/plans/import/" + draft);
		example("/desk/plans/import/{draftId}/confirm", "/desk/plans/import/" + draft + "/confirm");
		example("/desk/plans/{id}/remove", "/desk/plans/" + STORED_PLAN + "/remove");
		example("/desk/subscribers/{id}", "/desk/subscribers/" + subscriber);
		example("/desk/deliveries", "/desk/deliveries?item=" + ITEM);
		example("/desk/deliveries/resend", "/desk/deliveries/resend?item=" + ITEM);
		for (String action : new String[] { "approve", "refuse", "withdraw" }) {
			example("/desk/emergency/{id}/" + action, "/desk/emergency/khan-cap-ma-tran/" + action);
		}
		example("/desk/radio/print", "/desk/radio/print?station=default&date=" + today);
		example("/desk/radio/export", "/desk/radio/export?station=default&date=" + today);
		example("/desk/radio/entries/{id}/aired", "/desk/radio/entries/" + radioEntry + "/aired");
		example("/desk/radio/entries/{id}/audio", "/desk/radio/entries/" + radioEntry + "/audio");
		example("/desk/radio/entries/{id}/skipped", "/desk/radio/entries/" + radioEntry + "/skipped");
		example("/api/content/{id}", "/api/content/" + ITEM);
		example("/desk/stations/{id}", "/desk/stations/default");
		example("/api/radio/stations/{id}", "/api/radio/stations/default");
		example("/api/content/{id}/publication", "/api/content/" + ITEM + "/publication");
		example("/api/publications", "/api/publications?outcome=missed");
		example("/api/calendar/occurrences", "/api/calendar/occurrences?from=2026-01-01&to=2026-12-31");
		example("/api/calendar/upcoming", "/api/calendar/upcoming?days=90");
		example("/api/subscribers/{id}", "/api/subscribers/" + subscriber);
		example("/api/subscribers/{id}/confirm", "/api/subscribers/" + pending + "/confirm");
		example("/api/deliveries", "/api/deliveries?item=" + ITEM);
		example("/api/radio/entries", "/api/radio/entries?station=default&date=" + today);
		example("/api/radio/export", "/api/radio/export?station=default&date=" + today);
		example("/api/radio/entries/{id}/aired", "/api/radio/entries/" + radioEntry + "/aired");
		example("/api/radio/entries/{id}/skipped", "/api/radio/entries/" + radioEntry + "/skipped");
		example("/api/plans/imports/{id}", "/api/plans/imports/" + draft);
		example("/api/plans/imports/{id}/confirm", "/api/plans/imports/" + draft + "/confirm");
		example("/api/plans/stored/{id}", "/api/plans/stored/" + STORED_PLAN);
		example("/api/audit", "/api/audit?limit=10");
		String forgedSignature = "A".repeat(43);
		this.forgeries.put("/unsubscribe/{token}", "/unsubscribe/" + this.oneClickSubscriber + "." + forgedSignature);
		this.forgeries.put("/subscribe/confirm/{token}", "/subscribe/confirm/" + pending + "."
				+ Instant.now().plus(Duration.ofDays(1)).getEpochSecond() + "." + forgedSignature);

		// Nothing the set-up started may still be writing when the requests are compared.
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(new Quiet()::settled);
		this.state = snapshot();
	}

	@Test
	void everyMappedEndpointIsInTheAccessTable() {
		Set<String> mapped = new TreeSet<>(mapped().stream().map(Endpoint::key).toList());
		Set<String> missing = new TreeSet<>(mapped);
		missing.removeAll(EndpointAccess.TABLE.keySet());
		Set<String> stale = new TreeSet<>(EndpointAccess.TABLE.keySet());
		stale.addAll(EndpointAccess.CSRF_EXEMPT.keySet());
		stale.removeAll(mapped);
		assertThat(missing).withFailMessage(() -> missing.size() + " endpoint(s) mapped by a controller are missing "
				+ "from EndpointAccess.TABLE (src/test/java/vn/loa/web/EndpointAccess.java). Add each with the callers "
				+ "allowed to use it (EVERYONE, RADIO_DESK, DESK, APPROVERS, ADMINS, API, API_AND_ADMINS):\n"
				+ missing.stream().map((key) -> "\t\t\t\"" + key + "\", ???, //\n").collect(Collectors.joining()))
			.isEmpty();
		assertThat(stale)
			.withFailMessage(() -> "EndpointAccess lists endpoints no controller maps any more; "
					+ "remove them or correct the pattern:\n  " + String.join("\n  ", stale))
			.isEmpty();
	}

	@Test
	void snapshotsCoverEveryTableTheMigrationsCreate() throws IOException {
		Set<String> created = new TreeSet<>();
		PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
		for (Resource migration : Stream
			.of(resources.getResources("classpath*:db/migration/common/*.sql"),
					resources.getResources("classpath*:db/migration/h2/*.sql"))
			.flatMap(Stream::of)
			.toList()) {
			Matcher table = CREATE_TABLE.matcher(migration.getContentAsString(StandardCharsets.UTF_8));
			while (table.find()) {
				created.add(table.group(1).toUpperCase(Locale.ROOT));
			}
		}
		assertThat(created).contains("CONTENT_ITEM", "PUBLICATION", "SUBSCRIBER", "BULLETIN_DELIVERY", "FEED_ENTRY",
				"RADIO_ENTRY", "PLAN_IMPORT", "ACCOUNT", "AUDIT_ENTRY");
		StateSnapshot snapshot = snapshot();
		assertThat(snapshot.tables().keySet()).containsAll(created);
		assertThat(snapshot.files()).containsKey(Path.of("calendar", "plans", PLAN + ".yaml").toString());
	}

	/**
	 * Every caller the table does not allow, on every endpoint: desk writes carry a valid
	 * CSRF token, so it is the role that is refused.
	 */
	@TestFactory
	Stream<DynamicTest> callersTheTableDoesNotAllowAreRefusedBeforeAnyController() {
		return known().flatMap((endpoint) -> refusedCallers(endpoint)
			.map((caller) -> named(endpoint.key() + " as " + caller + " is refused", () -> {
				Exchange exchange = exchange(as(caller, endpoint.request(url(endpoint)), endpoint.writes()));
				assertRefused(endpoint, caller, exchange);
			})));
	}

	/**
	 * The organisation axis: every endpoint that is not public, called by a desk user or
	 * an API token of an organisation below or beside the one that owns the rows (with
	 * the strongest role the table allows), reads and changes nothing of them. Naming one
	 * of those rows by id (guessed, as in an IDOR attack) is {@code 403} or {@code 404};
	 * a write without a row of its own changes nothing; a list or page lets the caller in
	 * but shows none of them.
	 */
	@TestFactory
	Stream<DynamicTest> callersOfAnotherOrganisationNeitherSeeNorChangeItsRows() {
		return known().filter((endpoint) -> !allowed(endpoint).contains(Caller.ANONYMOUS))
			.flatMap((endpoint) -> Stream.of(CHILD, SIBLING).map((organisation) -> {
				Caller caller = strongest(endpoint);
				return named(endpoint.key() + " as " + caller + " of " + organisation + " reaches nothing of 'default'",
						() -> {
							String url = url(endpoint);
							MockHttpServletRequestBuilder request = endpoint.request(url);
							if (caller == Caller.API_TOKEN) {
								request.header(HttpHeaders.AUTHORIZATION,
										"Bearer " + this.scopedTokens.get(organisation));
							}
							else {
								request.session(this.scopedSessions.get(organisation).get(caller)).with(this.csrf);
							}
							Exchange exchange = exchange(request);
							assertThat(exchange.changes()).as("what %s changed", exchange.describe()).isEmpty();
							boolean namesARow = this.addressed.stream().anyMatch(url::contains);
							if (namesARow || endpoint.writes()) {
								assertThat(exchange.status()).as(exchange.describe()).isIn(400, 403, 404);
							}
							else if (exchange.status() < 400) {
								String body = exchange.result()
									.getResponse()
									.getContentAsString(StandardCharsets.UTF_8);
								assertThat(this.markers).as("what %s shows", exchange.describe())
									.noneMatch(body::contains);
							}
							else {
								assertThat(exchange.status()).as(exchange.describe()).isIn(403, 404);
							}
						});
			}));
	}

	/** The caller the table allows with the most power: the token for the API. */
	private static Caller strongest(Endpoint endpoint) {
		Set<Caller> allowed = allowed(endpoint);
		if (endpoint.api() && allowed.contains(Caller.API_TOKEN)) {
			return Caller.API_TOKEN;
		}
		for (Caller caller : List.of(Caller.ADMIN, Caller.APPROVER, Caller.EDITOR, Caller.ANNOUNCER,
				Caller.EMERGENCY)) {
			if (allowed.contains(caller)) {
				return caller;
			}
		}
		return Caller.API_TOKEN;
	}

	/** A trailing slash must not slip past a rule written for the path without one. */
	@TestFactory
	Stream<DynamicTest> aTrailingSlashDoesNotOpenAnEndpointToOtherCallers() {
		return known().filter((endpoint) -> !endpoint.pattern().equals("/"))
			.flatMap((endpoint) -> refusedCallers(endpoint)
				.map((caller) -> named(endpoint.key() + "/ as " + caller + " is refused or not found", () -> {
					String url = url(endpoint).replaceFirst("^([^?]*)", "$1/");
					Exchange exchange = exchange(as(caller, endpoint.request(url), endpoint.writes()));
					if (exchange.status() != 404) {
						assertRefused(endpoint, caller, exchange);
					}
					assertThat(exchange.changes()).as("what %s changed", url).isEmpty();
				})));
	}

	/**
	 * Every write a browser can make (the pages' forms, and any API write a desk session
	 * may make) needs the CSRF token, even from an allowed caller; the API's bearer token
	 * is never sent by a browser on its own, so it needs none.
	 */
	@TestFactory
	Stream<DynamicTest> writesFromABrowserWithoutTheCsrfTokenAreForbiddenEvenForAllowedCallers() {
		return known()
			.filter((endpoint) -> endpoint.writes() && !EndpointAccess.CSRF_EXEMPT.containsKey(endpoint.key()))
			.flatMap((endpoint) -> allowedCallers(endpoint)
				.filter((caller) -> !endpoint.api() || this.sessions.containsKey(caller))
				.map((caller) -> named(endpoint.key() + " as " + caller + " without the CSRF token is forbidden",
						() -> {
							Exchange exchange = exchange(as(caller, endpoint.request(url(endpoint)), false));
							assertThat(exchange.status()).as(exchange.describe()).isEqualTo(403);
							assertNoControllerRanAndNothingChanged(exchange);
						})));
	}

	@TestFactory
	Stream<DynamicTest> apiWithoutTheTokenOrWithAWrongOneIsUnauthorized() {
		return known().filter((endpoint) -> endpoint.api() && !allowed(endpoint).contains(Caller.ANONYMOUS))
			.flatMap((endpoint) -> Stream
				.of("", "Bearer not-the-token", "Basic bWEtdHJhbjpzYWk=", "Bearer " + TOKEN + "x")
				.map((authorization) -> named(endpoint.key() + " with "
						+ (authorization.isEmpty() ? "no Authorization header" : "Authorization: " + authorization)
						+ " is 401", () -> {
							MockHttpServletRequestBuilder request = endpoint.request(url(endpoint));
							if (!authorization.isEmpty()) {
								request.header(HttpHeaders.AUTHORIZATION, authorization);
							}
							Exchange exchange = exchange(request);
							assertThat(exchange.status()).as(exchange.describe()).isEqualTo(401);
							assertThat(exchange.result().getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
								.startsWith("Bearer");
							assertNoControllerRanAndNothingChanged(exchange);
						})));
	}

	/**
	 * Every GET, as every caller allowed to use it, is let through and changes nothing; a
	 * GET no one has put in the table yet is run as an administrator and anonymously.
	 */
	@TestFactory
	Stream<DynamicTest> getNeverChangesTheDatabaseOrAFile() {
		return mapped().stream()
			.filter(Endpoint::reads)
			.flatMap((endpoint) -> (EndpointAccess.TABLE.containsKey(endpoint.key()) ? allowedCallers(endpoint)
					: Stream.of(Caller.ADMIN, Caller.ANONYMOUS))
				.map((caller) -> named("GET " + endpoint.pattern() + " as " + caller + " changes nothing", () -> {
					String url = url(endpoint);
					Exchange exchange = exchange(as(caller, get(URI.create(url)), false));
					assertThat(exchange.changes()).as("what GET %s as %s changed", url, caller).isEmpty();
					if (EndpointAccess.TABLE.containsKey(endpoint.key())) {
						assertLetThrough(endpoint, exchange);
					}
				})));
	}

	/**
	 * The signed links take a POST without a CSRF token (a mail client's RFC 8058
	 * one-click unsubscribe has none); a forged signature reaches the controller and
	 * changes nothing.
	 */
	@TestFactory
	Stream<DynamicTest> csrfExemptWritesWithAForgedTokenChangeNothing() {
		return mapped().stream()
			.filter((endpoint) -> endpoint.writes() && EndpointAccess.CSRF_EXEMPT.containsKey(endpoint.key()))
			.map((endpoint) -> named(endpoint.key() + " (" + EndpointAccess.CSRF_EXEMPT.get(endpoint.key())
					+ ") with a forged token changes nothing", () -> {
						String url = this.forgeries.getOrDefault(endpoint.pattern(), fill(endpoint.pattern()));
						Exchange exchange = exchange(endpoint.request(url));
						assertThat(exchange.result().getHandler()).as("the controller, not the CSRF filter, answers")
							.isNotNull();
						assertThat(exchange.status()).as(exchange.describe())
							.isNotEqualTo(403)
							.isGreaterThanOrEqualTo(400);
						assertThat(exchange.changes()).as("what %s changed", url).isEmpty();
					}));
	}

	@Test
	void oneClickUnsubscribeNeedsNoCsrfTokenButAValidSignature() throws Exception {
		String valid = this.unsubscribeTokens.issue(this.oneClickSubscriber);
		// The signature's first character: its six bits all count (the last one's do
		// not).
		int signature = valid.indexOf('.') + 1;
		String tampered = valid.substring(0, signature) + ((valid.charAt(signature) == 'A') ? 'B' : 'A')
				+ valid.substring(signature + 1);
		for (String forged : List.of(tampered, this.unsubscribeTokens.issue(this.oneClickSubscriber + 1000),
				"khong-phai-ma")) {
			Exchange refused = exchange(oneClick(forged));
			assertThat(refused.status()).as(refused.describe()).isEqualTo(400);
			assertThat(refused.changes()).as("what a forged one-click changed").isEmpty();
		}
		assertThat(statusOf(this.oneClickSubscriber)).isEqualTo("CONFIRMED");

		Exchange done = exchange(oneClick(valid));
		assertThat(done.status()).as(done.describe()).isEqualTo(200);
		assertThat(statusOf(this.oneClickSubscriber)).isEqualTo("UNSUBSCRIBED");
		assertThat(done.changes()).anyMatch((change) -> change.startsWith("table SUBSCRIBER:"));
	}

	/**
	 * A dynamic test whose failure names it: the build's report numbers dynamic tests
	 * rather than naming them.
	 */
	private static DynamicTest named(String name, Executable check) {
		return DynamicTest.dynamicTest(name, () -> {
			try {
				check.execute();
			}
			catch (AssertionError ex) {
				throw new AssertionFailedError(name + ": " + ex.getMessage(), ex);
			}
		});
	}

	/** The RFC 8058 request a mail client sends: no cookie, no session, no CSRF token. */
	private static MockHttpServletRequestBuilder oneClick(String token) {
		return post("/unsubscribe/" + token).contentType("application/x-www-form-urlencoded")
			.content("List-Unsubscribe=One-Click");
	}

	private void assertRefused(Endpoint endpoint, Caller caller, Exchange exchange) {
		if (endpoint.api()) {
			assertThat(exchange.status()).as(exchange.describe()).isEqualTo((caller == Caller.ANONYMOUS) ? 401 : 403);
		}
		else if (caller == Caller.ANONYMOUS || caller == Caller.API_TOKEN) {
			// The pages' chain knows no bearer token: such a caller is anonymous there.
			assertThat(exchange.status()).as(exchange.describe()).isEqualTo(302);
			assertThat(exchange.result().getResponse().getRedirectedUrl()).as(exchange.describe()).endsWith("/login");
		}
		else {
			assertThat(exchange.status()).as(exchange.describe()).isEqualTo(403);
		}
		assertNoControllerRanAndNothingChanged(exchange);
	}

	/**
	 * The feeds and iCalendar feeds, which {@code FeedFastPath} answers before the
	 * security chain and MVC.
	 */
	private static final Set<String> FAST_PATH = Set.of("/feed.xml", "/feed.atom", "/o/{organisation}/feed.xml",
			"/o/{organisation}/feed.atom", "/calendar.ics", "/calendar/organisations/{id}.ics",
			"/calendar/plans/{*reference}", "/o/{id}/calendar.ics");

	private static void assertLetThrough(Endpoint endpoint, Exchange exchange) {
		assertThat(exchange.status()).as(exchange.describe()).isNotIn(401, 403);
		String redirect = exchange.result().getResponse().getRedirectedUrl();
		assertThat(redirect == null || !redirect.endsWith("/login")).as(exchange.describe()).isTrue();
		if (FAST_PATH.contains(endpoint.pattern())) {
			// FeedFastPath answers these before the chain, from the cached feed.
			assertThat(exchange.status()).as(exchange.describe()).isEqualTo(200);
			assertThat(exchange.result().getResponse().getContentType()).as(exchange.describe())
				.matches("(application/(rss|atom)\\+xml|text/calendar);charset=UTF-8");
		}
		else {
			assertThat(exchange.result().getHandler()).as("the controller answers: " + exchange.describe()).isNotNull();
		}
		// Opened directly, with no error to show, the error page reports a 500.
		if (!endpoint.pattern().equals("/error")) {
			assertThat(exchange.status()).as(exchange.describe()).isLessThan(500);
		}
	}

	private static void assertNoControllerRanAndNothingChanged(Exchange exchange) {
		assertThat(exchange.result().getHandler())
			.as("the security chain answers, no controller: " + exchange.describe())
			.isNull();
		assertThat(exchange.changes()).as("what a refused request changed: " + exchange.describe()).isEmpty();
	}

	/** The request as {@code caller} makes it, with a CSRF token if asked for. */
	private MockHttpServletRequestBuilder as(Caller caller, MockHttpServletRequestBuilder request, boolean withCsrf) {
		switch (caller) {
			case ANONYMOUS -> {
			}
			case API_TOKEN -> request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN);
			default -> request.session(this.sessions.get(caller));
		}
		return withCsrf ? request.with(this.csrf) : request;
	}

	/**
	 * Performs the request and compares the state after it with the state after the
	 * previous one: the requests of this class change nothing, except the one-click
	 * unsubscribe, which is itself an exchange, so one snapshot per request is enough.
	 */
	private Exchange exchange(MockHttpServletRequestBuilder request) throws Exception {
		StateSnapshot before = this.state;
		MvcResult result = this.mvc.perform(request).andReturn();
		this.state = snapshot();
		return new Exchange(result, before.changesTo(this.state));
	}

	private StateSnapshot snapshot() {
		if (this.probe == null) {
			this.probe = new StateSnapshot.Probe(this.jdbc, DATA);
		}
		return this.probe.take();
	}

	/** The endpoints of every {@code @RequestMapping} method, one per method and path. */
	private List<Endpoint> mapped() {
		Set<Endpoint> endpoints = new java.util.TreeSet<>(java.util.Comparator.comparing(Endpoint::key));
		for (RequestMappingHandlerMapping mapping : this.context.getBeansOfType(RequestMappingHandlerMapping.class)
			.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (String pattern : info.getPatternValues()) {
					if (methods.isEmpty()) {
						endpoints.add(new Endpoint("*", pattern));
					}
					methods.forEach((method) -> endpoints.add(new Endpoint(method.name(), pattern)));
				}
			}
		}
		return new ArrayList<>(endpoints);
	}

	private Stream<Endpoint> known() {
		return mapped().stream().filter((endpoint) -> EndpointAccess.TABLE.containsKey(endpoint.key()));
	}

	private static Set<Caller> allowed(Endpoint endpoint) {
		return EndpointAccess.TABLE.get(endpoint.key());
	}

	private static Stream<Caller> allowedCallers(Endpoint endpoint) {
		return Stream.of(Caller.values()).filter(allowed(endpoint)::contains);
	}

	private static Stream<Caller> refusedCallers(Endpoint endpoint) {
		return Stream.of(Caller.values()).filter((caller) -> !allowed(endpoint).contains(caller));
	}

	private String url(Endpoint endpoint) {
		return this.examples.getOrDefault(endpoint.pattern(), fill(endpoint.pattern()));
	}

	/** The pattern with each variable set to an id nothing has, for a 404. */
	private static String fill(String pattern) {
		return VARIABLE.matcher(pattern).replaceAll(UNKNOWN);
	}

	private void example(String pattern, String url) {
		this.examples.put(pattern, url);
	}

	private MvcResult api(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		MvcResult result = this.mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
		return result;
	}

	private long subscriber(String email, String status) throws Exception {
		return Long.parseLong(id(api(post("/api/subscribers").contentType("application/json")
			.content("{\"email\":\"%s\",\"name\":\"Bạn Đọc\",\"status\":\"%s\"}".formatted(email, status)))));
	}

	private static String id(MvcResult created) {
		String location = created.getResponse().getHeader(HttpHeaders.LOCATION);
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private String statusOf(long subscriber) {
		return this.jdbc.queryForObject("SELECT status FROM subscriber WHERE id = ?", String.class, subscriber);
	}

	/**
	 * One method on one path pattern, as mapped; {@code *} when the mapping names no
	 * method.
	 */
	record Endpoint(String method, String pattern) {

		String key() {
			return this.method + " " + this.pattern;
		}

		boolean api() {
			return this.pattern.equals("/api") || this.pattern.startsWith("/api/");
		}

		boolean reads() {
			return this.method.equals("GET") || this.method.equals("*");
		}

		boolean writes() {
			return !this.method.equals("GET") && !this.method.equals("HEAD") && !this.method.equals("OPTIONS");
		}

		/** A request to {@code url}; a mapping for any method is tried with a POST. */
		MockHttpServletRequestBuilder request(String url) {
			return MockMvcRequestBuilders.request(HttpMethod.valueOf(this.method.equals("*") ? "POST" : this.method),
					URI.create(url));
		}

	}

	/** A request's result and what it changed. */
	record Exchange(MvcResult result, List<String> changes) {

		int status() {
			return this.result.getResponse().getStatus();
		}

		String describe() {
			MockHttpServletResponse response = this.result.getResponse();
			return this.result.getRequest().getMethod() + " " + this.result.getRequest().getRequestURI() + " answered "
					+ response.getStatus()
					+ ((response.getRedirectedUrl() != null) ? " -> " + response.getRedirectedUrl() : "")
					+ ((this.result.getHandler() != null) ? " from " + this.result.getHandler() : "");
		}

	}

	/** Settled when two snapshots in a row are the same. */
	private final class Quiet {

		private StateSnapshot last = snapshot();

		boolean settled() {
			StateSnapshot now = snapshot();
			boolean same = now.equals(this.last);
			this.last = now;
			return same;
		}

	}

}
