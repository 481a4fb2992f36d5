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

	/** Whether the logged-in user holds one of {@code roles} (without {@code ROLE_}). */
	static boolean hasAnyRole(String... roles) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return false;
		}
		return authentication.getAuthorities()
			.stream()
			.anyMatch((granted) -> java.util.Arrays.stream(roles)
				.anyMatch((role) -> ("ROLE_" + role).equals(granted.getAuthority())));
	}

}
