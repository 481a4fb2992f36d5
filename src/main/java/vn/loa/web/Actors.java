package vn.loa.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting: the logged-in username, or {@code api} for the bearer token. */
final class Actors {

	private Actors() {
	}

	static String current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()) ? authentication.getName() : "anonymous";
	}

}
