package vn.loa.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.loa.accounts.Account;
import vn.loa.accounts.Accounts;
import vn.loa.accounts.ApiTokens;
import vn.loa.accounts.InvalidAccountException;
import vn.loa.accounts.Role;
import vn.loa.calendar.Occurrence;
import vn.loa.content.Preparation;
import vn.loa.organisations.NewOrganisation;
import vn.loa.organisations.Organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Accounts and API tokens held in an organisation, as the people of a province and its
 * communes use them: a province's editor prepares content for its communes; a commune's
 * editor sees and changes only their commune's content, subscribers, stations and plans,
 * and reads the plans of the province above; a commune's API token is the same; an
 * administrator of one organisation manages the accounts and tokens within it and nothing
 * of the installation.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:organisation-access;DB_CLOSE_DELAY=-1",
		"spring.quartz.auto-startup=false", "loa.scheduling.enabled=false",
		"loa.api.token=" + OrganisationAccessIntegrationTests.TOKEN, "loa.secret=organisation-access-secret" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationAccessIntegrationTests {

	static final String TOKEN = "organisation-access-token";

	private static final Path DATA = TestData.withCalendar("loa-organisation-access");

	private static final String PLAN = """
			ĐẢNG BỘ TỈNH QUYỀN ĐẢNG CỘNG SẢN VIỆT NAM
			BAN TUYÊN GIÁO TỈNH ỦY
			*
			Số %s-KH/BTGTU Quyền, ngày 15 tháng 7 năm 2025

			KẾ HOẠCH
			tuyên truyền kỷ niệm 80 năm Ngày Quốc khánh

			I- NỘI DUNG TUYÊN TRUYỀN

			Tuyên truyền kỷ niệm 80 năm Ngày Quốc khánh (02/9/1945-02/9/2025).

			T/M BAN TUYÊN GIÁO
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Organisations organisations;

	@Autowired
	Preparation preparation;

	@Autowired
	ZoneId zone;

	private RequestPostProcessor csrf;

	private MockHttpSession provinceEditor;

	private MockHttpSession communeEditor;

	private MockHttpSession communeAdmin;

	private String communeToken;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestData.register(registry, DATA);
	}

	@BeforeAll
	void aProvinceWithTwoCommunesAndAnother() throws Exception {
		organisation("tinh-quyen", "Tỉnh Quyền", "province", null);
		organisation("tinh-quyen-an", "Xã An", "commune", "tinh-quyen");
		organisation("tinh-quyen-binh", "Xã Bình", "commune", "tinh-quyen");
		organisation("tinh-ke", "Tỉnh Kế", "province", null);
		organisation("tinh-ke-dong", "Xã Đông", "commune", "tinh-ke");
		this.csrf = DeskSessions.csrfOf(this.mvc.perform(get("/login")).andReturn());
		this.provinceEditor = DeskSessions.login(this.mvc, this.accounts, "bien-tap-tinh", Role.EDITOR, "tinh-quyen");
		this.communeEditor = DeskSessions.login(this.mvc, this.accounts, "bien-tap-xa-an", Role.EDITOR,
				"tinh-quyen-an");
		this.communeAdmin = DeskSessions.login(this.mvc, this.accounts, "quan-tri-xa-an", Role.ADMIN, "tinh-quyen-an");
		this.communeToken = this.tokens.issue("test", "Cổng thông tin xã An", "tinh-quyen-an").secret();
	}

	@Test
	void aProvinceEditorPreparesForItsCommunesAndACommuneEditorSeesOnlyTheirOwn() throws Exception {
		// The province's editor writes one item for each commune, and one of its own.
		for (String[] item : new String[][] { { "quyen-an-hop", "tinh-quyen-an" },
				{ "quyen-binh-hop", "tinh-quyen-binh" }, { "quyen-tinh-hop", "tinh-quyen" } }) {
			MvcResult saved = this.mvc
				.perform(desk(post("/desk/content"), this.provinceEditor).param("id", item[0])
					.param("title", "Họp dân " + item[0])
					.param("body", "Kính mời bà con.")
					.param("outlets", "feed")
					.param("when", "2030-03-0" + (item[0].length() % 9 + 1) + " 07:00")
					.param("organisation", item[1])
					.param("audience", "own"))
				.andReturn();
			assertThat(saved.getResponse().getRedirectedUrl()).as(saved.getResponse().getContentAsString())
				.isEqualTo("/desk/content/" + item[0] + "/edit");
		}
		// Not for a commune of another province.
		MvcResult elsewhere = this.mvc
			.perform(desk(post("/desk/content"), this.provinceEditor).param("id", "quyen-dong")
				.param("title", "Họp dân")
				.param("body", "Kính mời bà con.")
				.param("outlets", "feed")
				.param("when", "2030-03-01 07:00")
				.param("organisation", "tinh-ke-dong")
				.param("audience", "own"))
			.andReturn();
		assertThat(elsewhere.getResponse().getStatus()).isEqualTo(403);

		// Xã An's editor: their commune's item only, in the list and by id.
		String list = page(get("/desk/content"), this.communeEditor);
		assertThat(list).contains("quyen-an-hop").doesNotContain("quyen-binh-hop").doesNotContain("quyen-tinh-hop");
		assertThat(status(get("/desk/content/quyen-an-hop/edit"), this.communeEditor)).isEqualTo(200);
		assertThat(status(get("/desk/content/quyen-binh-hop/edit"), this.communeEditor)).isEqualTo(404);
		assertThat(status(get("/desk/content/quyen-tinh-hop/edit"), this.communeEditor)).isEqualTo(404);
		MvcResult overwrite = this.mvc
			.perform(desk(post("/desk/content/quyen-binh-hop"), this.communeEditor).param("title", "Đã sửa")
				.param("body", "Sửa trộm.")
				.param("outlets", "feed")
				.param("when", "2030-03-01 07:00"))
			.andReturn();
		assertThat(overwrite.getResponse().getStatus()).isEqualTo(404);
		assertThat(status(post("/desk/content/quyen-binh-hop/withdraw"), this.communeEditor)).isEqualTo(404);
		// A new item without an organisation is the commune's own.
		MvcResult own = this.mvc
			.perform(desk(post("/desk/content"), this.communeEditor).param("id", "quyen-an-loa")
				.param("title", "Loa xã An")
				.param("body", "Kính mời bà con.")
				.param("outlets", "feed")
				.param("when", "2030-03-02 07:00"))
			.andReturn();
		assertThat(own.getResponse().getRedirectedUrl()).as(own.getResponse().getContentAsString())
			.isEqualTo("/desk/content/quyen-an-loa/edit");
		assertThat(page(get("/desk/content"), this.provinceEditor)).contains("quyen-an-loa").contains("quyen-binh-hop");
	}

	@Test
	void aCommuneTokenReadsAndWritesItsCommuneAlone() throws Exception {
		assertThat(api(post("/api/content").contentType("application/json").content("""
				{"id": "token-binh", "organisation": "tinh-quyen-binh", "title": "Thông báo",
				 "body": "Kính gửi.", "outlets": ["feed"], "when": "2030-04-01 07:00"}"""), TOKEN).getResponse()
			.getStatus()).isEqualTo(201);
		MvcResult own = api(post("/api/content").contentType("application/json").content("""
				{"id": "token-an", "title": "Thông báo", "body": "Kính gửi.", "outlets": ["feed"],
				 "when": "2030-04-01 07:00"}"""), this.communeToken);
		assertThat(own.getResponse().getStatus()).isEqualTo(201);
		assertThat(own.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("\"organisation\":\"tinh-quyen-an\"");
		assertThat(api(get("/api/content/token-binh"), this.communeToken).getResponse().getStatus()).isEqualTo(404);
		assertThat(api(put("/api/content/token-binh").contentType("application/json").content("""
				{"title": "Sửa", "body": "Sửa.", "outlets": ["feed"], "when": "2030-04-01 07:00"}"""),
				this.communeToken)
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(api(post("/api/content").contentType("application/json").content("""
				{"id": "token-binh-2", "organisation": "tinh-quyen-binh", "title": "Thông báo",
				 "body": "Kính gửi.", "outlets": ["feed"], "when": "2030-04-01 07:00"}"""), this.communeToken)
			.getResponse()
			.getStatus()).isEqualTo(403);
		// Taking over another organisation's id is refused too.
		assertThat(api(post("/api/content").contentType("application/json").content("""
				{"id": "token-binh", "title": "Thông báo", "body": "Kính gửi.", "outlets": ["feed"],
				 "when": "2030-04-01 07:00"}"""), this.communeToken).getResponse().getStatus()).isEqualTo(403);
		assertThat(api(get("/api/content?status=scheduled"), this.communeToken).getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("token-an").doesNotContain("token-binh");

		// Subscribers: its own only.
		assertThat(api(post("/api/subscribers").contentType("application/json").content("""
				{"email": "binh@example.vn", "organisation": "tinh-quyen-binh", "status": "confirmed"}"""),
				this.communeToken)
			.getResponse()
			.getStatus()).isEqualTo(403);
		MvcResult binh = api(post("/api/subscribers").contentType("application/json").content("""
				{"email": "binh@example.vn", "organisation": "tinh-quyen-binh", "status": "confirmed"}"""), TOKEN);
		String binhId = binh.getResponse().getHeader(HttpHeaders.LOCATION).replaceAll(".*/", "");
		assertThat(api(get("/api/subscribers/" + binhId), this.communeToken).getResponse().getStatus()).isEqualTo(404);
		assertThat(api(post("/api/subscribers/" + binhId + "/confirm"), this.communeToken).getResponse().getStatus())
			.isEqualTo(404);
		assertThat(api(get("/api/subscribers"), this.communeToken).getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("binh@example.vn");
		// The audit log and the installation's health are not one commune's to read.
		assertThat(api(get("/api/audit"), this.communeToken).getResponse().getStatus()).isEqualTo(403);

		// A revoked token stops at once.
		ApiTokens.Issued spare = this.tokens.issue("test", "Thử", "tinh-quyen-an");
		assertThat(api(get("/api/content"), spare.secret()).getResponse().getStatus()).isEqualTo(200);
		this.tokens.revoke("test", spare.token().id());
		assertThat(api(get("/api/content"), spare.secret()).getResponse().getStatus()).isEqualTo(401);
	}

	@Test
	void aCommuneReadsItsProvincesPlansButNotAnotherProvincesAndRemovesNeither() throws Exception {
		String provinceToken = this.tokens.issue("test", "Tỉnh Quyền", "tinh-quyen").secret();
		String otherToken = this.tokens.issue("test", "Tỉnh Kế", "tinh-ke").secret();
		String province = confirmedPlan("101", provinceToken);
		String other = confirmedPlan("202", otherToken);
		String plans = page(get("/desk/plans"), this.communeEditor);
		assertThat(plans).contains("101-KH/BTGTU").doesNotContain("202-KH/BTGTU");
		assertThat(status(get("/desk/plans/" + province), this.communeEditor)).isEqualTo(200);
		assertThat(status(get("/desk/plans/" + other), this.communeEditor)).isEqualTo(404);
		assertThat(status(get("/desk/plans/" + province + "/remove"), this.communeEditor)).isEqualTo(404);
		assertThat(api(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.delete("/api/plans/stored/" + province), this.communeToken).getResponse().getStatus()).isEqualTo(404);
		assertThat(status(get("/desk/plans/" + province + "/remove"), this.provinceEditor)).isEqualTo(200);
	}

	@Test
	void aCommuneAdministratorManagesItsOwnAccountsAndNothingOfTheInstallation() throws Exception {
		MvcResult created = this.mvc
			.perform(desk(post("/desk/accounts"), this.communeAdmin).param("username", "doc-loa-an")
				.param("displayName", "Phát thanh viên xã An")
				.param("password", DeskSessions.PASSWORD)
				.param("roles", "ANNOUNCER"))
			.andReturn();
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/desk/accounts");
		assertThat(this.accounts.find("doc-loa-an")).map(Account::organisation).contains("tinh-quyen-an");
		MvcResult sideways = this.mvc
			.perform(desk(post("/desk/accounts"), this.communeAdmin).param("username", "doc-loa-binh")
				.param("password", DeskSessions.PASSWORD)
				.param("roles", "ANNOUNCER")
				.param("organisation", "tinh-quyen-binh"))
			.andReturn();
		assertThat(sideways.getResponse().getStatus()).isEqualTo(403);
		assertThat(this.accounts.find("doc-loa-binh")).isEmpty();

		String listed = page(get("/desk/accounts"), this.communeAdmin);
		assertThat(listed).contains("doc-loa-an").doesNotContain("bien-tap-tinh");
		assertThat(status(get("/desk/accounts/bien-tap-tinh"), this.communeAdmin)).isEqualTo(404);
		assertThat(status(post("/desk/accounts/bien-tap-tinh/disable"), this.communeAdmin)).isEqualTo(404);
		assertThat(status(get("/desk/audit"), this.communeAdmin)).isEqualTo(403);

		// Its own organisation it may rename, not disable or move; another not at all.
		assertThat(status(get("/desk/organisations/tinh-quyen-an"), this.communeAdmin)).isEqualTo(200);
		assertThat(status(get("/desk/organisations/tinh-quyen-binh"), this.communeAdmin)).isEqualTo(404);
		long version = this.organisations.find("tinh-quyen-an").orElseThrow().version();
		MvcResult disabled = this.mvc
			.perform(desk(post("/desk/organisations/tinh-quyen-an"), this.communeAdmin).param("name", "Xã An")
				.param("kind", "commune")
				.param("parent", "tinh-quyen")
				.param("version", Long.toString(version)))
			.andReturn();
		assertThat(disabled.getResponse().getStatus()).isEqualTo(403);
		assertThat(this.organisations.find("tinh-quyen-an").orElseThrow().enabled()).isTrue();
		MvcResult renamed = this.mvc
			.perform(desk(post("/desk/organisations/tinh-quyen-an"), this.communeAdmin).param("name", "Xã An Phú")
				.param("kind", "commune")
				.param("parent", "tinh-quyen")
				.param("enabled", "on")
				.param("version", Long.toString(version)))
			.andReturn();
		assertThat(renamed.getResponse().getRedirectedUrl()).isEqualTo("/desk/organisations/tinh-quyen-an?done=saved");

		// Its tokens: issued for its own organisation, listed without anyone else's.
		MvcResult issued = this.mvc.perform(desk(post("/desk/tokens"), this.communeAdmin).param("name", "Cổng xã"))
			.andReturn();
		String secret = issued.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)
			.replaceAll("(?s).*<code class=\"secret\">(loa_[0-9a-f]+)</code>.*", "$1");
		assertThat(secret).startsWith("loa_");
		assertThat(api(get("/api/organisations/tinh-quyen-an"), secret).getResponse().getStatus()).isEqualTo(200);
		assertThat(api(get("/api/organisations/tinh-quyen"), secret).getResponse().getStatus()).isEqualTo(404);
		assertThat(page(get("/desk/tokens"), this.communeAdmin)).contains("Cổng xã").doesNotContain("Tỉnh Kế");
	}

	@Test
	void theLastAdministratorOfTheWholeInstallationIsNotNarrowedToOneOrganisation() {
		this.accounts.create("test", "quan-tri-chung", "Quản trị", DeskSessions.PASSWORD, java.util.Set.of(Role.ADMIN));
		this.accounts.list()
			.stream()
			.filter((account) -> account.has(Role.ADMIN) && account.organisation() == null
					&& !account.username().equals("quan-tri-chung"))
			.forEach((account) -> this.accounts.disable("test", account.username()));
		assertThatExceptionOfType(InvalidAccountException.class)
			.isThrownBy(() -> this.accounts.update("test", "quan-tri-chung", "Quản trị", java.util.Set.of(Role.ADMIN),
					"tinh-quyen"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("organisation"));
	}

	private String confirmedPlan(String number, String token) throws Exception {
		MvcResult uploaded = api(multipart("/api/plans/imports").file(new MockMultipartFile("file", "ke-hoach.txt",
				"text/plain", PLAN.formatted(number).getBytes(StandardCharsets.UTF_8))), token);
		assertThat(uploaded.getResponse().getStatus()).as(uploaded.getResponse().getContentAsString()).isEqualTo(201);
		String draft = uploaded.getResponse().getHeader(HttpHeaders.LOCATION).replaceAll(".*/", "");
		MvcResult confirmed = api(post("/api/plans/imports/" + draft + "/confirm"), token);
		assertThat(confirmed.getResponse().getStatus()).as(confirmed.getResponse().getContentAsString()).isEqualTo(200);
		return confirmed.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)
			.replaceAll("(?s).*\"planId\":\"([^\"]+)\".*", "$1");
	}

	@Test
	void aCommunesDashboardShowsWhatItsProvinceSendsItAndCountsItAsPrepared() throws Exception {
		MockHttpSession elsewhere = DeskSessions.login(this.mvc, this.accounts, "bien-tap-xa-dong", Role.EDITOR,
				"tinh-ke-dong");
		LocalDate today = LocalDate.now(this.zone);
		List<Preparation.Unprepared> unprepared = this.preparation.unprepared(today, DeskController.UNPREPARED_DAYS);
		assertThat(unprepared).as("an anniversary within %d days of %s", DeskController.UNPREPARED_DAYS, today)
			.isNotEmpty();
		Occurrence next = unprepared.get(0).occurrence();
		String anniversary = next.title(Locale.forLanguageTag("vi"));
		assertThat(section(page(get("/desk"), this.communeEditor), "unprepared")).contains(anniversary);

		// The province prepares it, and a notice for tomorrow, for all its communes.
		for (String[] item : new String[][] {
				{ "quyen-chuan-bi", "Chuẩn bị kỷ niệm",
						"anniversary " + next.anniversary().id() + " " + next.year() + ", 06:00" },
				{ "quyen-ngay-mai", "Thông báo ngày mai", today.plusDays(1) + " 07:00" } }) {
			MvcResult saved = this.mvc
				.perform(desk(post("/desk/content"), this.provinceEditor).param("id", item[0])
					.param("title", item[1])
					.param("body", "Kính gửi các xã.")
					.param("outlets", "feed")
					.param("when", item[2])
					.param("organisation", "tinh-quyen")
					.param("audience", "all"))
				.andReturn();
			assertThat(saved.getResponse().getRedirectedUrl()).as(saved.getResponse().getContentAsString())
				.isEqualTo("/desk/content/" + item[0] + "/edit");
		}

		// Xã An sees the notice as its province's (not to edit), and the anniversary as
		// prepared; Xã Đông of another province sees neither.
		String an = page(get("/desk"), this.communeEditor);
		assertThat(section(an, "coming")).contains("Thông báo ngày mai")
			.contains("(do Tỉnh Quyền gửi xuống)")
			.doesNotContain("/desk/content/quyen-ngay-mai/edit");
		assertThat(section(an, "unprepared")).doesNotContain(anniversary);
		String dong = page(get("/desk"), elsewhere);
		assertThat(section(dong, "coming")).doesNotContain("Thông báo ngày mai");
		assertThat(section(dong, "unprepared")).contains(anniversary);
		// The province's editor edits it from the dashboard.
		assertThat(section(page(get("/desk"), this.provinceEditor), "coming"))
			.contains("/desk/content/quyen-ngay-mai/edit");
	}

	/** The dashboard's section headed by {@code id}. */
	private static String section(String html, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as("section %s", id).isNotNegative();
		return html.substring(start, html.indexOf("</section>", start));
	}

	private void organisation(String id, String name, String kind, String parent) {
		this.organisations.create(new NewOrganisation(id, name, kind, parent), "test");
	}

	private MockHttpServletRequestBuilder desk(MockHttpServletRequestBuilder request, MockHttpSession session) {
		return request.session(session).with(this.csrf);
	}

	private String page(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
		MvcResult result = this.mvc.perform(desk(request, session)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private int status(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
		return this.mvc.perform(desk(request, session)).andReturn().getResponse().getStatus();
	}

	private MvcResult api(AbstractMockHttpServletRequestBuilder<?> request, String token) throws Exception {
		return this.mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
	}

}
