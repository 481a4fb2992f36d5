package vn.loa.web;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.loa.accounts.Account;
import vn.loa.accounts.Accounts;
import vn.loa.organisations.Organisation;
import vn.loa.organisations.Organisations;
import vn.loa.organisations.Scope;

/**
 * What the header of every desk page shows: the name of who is logged in, and whether
 * they see the administrators' sections. It goes by the page's address, not by a list of
 * controllers, so a desk page added later gets its header too.
 */
@ControllerAdvice
class DeskHeader {

	private final Accounts accounts;

	private final Organisations organisations;

	DeskHeader(Accounts accounts, Organisations organisations) {
		this.accounts = accounts;
		this.organisations = organisations;
	}

	/**
	 * The name of the organisation the user acts for; {@code null} for the whole
	 * installation.
	 */
	@ModelAttribute("myOrganisation")
	@Nullable String myOrganisation(HttpServletRequest request) {
		if (!isDesk(request) || !(request.getAttribute(Scope.ATTRIBUTE) instanceof Scope scope)
				|| scope.organisation() == null) {
			return null;
		}
		return this.organisations.find(scope.organisation()).map(Organisation::name).orElse(scope.organisation());
	}

	/**
	 * Whether the user acts for the whole installation (the audit log is theirs to read).
	 */
	@ModelAttribute("installation")
	boolean installation(HttpServletRequest request) {
		return isDesk(request) && request.getAttribute(Scope.ATTRIBUTE) instanceof Scope scope && scope.everywhere();
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

	/** Whether the user issues emergency bulletins (the Khẩn cấp section). */
	@ModelAttribute("emergencyRole")
	boolean emergencyRole(HttpServletRequest request) {
		return isDesk(request) && Actors.hasAnyRole("EMERGENCY");
	}

	private static boolean isDesk(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/desk") || path.startsWith("/desk/");
	}

}
