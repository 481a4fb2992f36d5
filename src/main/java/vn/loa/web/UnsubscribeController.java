package vn.loa.web;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.http.HttpServletResponse;

import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.Subscribers;
import vn.loa.subscribers.UnsubscribeTokens;

/**
 * The unsubscribe link of every bulletin. GET only shows a page with a button, because
 * mail scanners follow links; POST unsubscribes, and is also the RFC 8058 one-click
 * target mail clients call with no session and no CSRF token.
 */
@Controller
@RequestMapping("/unsubscribe/{token}")
class UnsubscribeController {

	private static final String VIEW = "unsubscribe";

	private final UnsubscribeTokens tokens;

	private final Subscribers subscribers;

	UnsubscribeController(UnsubscribeTokens tokens, Subscribers subscribers) {
		this.tokens = tokens;
		this.subscribers = subscribers;
	}

	@GetMapping
	String ask(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<Subscriber> subscriber = this.tokens.verify(token).flatMap(this.subscribers::find);
		if (subscriber.isEmpty()) {
			return invalid(model, response);
		}
		model.addAttribute("state", "ask");
		model.addAttribute("email", subscriber.get().email());
		model.addAttribute("token", token);
		return VIEW;
	}

	@PostMapping
	String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<Subscriber> subscriber = this.tokens.verify(token)
			.flatMap((id) -> this.subscribers.unsubscribe(id, Subscribers.RESIDENT));
		if (subscriber.isEmpty()) {
			return invalid(model, response);
		}
		model.addAttribute("state", "done");
		model.addAttribute("email", subscriber.get().email());
		return VIEW;
	}

	private static String invalid(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("state", "invalid");
		return VIEW;
	}

}
