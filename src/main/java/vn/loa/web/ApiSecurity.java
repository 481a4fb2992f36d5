package vn.loa.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The HTTP API needs a bearer token; the public feed, pages, sign-up form and the
 * one-click unsubscribe do not. The token comes from {@code loa.api.token}; when none is
 * configured, one is generated on first start into {@code <data-dir>/api-token} (never a
 * default).
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class ApiSecurity {

	private static final Log logger = LogFactory.getLog(ApiSecurity.class);

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ApiToken token) throws Exception {
		// Sessions are stateless, so the CSRF token of the public forms lives in a
		// cookie;
		// signed links (unsubscribe, confirm) authenticate themselves.
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
		http.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens)
			.ignoringRequestMatchers("/api/**", "/unsubscribe/**", "/subscribe/confirm/**", "/error"))
			.addFilterAfter(new FormCsrfCookieFilter(), CsrfFilter.class)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/api/**").hasRole("API").anyRequest().permitAll())
			.addFilterBefore(new BearerTokenFilter(token), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Bearer realm=\"loa\"");
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			}));
		return http.build();
	}

	/**
	 * No user accounts yet (the desk brings them): this keeps Spring from inventing one
	 * with a default password.
	 */
	@Bean
	org.springframework.security.core.userdetails.UserDetailsService noUsers() {
		return new org.springframework.security.provisioning.InMemoryUserDetailsManager();
	}

	@Bean
	ApiToken apiToken(@Value("${loa.api.token:}") String configured, @Value("${loa.data-dir}") Path dataDir)
			throws IOException {
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
			return !(path.equals("/subscribe") || path.startsWith("/subscribe/"));
		}

	}

	private static final class BearerTokenFilter extends OncePerRequestFilter {

		private final ApiToken token;

		BearerTokenFilter(ApiToken token) {
			this.token = token;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.startsWith("Bearer ") && this.token.matches(header.substring(7).strip())) {
				SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("api", null,
							List.of(new SimpleGrantedAuthority("ROLE_API"))));
			}
			chain.doFilter(request, response);
		}

	}

}
