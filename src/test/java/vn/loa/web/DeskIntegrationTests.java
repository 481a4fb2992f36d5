package vn.loa.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.loa.accounts.Accounts;
import vn.loa.accounts.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The editors' desk over MockMvc: form login with its CSRF token and rate limit, the role
 * rules, the dashboard, and the audit log of API changes.
 */
@DeskTest
class DeskIntegrationTests {

	private static final String PASSWORD = "mật-khẩu-đủ-dài-1";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MovableClock clock;

	/**
	 * The language a person chooses at the desk is kept with their account: on another
	 * browser (no cookie), logging in brings it back.
	 */
	@Test
	void theLanguageChosenAtTheDeskFollowsThePersonToAnotherBrowser() throws Exception {
		MockHttpSession first = DeskSessions.login(this.mvc, this.accounts, "bt-ngon-ngu-tai-khoan", Role.EDITOR);
		assertThat(this.accounts.language("bt-ngon-ngu-tai-khoan")).isEmpty();
		this.mvc.perform(get("/desk").param("lang", "en").session(first)).andExpect(status().isOk());
		assertThat(this.accounts.language("bt-ngon-ngu-tai-khoan")).contains("en");

		MvcResult form = this.mvc.perform(get("/login")).andReturn();
		MvcResult login = this.mvc
			.perform(post("/login").param("username", "bt-ngon-ngu-tai-khoan")
				.param("password", DeskSessions.PASSWORD)
				.with(DeskSessions.csrfOf(form)))
			.andReturn();
		jakarta.servlet.http.Cookie language = login.getResponse().getCookie("loa-lang");
		assertThat(language).isNotNull();
		assertThat(language.getValue()).isEqualTo("en");
		MockHttpSession second = (MockHttpSession) login.getRequest().getSession(false);
		assertThat(this.mvc.perform(get("/desk").session(second).cookie(language))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("<html lang=\"en\"").contains("Log out");

		this.mvc.perform(get("/desk").param("lang", "vi").session(second).cookie(language)).andExpect(status().isOk());
		assertThat(this.accounts.language("bt-ngon-ngu-tai-khoan")).contains("vi");
		// Someone who never chose keeps Vietnamese, whatever their browser says.
		MockHttpSession other = DeskSessions.login(this.mvc, this.accounts, "bt-chua-chon", Role.EDITOR);
		assertThat(this.mvc.perform(get("/desk").session(other).header("Accept-Language", "en-US"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("<html lang=\"vi\"");
	}

	@Test
	void theDashboardRaisesAnAlarmWhileTheFeedsServeTheirLastGoodBytes() throws Exception {
		MockHttpSession editor = DeskSessions.login(this.mvc, this.accounts, "bt-nguon-tin", Role.EDITOR);
		byte[] good = this.mvc.perform(get("/feed.xml")).andReturn().getResponse().getContentAsByteArray();
		this.jdbc.execute("ALTER TABLE feed_entry RENAME TO feed_entry_away");
		try {
			this.mvc.perform(get("/feed.xml"))
				.andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().bytes(good));
			// The feeds look at the table in the background (loa.feed.check-interval),
			// not on each read: the alarm is up within that interval.
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(
						this.mvc.perform(get("/desk").session(editor)).andReturn().getResponse().getContentAsString())
					.contains("Nguồn tin RSS/Atom chưa cập nhật được")
					.contains("người đọc vẫn nhận bản RSS tốt gần nhất"));
			this.mvc.perform(get("/feed.xml"))
				.andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().bytes(good));
		}
		finally {
			this.jdbc.execute("ALTER TABLE feed_entry_away RENAME TO feed_entry");
		}
		this.mvc.perform(get("/feed.xml")).andExpect(status().isOk());
		// And down again within the same interval once the table is back.
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.mvc.perform(get("/desk").session(editor)).andReturn().getResponse().getContentAsString())
				.doesNotContain("Nguồn tin RSS/Atom chưa cập nhật được"));
	}

	/**
	 * An administrator is told, on the dashboard, that the sender is still the laptop's
	 * {@code @localhost} (this shared Loa sets a real {@code loa.base-url}, so that one
	 * is not named); an editor, who cannot change it, is not.
	 */
	@Test
	void theDashboardTellsAnAdministratorThatTheSenderIsStillOnLocalhost() throws Exception {
		MockHttpSession admin = DeskSessions.login(this.mvc, this.accounts, "qt-dia-chi", Role.ADMIN);
		assertThat(this.mvc.perform(get("/desk").session(admin)).andReturn().getResponse().getContentAsString())
			.contains("Loa vẫn chạy với địa chỉ của máy thử nghiệm")
			.contains("Địa chỉ gửi thư (loa.email.from) là Loa &lt;loa@localhost&gt;")
			.doesNotContain("Địa chỉ trang (loa.base-url)");
		MockHttpSession editor = DeskSessions.login(this.mvc, this.accounts, "bt-dia-chi", Role.EDITOR);
		assertThat(this.mvc.perform(get("/desk").session(editor)).andReturn().getResponse().getContentAsString())
			.doesNotContain("Loa vẫn chạy với địa chỉ của máy thử nghiệm");
	}

	@Test
	void anonymousVisitorOfTheDeskIsSentToTheLoginPage() throws Exception {
		this.mvc.perform(get("/desk")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		String login = this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(login).contains("lang=\"vi\"")
			.contains("<label for=\"username\">Tên đăng nhập</label>")
			.contains("<label for=\"password\">Mật khẩu</label>")
			.containsPattern(CSRF.pattern());
	}

	@Test
	void editorLogsInSeesTheDashboardAndLogsOut() throws Exception {
		account("bien-tap", Role.EDITOR);
		MockHttpSession session = login("bien-tap", PASSWORD);
		String desk = this.mvc.perform(get("/desk").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(desk).contains("Bàn biên tập")
			.contains("Đang đăng nhập: Biên Tập Viên")
			.contains("Sắp phát trong 14 ngày tới")
			.contains("Phát trễ, bị lỡ, không tới được ai")
			.contains("Ngày kỷ niệm chưa có nội dung")
			.contains("action=\"/logout\"");

		this.mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
		MvcResult deskPage = this.mvc.perform(get("/desk").session(session)).andReturn();
		this.mvc.perform(post("/logout").session(session).with(csrfOf(deskPage)))
			.andExpect(redirectedUrl("/login?logout"));
		this.mvc.perform(get("/desk").session(session)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theDashboardNamesAnniversariesWithoutContentInTheEditorsLanguage() throws Exception {
		account("bien-tap-en", Role.EDITOR);
		MockHttpSession session = login("bien-tap-en", PASSWORD);
		Instant now = this.clock.instant();
		this.clock.set(Instant.parse("2025-08-01T01:00:00Z"));
		try {
			assertThat(dashboard(session, "/desk")).contains("Ngày kỷ niệm chưa có nội dung")
				.contains("<td class=\"date\">02/09/2025</td><td>Kỷ niệm 80 năm Ngày Quốc khánh nước CHXHCN Việt Nam"
						+ " (02/9/1945 - 02/9/2025)</td>");
			assertThat(dashboard(session, "/desk?lang=en")).contains("Anniversaries without content")
				.contains(
						"<td class=\"date\">02/09/2025</td><td>80th anniversary of National Day (02/9/1945 - 02/9/2025)</td>")
				.contains("80th anniversary of August Revolution (19/8/1945 - 19/8/2025)")
				.doesNotContain("Kỷ niệm 80 năm");
		}
		finally {
			this.clock.set(now);
		}
	}

	private String dashboard(MockHttpSession session, String url) throws Exception {
		return this.mvc.perform(get(url).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void rolesDecideWhichPartsOfTheDeskAUserMayOpen() throws Exception {
		account("phat-thanh", Role.ANNOUNCER);
		account("bien-tap-2", Role.EDITOR);
		account("quan-tri", Role.ADMIN);
		MockHttpSession announcer = login("phat-thanh", PASSWORD);
		this.mvc.perform(get("/desk").session(announcer)).andExpect(status().isForbidden());
		this.mvc.perform(get("/desk/radio").session(announcer)).andExpect(status().isOk());

		MockHttpSession editor = login("bien-tap-2", PASSWORD);
		this.mvc.perform(get("/desk/accounts").session(editor)).andExpect(status().isForbidden());

		MockHttpSession admin = login("quan-tri", PASSWORD);
		assertThat(this.mvc.perform(get("/desk/accounts").session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("phat-thanh").contains("ANNOUNCER");
		// A desk session may read the audit log, nothing else of the API.
		this.mvc.perform(get("/api/audit").session(admin)).andExpect(status().isOk());
		this.mvc.perform(get("/api/audit").session(editor)).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/content").session(admin)).andExpect(status().isForbidden());
	}

	@Test
	void anAdministratorOpensAnAccountForAnEditorWhoCanThenLogIn() throws Exception {
		account("quan-tri-mo", Role.ADMIN);
		MockHttpSession admin = login("quan-tri-mo", PASSWORD);
		MvcResult page = this.mvc.perform(get("/desk/accounts").session(admin)).andReturn();

		String refused = this.mvc
			.perform(post("/desk/accounts").session(admin)
				.param("username", "bien-tap-moi")
				.param("displayName", "Biên tập viên Mới")
				.param("password", "ngan")
				.param("roles", "EDITOR")
				.with(csrfOf(page)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("id=\"password-error\"").contains("value=\"bien-tap-moi\"");
		assertThat(this.accounts.find("bien-tap-moi")).isEmpty();

		this.mvc
			.perform(post("/desk/accounts").session(admin)
				.param("username", "bien-tap-moi")
				.param("displayName", "Biên tập viên Mới")
				.param("password", "mat-khau-cua-ban-moi")
				.param("roles", "EDITOR")
				.with(csrfOf(page)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.accounts.find("bien-tap-moi"))
			.hasValueSatisfying((created) -> assertThat(created.roles()).containsExactly(Role.EDITOR));
		assertThat(login("bien-tap-moi", "mat-khau-cua-ban-moi")).isNotNull();

		account("bien-tap-khong-mo", Role.EDITOR);
		MockHttpSession editor = login("bien-tap-khong-mo", PASSWORD);
		this.mvc
			.perform(post("/desk/accounts").session(editor)
				.param("username", "khong-duoc")
				.param("password", "mat-khau-cua-ban-moi")
				.param("roles", "ADMIN")
				.with(csrfOf(this.mvc.perform(get("/desk").session(editor)).andReturn())))
			.andExpect(status().isForbidden());
		assertThat(this.accounts.find("khong-duoc")).isEmpty();
	}

	@Test
	void loginWithoutTheCsrfTokenIsForbidden() throws Exception {
		account("khong-csrf", Role.EDITOR);
		this.mvc.perform(post("/login").param("username", "khong-csrf").param("password", PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void afterFiveFailuresEvenTheRightPasswordIsRefusedUntilTheWindowPasses() throws Exception {
		account("bi-khoa", Role.EDITOR);
		for (int i = 0; i < 5; i++) {
			assertThat(attempt("bi-khoa", "sai-mat-khau-123").getResponse().getRedirectedUrl())
				.isEqualTo("/login?error");
		}
		MvcResult refused = attempt("bi-khoa", PASSWORD);
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/login?limited");
		assertThat(this.mvc.perform(get("/login").param("limited", "")).andReturn().getResponse().getContentAsString())
			.contains("Quá nhiều lần đăng nhập sai");

		this.clock.advance(Duration.ofMinutes(16));
		assertThat(attempt("bi-khoa", PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/desk");
	}

	@Test
	void passwordsAreStoredAsBcryptHashes() {
		account("luu-hash", Role.APPROVER);
		String hash = this.jdbc.queryForObject("SELECT password_hash FROM account WHERE username = 'luu-hash'",
				String.class);
		assertThat(hash).startsWith("$2a$").doesNotContain(PASSWORD);
	}

	@Test
	void gettingPagesChangesNothing() throws Exception {
		account("chi-xem", Role.ADMIN);
		MockHttpSession session = login("chi-xem", PASSWORD);
		int before = this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Integer.class);
		String accountsBefore = this.jdbc.queryForList("SELECT * FROM account").toString();
		for (String page : new String[] { "/desk", "/desk/accounts", "/desk/radio", "/login", "/logout",
				"/api/audit" }) {
			this.mvc.perform(get(page).session(session));
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Integer.class)).isEqualTo(before);
		assertThat(this.jdbc.queryForList("SELECT * FROM account").toString()).isEqualTo(accountsBefore);
		this.mvc.perform(get("/desk").session(session)).andExpect(status().isOk());
	}

	@Test
	void contentCreatedThroughTheApiIsAuditedWithActorApiAndBeforeAndAfter() throws Exception {
		this.mvc
			.perform(post("/api/content").header("Authorization", "Bearer " + DeskTest.TOKEN)
				.contentType("application/json")
				.content("""
						{"id":"kiem-toan","title":"Thông báo kiểm tra","body":"Nội dung.",
						 "outlets":["feed"],"when":"2030-01-02 06:00"}
						"""))
			.andExpect(status().isCreated());
		this.mvc.perform(post("/api/content").header("Authorization", "Bearer " + DeskTest.TOKEN)
			.contentType("application/json")
			.content("""
					{"id":"kiem-toan","title":"Thông báo kiểm tra (sửa)","body":"Nội dung.",
					 "outlets":["feed"],"when":"2030-01-02 06:00"}
					"""));
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/content/kiem-toan")
				.header("Authorization", "Bearer " + DeskTest.TOKEN)
				.contentType("application/json")
				.content(
						"""
								{"title":"Thông báo kiểm tra (sửa)","body":"Nội dung.","outlets":["feed"],"when":"2030-01-02 06:00"}
								"""))
			.andExpect(status().isOk());

		String audit = this.mvc
			.perform(get("/api/audit").param("subject", "content:kiem-toan")
				.header("Authorization", "Bearer " + DeskTest.TOKEN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(audit).contains("\"actor\":\"api\"")
			.contains("\"action\":\"content.create\"")
			.contains("\"action\":\"content.update\"")
			.contains("\"before\":null")
			.contains("Thông báo kiểm tra (sửa)");
		assertThat(this.jdbc.queryForObject(
				"SELECT after_state FROM audit_entry WHERE action = 'content.create' AND subject = 'content:kiem-toan'",
				String.class))
			.contains("\"title\":\"Thông báo kiểm tra\"");
		this.mvc.perform(get("/api/audit")).andExpect(status().isUnauthorized());
	}

	private void account(String username, Role role) {
		if (this.accounts.find(username).isEmpty()) {
			this.accounts.create("test", username, "Biên Tập Viên", PASSWORD, Set.of(role));
		}
	}

	private MockHttpSession login(String username, String password) throws Exception {
		MvcResult result = attempt(username, password);
		assertThat(result.getResponse().getRedirectedUrl()).isNotEqualTo("/login?error");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	/**
	 * A login as a browser makes it, with the CSRF cookie and field of the login page.
	 */
	private MvcResult attempt(String username, String password) throws Exception {
		MvcResult form = this.mvc.perform(get("/login")).andReturn();
		return this.mvc
			.perform(post("/login").param("username", username).param("password", password).with(csrfOf(form)))
			.andReturn();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor csrfOf(MvcResult page)
			throws Exception {
		return DeskSessions.csrfOf(page);
	}

}
