package vn.loa.web;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.loa.accounts.Accounts;
import vn.loa.accounts.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Logging in to the desk over MockMvc as a browser does: the login form's CSRF token,
 * then the form.
 */
public final class DeskSessions {

	public static final String PASSWORD = "mật-khẩu-đủ-dài-1";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private DeskSessions() {
	}

	/**
	 * A logged-in session of {@code username}, created with {@code role} if it does not
	 * exist.
	 */
	public static MockHttpSession login(MockMvc mvc, Accounts accounts, String username, Role role) throws Exception {
		return login(mvc, accounts, username, role, null);
	}

	/**
	 * A logged-in session of {@code username}, created with {@code role} held in
	 * {@code organisation} ({@code null}: the whole installation) if it does not exist.
	 */
	public static MockHttpSession login(MockMvc mvc, Accounts accounts, String username, Role role,
			@Nullable String organisation) throws Exception {
		if (accounts.find(username).isEmpty()) {
			accounts.create("test", username, "Người Dùng", PASSWORD, Set.of(role), organisation);
		}
		MvcResult form = mvc.perform(get("/login")).andReturn();
		MvcResult result = mvc
			.perform(post("/login").param("username", username).param("password", PASSWORD).with(csrfOf(form)))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isNotEqualTo("/login?error");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	/** The CSRF cookie and field of a page, as a browser sends them back. */
	public static RequestPostProcessor csrfOf(MvcResult page) throws Exception {
		Matcher csrf = CSRF.matcher(page.getResponse().getContentAsString());
		assertThat(csrf.find()).isTrue();
		Cookie cookie = page.getResponse().getCookie("XSRF-TOKEN");
		String token = csrf.group(1);
		return (request) -> {
			request.setCookies((cookie != null) ? cookie : new Cookie("XSRF-TOKEN", token));
			request.addParameter("_csrf", token);
			return request;
		};
	}

}
