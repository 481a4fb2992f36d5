package vn.loa.web.security;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.loa.accounts.Account;
import vn.loa.accounts.DeskUser;
import vn.loa.accounts.Accounts;
import vn.loa.organisations.Scope;

/**
 * Reloads the account behind a desk session on every request, because a session outlives
 * the login that opened it: the session of a disabled or removed account, or one opened
 * before its password was reset, ends at once (a desk page sends it to the login page
 * saying so), and changed roles apply from the next request instead of the next login.
 */
public final class AccountSessionCheck extends OncePerRequestFilter {

	/**
	 * The session attribute holding the password version its user logged in with: when
	 * the password had last been reset ({@link Instant}), or {@link #NEVER_RESET}.
	 */
	/** The session attribute holding the password change time the session has seen. */
	public static final String PASSWORD_SEEN = AccountSessionCheck.class.getName() + ".passwordSeen";

	/** The password version of an account whose password was never reset. */
	static final String NEVER_RESET = "never";

	private final Accounts accounts;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	AccountSessionCheck(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		// Only a form login carries UserDetails; the API's bearer token is checked anew
		// each time.
		if (authentication == null || !(authentication.getPrincipal() instanceof UserDetails user)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Account> account = this.accounts.find(user.getUsername());
		String ended = (account.isEmpty() || !account.get().enabled()) ? "disabled"
				: passwordResetSince(account.get(), request.getSession(false)) ? "reset" : null;
		if (ended != null) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (path.equals("/desk") || path.startsWith("/desk/")) {
				response.sendRedirect(request.getContextPath() + "/login?" + ended);
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(Scope.ATTRIBUTE, Scope.of(account.get().organisation()));
		Set<String> roles = account.get()
			.roles()
			.stream()
			.map((role) -> "ROLE_" + role.name())
			.collect(Collectors.toSet());
		Set<String> granted = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		if (!roles.equals(granted)) {
			UsernamePasswordAuthenticationToken refreshed = UsernamePasswordAuthenticationToken.authenticated(user,
					null, roles.stream().sorted().map(SimpleGrantedAuthority::new).toList());
			refreshed.setDetails(authentication.getDetails());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(refreshed);
			SecurityContextHolder.setContext(context);
			this.contexts.saveContext(context, request, response);
		}
		chain.doFilter(request, response);
	}

	/**
	 * Whether the password was reset since this session logged in: the version it logged
	 * in with is no longer the account's. Versions are compared, not times, so the clocks
	 * of several nodes never matter.
	 */
	private static boolean passwordResetSince(Account account, HttpSession session) {
		if (account.passwordChangedAt() == null || session == null) {
			return false;
		}
		return !account.passwordChangedAt().equals(session.getAttribute(PASSWORD_SEEN));
	}

	/** The password version to keep in a session that logs in as {@code user}. */
	static Object passwordVersion(@Nullable Object user) {
		Instant changed = (user instanceof DeskUser desk) ? desk.passwordChangedAt() : null;
		return (changed != null) ? changed : NEVER_RESET;
	}

}
