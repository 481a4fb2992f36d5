package vn.loa.web;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The desk's login page; Spring Security handles {@code POST /login} and logout. A
 * session whose account was disabled is sent here with {@code ?disabled}, one older than
 * a password reset with {@code ?reset}; a failed login never says whether the account
 * exists or is disabled.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(@RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String limited,
			@RequestParam(required = false) @Nullable String logout,
			@RequestParam(required = false) @Nullable String disabled,
			@RequestParam(required = false) @Nullable String reset, Model model) {
		String state = (limited != null) ? "limited" : (error != null) ? "error"
				: (disabled != null) ? "disabled" : (reset != null) ? "reset" : (logout != null) ? "logout" : "";
		model.addAttribute("state", state);
		return "login";
	}

}
