package vn.loa.web;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.loa.accounts.Account;
import vn.loa.accounts.Accounts;

/**
 * What the header of every desk page shows: the name of who is logged in, and whether
 * they see the administrators' sections. It goes by the page's address, not by a list of
 * controllers, so a desk page added later gets its header too.
 */
@ControllerAdvice
class DeskHeader {

	private final Accounts accounts;

	DeskHeader(Accounts accounts) {
		this.accounts = accounts;
	}

	@ModelAttribute("me")
	@Nullable String me(HttpServletRequest request) {
		if (!isDesk(request)) {
			return null;
		}
		String username = Actors.current();
		return this.accounts.find(username).map(Account::displayName).orElse(username);
	}

	@ModelAttribute("admin")
	boolean admin(HttpServletRequest request) {
		return isDesk(request) && Actors.hasAnyRole("ADMIN");
	}

	private static boolean isDesk(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/desk") || path.startsWith("/desk/");
	}

}
