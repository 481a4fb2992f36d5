package vn.loa.web;

import java.util.ArrayList;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.loa.accounts.Account;
import vn.loa.accounts.Accounts;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditLog;
import vn.loa.accounts.InvalidAccountException;
import vn.loa.accounts.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Administrators manage accounts on the desk through the real security chain: editing
 * names and roles, disabling and enabling, resetting passwords, the rules that keep an
 * administrator in charge, and the audit rows every change leaves.
 */
@DeskTest
class DeskAccountsIntegrationTests {

	private static final String PASSWORD = DeskSessions.PASSWORD;

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anAdministratorChangesNameAndRolesAndTheAuditLogKeepsBeforeAndAfter() throws Exception {
		MockHttpSession admin = login("qt-sua", Role.ADMIN);
		this.accounts.create("test", "bt-sua", "Biên Tập", PASSWORD, Set.of(Role.EDITOR));
		MvcResult page = this.mvc.perform(get("/desk/accounts").session(admin)).andExpect(status().isOk()).andReturn();
		assertThat(page.getResponse().getContentAsString()).contains("href=\"/desk/accounts/bt-sua\"");
		String form = this.mvc.perform(get("/desk/accounts/bt-sua").session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("Tài khoản bt-sua").contains("value=\"Biên Tập\"");

		this.mvc
			.perform(post("/desk/accounts/bt-sua").session(admin)
				.param("displayName", "Trưởng ban Biên tập")
				.param("roles", "EDITOR", "APPROVER")
				.with(DeskSessions.csrfOf(page)))
			.andExpect(redirectedUrl("/desk/accounts/bt-sua?done=update"));

		Account changed = this.accounts.find("bt-sua").orElseThrow();
		assertThat(changed.displayName()).isEqualTo("Trưởng ban Biên tập");
		assertThat(changed.roles()).containsExactlyInAnyOrder(Role.EDITOR, Role.APPROVER);
		AuditEntry entry = this.audit.latest("account:bt-sua", 1).get(0);
		assertThat(entry.actor()).isEqualTo("qt-sua");
		assertThat(entry.action()).isEqualTo("account.update");
		assertThat(entry.before()).contains("\"displayName\":\"Biên Tập\"").contains("\"roles\":\"EDITOR\"");
		assertThat(entry.after()).contains("\"displayName\":\"Trưởng ban Biên tập\"")
			.contains("\"roles\":\"EDITOR,APPROVER\"");
		assertThat(this.mvc.perform(get("/desk/accounts/bt-sua").param("done", "update").session(admin))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Đã lưu họ tên và vai trò.");
	}

	@Test
	void aRefusedEditShowsTheErrorBesideItsFieldAndKeepsWhatWasTyped() throws Exception {
		MockHttpSession admin = login("qt-loi", Role.ADMIN);
		this.accounts.create("test", "bt-loi", "Biên Tập", PASSWORD, Set.of(Role.EDITOR));
		MvcResult page = this.mvc.perform(get("/desk/accounts/bt-loi").session(admin)).andReturn();

		String refused = this.mvc
			.perform(post("/desk/accounts/bt-loi").session(admin)
				.param("displayName", "Tên mới chưa lưu")
				.with(DeskSessions.csrfOf(page)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("id=\"roles-error\"")
			.contains("Hãy chọn ít nhất một vai trò.")
			.contains("value=\"Tên mới chưa lưu\"");
		assertThat(this.accounts.find("bt-loi").orElseThrow().displayName()).isEqualTo("Biên Tập");

		String tooLong = this.mvc
			.perform(post("/desk/accounts/bt-loi").session(admin)
				.param("displayName", "x".repeat(201))
				.param("roles", "APPROVER")
				.with(DeskSessions.csrfOf(page)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(tooLong).contains("id=\"displayName-error\"").contains("Họ tên dài tối đa 200 ký tự.");
		assertThat(tooLong).containsPattern("id=\"role-APPROVER\"[^>]*checked");
		assertThat(tooLong).doesNotContainPattern("id=\"role-EDITOR\"[^>]*checked");
		assertThat(this.accounts.find("bt-loi").orElseThrow().roles()).containsExactly(Role.EDITOR);

		this.mvc.perform(get("/desk/accounts/khong-ai").session(admin)).andExpect(status().isNotFound());
	}

	@Test
	void everyAccountChangeIsForbiddenToOtherRolesAndWithoutTheCsrfToken() throws Exception {
		MockHttpSession admin = login("qt-cam", Role.ADMIN);
		this.accounts.create("test", "bt-cam", "Biên Tập", PASSWORD, Set.of(Role.EDITOR));
		List<MockHttpSession> others = new ArrayList<>();
		others.add(login("cam-bien-tap", Role.EDITOR));
		others.add(login("cam-duyet", Role.APPROVER));
		others.add(login("cam-phat-thanh", Role.ANNOUNCER));
		for (MockHttpSession other : others) {
			MvcResult radio = this.mvc.perform(get("/desk/radio").session(other)).andReturn();
			this.mvc.perform(get("/desk/accounts/bt-cam").session(other)).andExpect(status().isForbidden());
			this.mvc.perform(get("/desk/audit").session(other)).andExpect(status().isForbidden());
			for (MockHttpServletRequestBuilder change : changes("bt-cam")) {
				this.mvc.perform(change.session(other).with(DeskSessions.csrfOf(radio)))
					.andExpect(status().isForbidden());
			}
		}
		for (MockHttpServletRequestBuilder change : changes("bt-cam")) {
			this.mvc.perform(change.session(admin)).andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/desk/accounts/bt-cam")).andExpect(redirectedUrl("/login"));
		Account untouched = this.accounts.find("bt-cam").orElseThrow();
		assertThat(untouched.enabled()).isTrue();
		assertThat(untouched.roles()).containsExactly(Role.EDITOR);
		assertThat(this.audit.latest("account:bt-cam", 10)).extracting(AuditEntry::action)
			.containsExactly("account.create");
		DeskSessions.login(this.mvc, this.accounts, "bt-cam", Role.EDITOR);
	}

	@Test
	void anAdministratorCannotDisableThemselfNorDropTheirOwnAdminRole() throws Exception {
		MockHttpSession admin = login("qt-tu-khoa", Role.ADMIN);
		login("qt-khac", Role.ADMIN);
		MvcResult page = this.mvc.perform(get("/desk/accounts/qt-tu-khoa").session(admin)).andReturn();

		String disable = this.mvc
			.perform(post("/desk/accounts/qt-tu-khoa/disable").session(admin).with(DeskSessions.csrfOf(page)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(disable).contains("id=\"enabled-error\"").contains("Bạn không thể tự khoá tài khoản của mình.");

		String demote = this.mvc
			.perform(post("/desk/accounts/qt-tu-khoa").session(admin)
				.param("displayName", "Chỉ còn biên tập")
				.param("roles", "EDITOR")
				.with(DeskSessions.csrfOf(page)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(demote).contains("id=\"roles-error\"")
			.contains("Bạn không thể tự bỏ vai trò ADMIN của mình.")
			.contains("value=\"Chỉ còn biên tập\"");

		Account unchanged = this.accounts.find("qt-tu-khoa").orElseThrow();
		assertThat(unchanged.enabled()).isTrue();
		assertThat(unchanged.roles()).containsExactly(Role.ADMIN);
		assertThat(this.audit.latest("account:qt-tu-khoa", 10)).extracting(AuditEntry::action)
			.containsExactly("account.create");
	}

	@Test
	void theLastEnabledAdministratorCanNeitherBeDisabledNorLoseTheRole() throws Exception {
		MockHttpSession last = login("qt-cuoi-cung", Role.ADMIN);
		List<String> others = this.accounts.list()
			.stream()
			.filter((account) -> account.enabled() && account.has(Role.ADMIN))
			.map(Account::username)
			.filter((username) -> !username.equals("qt-cuoi-cung"))
			.toList();
		others.forEach((username) -> this.accounts.disable("test", username));
		try {
			// The command line or the API is not anyone's own account, so only this rule
			// stands between them and a desk nobody can administer.
			assertThatExceptionOfType(InvalidAccountException.class)
				.isThrownBy(() -> this.accounts.disable("cli", "qt-cuoi-cung"))
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("enabled.lastAdmin"))
				.withMessageContaining("last enabled administrator");
			assertThatExceptionOfType(InvalidAccountException.class)
				.isThrownBy(() -> this.accounts.update("cli", "qt-cuoi-cung", null, Set.of(Role.EDITOR)))
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("roles.lastAdmin"));

			MvcResult page = this.mvc.perform(get("/desk/accounts/qt-cuoi-cung").session(last)).andReturn();
			this.mvc.perform(post("/desk/accounts/qt-cuoi-cung/disable").session(last).with(DeskSessions.csrfOf(page)))
				.andExpect(status().isBadRequest());
			Account still = this.accounts.find("qt-cuoi-cung").orElseThrow();
			assertThat(still.enabled()).isTrue();
			assertThat(still.roles()).containsExactly(Role.ADMIN);
			assertThat(this.audit.latest("account:qt-cuoi-cung", 10)).extracting(AuditEntry::action)
				.containsExactly("account.create");

			// With a second administrator, the first may step down.
			this.accounts.create("test", "qt-du-phong", null, PASSWORD, Set.of(Role.ADMIN));
			assertThat(this.accounts.update("cli", "qt-cuoi-cung", null, Set.of(Role.EDITOR)))
				.hasValueSatisfying((account) -> assertThat(account.roles()).containsExactly(Role.EDITOR));
		}
		finally {
			others.forEach((username) -> this.accounts.enable("test", username));
		}
	}

	@Test
	void aDisabledUserCannotLogInAndTheirOpenSessionEndsOnTheNextRequest() throws Exception {
		MockHttpSession admin = login("qt-khoa", Role.ADMIN);
		MockHttpSession editor = login("bt-bi-khoa", Role.EDITOR);
		MockHttpSession otherAdmin = login("qt-bi-khoa", Role.ADMIN);
		this.mvc.perform(get("/desk").session(editor)).andExpect(status().isOk());
		this.mvc.perform(get("/api/audit").session(otherAdmin)).andExpect(status().isOk());
		MvcResult page = this.mvc.perform(get("/desk/accounts/bt-bi-khoa").session(admin)).andReturn();

		this.mvc.perform(post("/desk/accounts/bt-bi-khoa/disable").session(admin).with(DeskSessions.csrfOf(page)))
			.andExpect(redirectedUrl("/desk/accounts/bt-bi-khoa?done=disable"));
		this.mvc.perform(post("/desk/accounts/qt-bi-khoa/disable").session(admin).with(DeskSessions.csrfOf(page)))
			.andExpect(redirectedUrl("/desk/accounts/qt-bi-khoa?done=disable"));

		this.mvc.perform(get("/desk").session(editor)).andExpect(redirectedUrl("/login?disabled"));
		assertThat(editor.isInvalid()).isTrue();
		assertThat(this.mvc.perform(get("/login").param("disabled", "")).andReturn().getResponse().getContentAsString())
			.contains("Tài khoản của bạn đã bị khoá.");
		this.mvc.perform(get("/api/audit").session(otherAdmin)).andExpect(status().isUnauthorized());
		assertThat(attempt("bt-bi-khoa", PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login?error");

		AuditEntry disabled = this.audit.latest("account:bt-bi-khoa", 1).get(0);
		assertThat(disabled.action()).isEqualTo("account.disable");
		assertThat(disabled.actor()).isEqualTo("qt-khoa");
		assertThat(disabled.before()).contains("\"enabled\":true");
		assertThat(disabled.after()).contains("\"enabled\":false");
		assertThat(
				this.mvc.perform(get("/desk/accounts").session(admin)).andReturn().getResponse().getContentAsString())
			.containsPattern(
					"bt-bi-khoa</a></td>\\s*<td>[^<]*</td>\\s*<td><span>Biên tập viên</span></td>\\s*<td>[^<]*</td>\\s*<td>Không</td>");

		this.mvc.perform(post("/desk/accounts/bt-bi-khoa/enable").session(admin).with(DeskSessions.csrfOf(page)))
			.andExpect(redirectedUrl("/desk/accounts/bt-bi-khoa?done=enable"));
		assertThat(this.audit.latest("account:bt-bi-khoa", 1).get(0).action()).isEqualTo("account.enable");
		assertThat(attempt("bt-bi-khoa", PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/desk");
	}

	@Test
	void rolesTakenAwayApplyToAnOpenSessionOnItsNextRequest() throws Exception {
		MockHttpSession admin = login("qt-ha-cap", Role.ADMIN);
		MockHttpSession demoted = login("qt-bi-ha-cap", Role.ADMIN);
		this.mvc.perform(get("/desk/accounts").session(demoted)).andExpect(status().isOk());
		MvcResult page = this.mvc.perform(get("/desk/accounts/qt-bi-ha-cap").session(admin)).andReturn();

		this.mvc
			.perform(post("/desk/accounts/qt-bi-ha-cap").session(admin)
				.param("displayName", "Biên tập viên")
				.param("roles", "EDITOR")
				.with(DeskSessions.csrfOf(page)))
			.andExpect(status().is3xxRedirection());

		this.mvc.perform(get("/desk/accounts").session(demoted)).andExpect(status().isForbidden());
		String desk = this.mvc.perform(get("/desk").session(demoted))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(desk).doesNotContain("href=\"/desk/accounts\"").doesNotContain("href=\"/desk/audit\"");
	}

	@Test
	void anAdministratorSetsANewPasswordOnlyTheNewOneWorksAndOlderSessionsEnd() throws Exception {
		MockHttpSession admin = login("qt-mat-khau", Role.ADMIN);
		MockHttpSession stolen = login("bt-quen", Role.EDITOR);
		this.mvc.perform(get("/desk").session(stolen)).andExpect(status().isOk());
		String hashBefore = hash("bt-quen");
		MvcResult page = this.mvc.perform(get("/desk/accounts/bt-quen").session(admin)).andReturn();

		String refused = this.mvc
			.perform(post("/desk/accounts/bt-quen/password").session(admin)
				.param("password", "ngan-qua")
				.with(DeskSessions.csrfOf(page)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("id=\"password-error\"").contains("Mật khẩu phải có ít nhất 12 ký tự.");
		assertThat(hash("bt-quen")).isEqualTo(hashBefore);

		this.mvc
			.perform(post("/desk/accounts/bt-quen/password").session(admin)
				.param("password", "mật-khẩu-mới-dài-đủ")
				.with(DeskSessions.csrfOf(page)))
			.andExpect(redirectedUrl("/desk/accounts/bt-quen?done=password"));

		assertThat(hash("bt-quen")).startsWith("$2a$").isNotEqualTo(hashBefore);
		// A reset password may have been known to someone else: their session ends too.
		this.mvc.perform(get("/desk").session(stolen)).andExpect(redirectedUrl("/login?reset"));
		assertThat(this.mvc.perform(get("/login").param("reset", "")).andReturn().getResponse().getContentAsString())
			.contains("Mật khẩu của bạn vừa được đặt lại.");
		assertThat(attempt("bt-quen", PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		// The node that reset it may run a minute ahead of the one the user logs in on: a
		// session opened with the new password still lasts.
		this.jdbc.update("UPDATE account SET password_changed_at = ? WHERE username = 'bt-quen'",
				Timestamp.from(Instant.now().plus(Duration.ofMinutes(1))));
		MvcResult fresh = attempt("bt-quen", "mật-khẩu-mới-dài-đủ");
		assertThat(fresh.getResponse().getRedirectedUrl()).isEqualTo("/desk");
		this.mvc.perform(get("/desk").session((MockHttpSession) fresh.getRequest().getSession()))
			.andExpect(status().isOk());
		AuditEntry entry = this.audit.latest("account:bt-quen", 1).get(0);
		assertThat(entry.action()).isEqualTo("account.password");
		assertThat(entry.actor()).isEqualTo("qt-mat-khau");
		assertThat(entry.before() + entry.after()).doesNotContain("mật-khẩu-mới-dài-đủ")
			.doesNotContain(PASSWORD)
			.doesNotContain("$2a$");

		// An administrator who resets their own password stays logged in.
		this.mvc
			.perform(post("/desk/accounts/qt-mat-khau/password").session(admin)
				.param("password", "mật-khẩu-quản-trị-mới")
				.with(DeskSessions.csrfOf(page)))
			.andExpect(redirectedUrl("/desk/accounts/qt-mat-khau?done=password"));
		this.mvc.perform(get("/desk/accounts").session(admin)).andExpect(status().isOk());
	}

	private static List<MockHttpServletRequestBuilder> changes(String username) {
		return List.of(post("/desk/accounts/" + username).param("displayName", "Bị đổi").param("roles", "ADMIN"),
				post("/desk/accounts/" + username + "/disable"), post("/desk/accounts/" + username + "/enable"),
				post("/desk/accounts/" + username + "/password").param("password", "mat-khau-bi-doi-123"),
				post("/desk/accounts").param("username", "bi-mo-trai-phep")
					.param("password", "mat-khau-bi-doi-123")
					.param("roles", "ADMIN"));
	}

	private MockHttpSession login(String username, Role role) throws Exception {
		return DeskSessions.login(this.mvc, this.accounts, username, role);
	}

	private MvcResult attempt(String username, String password) throws Exception {
		MvcResult form = this.mvc.perform(get("/login")).andReturn();
		return this.mvc.perform(
				post("/login").param("username", username).param("password", password).with(DeskSessions.csrfOf(form)))
			.andReturn();
	}

	private String hash(String username) {
		return this.jdbc.queryForObject("SELECT password_hash FROM account WHERE username = ?", String.class, username);
	}

}
