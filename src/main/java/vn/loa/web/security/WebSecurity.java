package vn.loa.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.loa.accounts.ApiTokens;
import vn.loa.accounts.Accounts;
import vn.loa.limits.LoginLimits;
import vn.loa.organisations.Scope;
import vn.loa.settings.LoaSettings;

/**
 * The HTTP API needs a bearer token; the editors' desk a form login with a role; the
 * public feed, pages, sign-up form and the one-click unsubscribe neither. The token comes
 * from {@code loa.api.token}; when none is configured, one is generated on first start
 * into {@code <data-dir>/api-token} (never a default).
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class WebSecurity {

	private static final Log logger = LogFactory.getLog(WebSecurity.class);

	/**
	 * The API: stateless, a bearer token for everything; an administrator's desk session
	 * may also read the audit log (a GET, so no CSRF token is needed).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, ApiToken token, ApiTokens tokens, Accounts accounts,
			LoaSettings settings) throws Exception {
		boolean https = settings.baseUrl().startsWith("https:");
		browserHeaders(http, https);
		// The health endpoint is for operators: the API token, or an administrator's
		// session.
		http.securityMatcher("/api/**", "/actuator/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache((cache) -> cache.disable())
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(HttpMethod.GET, "/api/audit", "/actuator/health")
						.access(installationWide(AuthorityAuthorizationManager.hasAnyRole("API", "ADMIN")))
						.anyRequest()
						.hasRole("API"))
			.addFilterBefore(new BearerTokenFilter(token, tokens), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new AccountSessionCheck(accounts), AuthorizationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Bearer realm=\"loa\"");
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			}));
		return http.build();
	}

	/**
	 * Everything else: public pages, and the editors' desk behind a form login with a
	 * session and rate-limited attempts. A session is checked against its account on
	 * every request, so disabling an account ends its sessions.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain pageFilterChain(HttpSecurity http, LoginLimits limits, Accounts accounts, LoaSettings settings,
			org.springframework.web.servlet.LocaleResolver locales) throws Exception {
		boolean https = settings.baseUrl().startsWith("https:");
		// The CSRF token of the forms lives in a cookie, so public pages need no session;
		// signed links (unsubscribe, confirm) authenticate themselves.
		browserHeaders(http, https);
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
		http.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens)
			.ignoringRequestMatchers("/unsubscribe/**", "/subscribe/confirm/**", "/error"))
			.addFilterAfter(new FormCsrfCookieFilter(), CsrfFilter.class)
			.addFilterBefore(new LoginLimitFilter(limits), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new AccountSessionCheck(accounts), AuthorizationFilter.class)
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/desk/emergency", "/desk/emergency/**")
				.hasRole("EMERGENCY")
				.requestMatchers("/desk/radio", "/desk/radio/**")
				.hasAnyRole("ANNOUNCER", "EDITOR", "APPROVER", "ADMIN")
				.requestMatchers("/desk/audit")
				.access(installationWide(AuthorityAuthorizationManager.hasRole("ADMIN")))
				.requestMatchers("/desk/accounts", "/desk/accounts/**", "/desk/tokens", "/desk/tokens/**",
						"/desk/organisations", "/desk/organisations/**", "/desk/stations", "/desk/stations/**")
				.hasRole("ADMIN")
				.requestMatchers("/desk/content/*/approve", "/desk/content/*/corrections/*/approve",
						"/desk/content/*/corrections/*/refuse")
				.hasAnyRole("APPROVER", "ADMIN")
				.requestMatchers("/desk", "/desk/**")
				.hasAnyRole("EDITOR", "APPROVER", "ADMIN")
				.anyRequest()
				.permitAll())
			.formLogin((form) -> form.loginPage("/login")
				.successHandler(new DeskLanding(limits, accounts, locales))
				.failureHandler((request, response, ex) -> {
					limits.failed(request.getParameter("username"), request.getRemoteAddr());
					response.sendRedirect(request.getContextPath() + "/login?error");
				})
				.permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"));
		return http.build();
	}

	/**
	 * Grants what {@code delegate} grants to callers of the whole installation only: the
	 * audit log and the health of the installation are not one organisation's to read.
	 * The caller's scope is set by the filters before authorisation.
	 */
	static AuthorizationManager<RequestAuthorizationContext> installationWide(
			AuthorizationManager<RequestAuthorizationContext> delegate) {
		return (authentication, context) -> {
			AuthorizationResult granted = delegate.authorize(authentication, context);
			if (granted == null || !granted.isGranted()) {
				return granted;
			}
			Object scope = context.getRequest().getAttribute(Scope.ATTRIBUTE);
			return new AuthorizationDecision(scope instanceof Scope found && found.everywhere());
		};
	}

	/**
	 * What a browser is told on every answer: scripts only from Loa's own files (no
	 * inline script can run, so injected markup cannot act), styles from Loa's files and
	 * inline (the mail preview shows the mail's own inline styles), images also from
	 * https (content may show a portal's picture), no plugins, no framing by other sites;
	 * and, when Loa is reached over https, HSTS, even though the TLS proxy in front makes
	 * the request Loa sees plain http.
	 */
	static void browserHeaders(HttpSecurity http, boolean https) throws Exception {
		http.headers((headers) -> {
			headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY));
			headers.referrerPolicy((referrer) -> referrer
				.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
			if (https) {
				headers.httpStrictTransportSecurity((hsts) -> hsts.requestMatcher((request) -> true)
					.maxAgeInSeconds(HSTS_MAX_AGE.toSeconds())
					.includeSubDomains(false));
			}
			else {
				headers.httpStrictTransportSecurity((hsts) -> hsts.disable());
			}
		});
	}

	/** How long a browser keeps to https once told. */
	static final Duration HSTS_MAX_AGE = Duration.ofDays(365);

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	ApiToken apiToken(@Value("${loa.api.token:}") String configured, LoaSettings settings) throws IOException {
		Path dataDir = settings.dataDir();
		if (!configured.isBlank()) {
			return new ApiToken(configured);
		}
		Path file = dataDir.resolve("api-token");
		if (Files.exists(file)) {
			return new ApiToken(Files.readString(file, StandardCharsets.UTF_8).strip());
		}
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String generated = HexFormat.of().formatHex(random);
		Files.createDirectories(dataDir);
		// A temporary file is readable by its owner only; moved into place, the token
		// stays so.
		Path temp = Files.createTempFile(dataDir.toAbsolutePath(), ".api-token", ".tmp");
		Files.writeString(temp, generated + "\n", StandardCharsets.UTF_8);
		Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		logger.info("No loa.api.token configured: generated one in " + file.toAbsolutePath());
		return new ApiToken(generated);
	}

	/** The secret the API's callers present as {@code Authorization: Bearer ...}. */
	record ApiToken(String value) {

		boolean matches(String presented) {
			return MessageDigest.isEqual(this.value.getBytes(StandardCharsets.UTF_8),
					presented.getBytes(StandardCharsets.UTF_8));
		}

	}

	/**
	 * Sets the CSRF cookie before a form page is rendered: the token is otherwise created
	 * lazily, possibly after the response is committed, too late for a cookie.
	 */
	private static final class FormCsrfCookieFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			if (csrf != null) {
				csrf.getToken();
			}
			chain.doFilter(request, response);
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return !(path.equals("/subscribe") || path.startsWith("/subscribe/") || path.equals("/login")
					|| path.equals("/desk") || path.startsWith("/desk/"));
		}

	}

	/**
	 * Refuses a login attempt over its limit before the password is even checked, so the
	 * right password does not help either.
	 */
	private static final class LoginLimitFilter extends OncePerRequestFilter {

		private final LoginLimits limits;

		LoginLimitFilter(LoginLimits limits) {
			this.limits = limits;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (this.limits.blocked(request.getParameter("username"), request.getRemoteAddr())) {
				response.sendRedirect(request.getContextPath() + "/login?limited");
				return;
			}
			chain.doFilter(request, response);
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !("POST".equals(request.getMethod())
					&& request.getRequestURI().substring(request.getContextPath().length()).equals("/login"));
		}

	}

	/**
	 * After a login: forget the user's failures, note when the session logged in (a
	 * password reset ends older sessions), then back to the page asked for, or to the
	 * dashboard (the radio sheet for an announcer).
	 */
	private static final class DeskLanding extends SavedRequestAwareAuthenticationSuccessHandler {

		private static final List<String> DESK_ROLES = List.of("ROLE_EDITOR", "ROLE_APPROVER", "ROLE_ADMIN");

		private final LoginLimits limits;

		private final Accounts accounts;

		private final org.springframework.web.servlet.LocaleResolver locales;

		DeskLanding(LoginLimits limits, Accounts accounts, org.springframework.web.servlet.LocaleResolver locales) {
			this.limits = limits;
			this.accounts = accounts;
			this.locales = locales;
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws ServletException, IOException {
			this.limits.succeeded(authentication.getName());
			// The language the person chose before, on whatever browser, follows them
			// here.
			this.accounts.language(authentication.getName())
				.ifPresent((language) -> this.locales.setLocale(request, response,
						java.util.Locale.forLanguageTag(language)));
			request.getSession()
				.setAttribute(AccountSessionCheck.PASSWORD_SEEN,
						AccountSessionCheck.passwordVersion(authentication.getPrincipal()));
			super.onAuthenticationSuccess(request, response, authentication);
		}

		@Override
		protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
				@Nullable Authentication authentication) {
			boolean deskUser = authentication != null && authentication.getAuthorities()
				.stream()
				.anyMatch((authority) -> DESK_ROLES.contains(authority.getAuthority()));
			boolean announcer = authentication != null && authentication.getAuthorities()
				.stream()
				.anyMatch((authority) -> "ROLE_ANNOUNCER".equals(authority.getAuthority()));
			return deskUser ? "/desk" : announcer ? "/desk/radio" : "/desk/emergency";
		}

	}

	/**
	 * The API's callers: the installation's own token ({@code loa.api.token}), acting
	 * everywhere, or a token issued at the desk, acting in its organisation.
	 */
	private static final class BearerTokenFilter extends OncePerRequestFilter {

		private final ApiToken token;

		private final ApiTokens tokens;

		BearerTokenFilter(ApiToken token, ApiTokens tokens) {
			this.token = token;
			this.tokens = tokens;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.startsWith("Bearer ")) {
				String presented = header.substring(7).strip();
				Scope scope = null;
				if (this.token.matches(presented)) {
					scope = Scope.EVERYWHERE;
				}
				else {
					scope = this.tokens.authenticate(presented)
						.map((issued) -> Scope.of(issued.organisation()))
						.orElse(null);
				}
				if (scope != null) {
					request.setAttribute(Scope.ATTRIBUTE, scope);
					SecurityContextHolder.getContext()
						.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("api", null,
								List.of(new SimpleGrantedAuthority("ROLE_API"))));
				}
			}
			chain.doFilter(request, response);
		}

	}

}
