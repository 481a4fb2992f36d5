package vn.loa.web;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.loa.limits.SignUpLimits;
import vn.loa.organisations.Organisation;
import vn.loa.organisations.Organisations;
import vn.loa.subscribers.ConfirmationTokens;
import vn.loa.subscribers.ConfirmationTokens.Status;
import vn.loa.subscribers.ConfirmationTokens.Verdict;
import vn.loa.subscribers.InvalidSubscriberException;
import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;

/**
 * Signing up for the bulletin with double opt-in. Every accepted address gets the same
 * answer, so the form never tells who is subscribed; the confirmation link only shows a
 * button, because mail scanners follow links, and the button confirms.
 */
@Controller
class SubscribeController {

	private static final String FORM = "subscribe";

	private static final String CONFIRM = "confirm";

	private final Subscribers subscribers;

	private final ConfirmationTokens tokens;

	private final SignUpLimits limits;

	private final Organisations organisations;

	SubscribeController(Subscribers subscribers, ConfirmationTokens tokens, SignUpLimits limits,
			Organisations organisations) {
		this.organisations = organisations;
		this.subscribers = subscribers;
		this.tokens = tokens;
		this.limits = limits;
	}

	/** How many organisations the finder lists for one search. */
	static final int FOUND = 20;

	/**
	 * The installation's sign-up; where Loa serves more than one organisation, a finder
	 * above it leads a resident to their commune's own ({@code ?q=} searches by name).
	 */
	@GetMapping("/subscribe")
	String finder(@RequestParam(defaultValue = "") String q, Model model) {
		String query = q.strip();
		if (this.organisations.count() > 1) {
			model.addAttribute("finder", true);
			model.addAttribute("q", query);
			if (!query.isEmpty()) {
				model.addAttribute("found", this.organisations.search(query, FOUND)
					.stream()
					.map((o) -> new Found(o.id(), o.name(), (o.parentId() != null)
							? this.organisations.find(o.parentId()).map(Organisation::name).orElse(null) : null))
					.toList());
			}
		}
		return form(model, "", "", Map.of());
	}

	/** An organisation the finder found, with the one above it. */
	record Found(String id, String name, @Nullable String parent) {

	}

	/** An organisation's own sign-up: a commune's residents follow their commune. */
	@GetMapping("/o/{organisation}/subscribe")
	String form(@PathVariable String organisation, Model model) {
		model.addAttribute("organisation", enabled(organisation));
		return form(model, "", "", Map.of());
	}

	@PostMapping("/o/{organisation}/subscribe")
	String signUpTo(@PathVariable String organisation, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String name, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Organisation of = enabled(organisation);
		model.addAttribute("organisation", of);
		return signUpFor(of.id(), email, name, model, request, response);
	}

	@PostMapping("/subscribe")
	String signUp(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		return signUpFor(Organisations.DEFAULT, email, name, model, request, response);
	}

	private Organisation enabled(String id) {
		return this.organisations.find(id)
			.filter(Organisation::enabled)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String signUpFor(String organisation, String email, String name, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (!this.limits.allowClient(request.getRemoteAddr())) {
			return limited(model, response);
		}
		Subscriber subscriber;
		try {
			subscriber = validSignUp(organisation, email, name);
		}
		catch (InvalidSubscriberException ex) {
			if (ex.isConflict()) {
				// The same new address from another request at the same moment.
				model.addAttribute("state", "sent");
				return FORM;
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, email, name, Map.of(ex.field().equals("name") ? "name" : "email", true));
		}
		if (subscriber == null) {
			return limited(model, response);
		}
		model.addAttribute("state", "sent");
		return FORM;
	}

	@GetMapping("/subscribe/confirm/{token}")
	String ask(@PathVariable String token, Model model, HttpServletResponse response) {
		Verdict verdict = this.tokens.verify(token);
		Optional<Subscriber> subscriber = verdict.subscriberId().flatMap(this.subscribers::find);
		if (subscriber.isEmpty() || subscriber.get().status() == SubscriberStatus.UNSUBSCRIBED) {
			return refused(verdict, model, response);
		}
		model.addAttribute("state", subscriber.get().isConfirmed() ? "done" : "ask");
		model.addAttribute("email", subscriber.get().email());
		model.addAttribute("token", token);
		return CONFIRM;
	}

	@PostMapping("/subscribe/confirm/{token}")
	String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
		Verdict verdict = this.tokens.verify(token);
		Optional<Subscriber> subscriber = verdict.subscriberId()
			.flatMap((id) -> this.subscribers.confirm(id, Subscribers.RESIDENT));
		if (subscriber.isEmpty() || !subscriber.get().isConfirmed()) {
			return refused(verdict, model, response);
		}
		model.addAttribute("state", "done");
		model.addAttribute("email", subscriber.get().email());
		return CONFIRM;
	}

	/**
	 * The subscriber, or {@code null} when the mailbox has been asked for too often. A
	 * pending one is sent a confirmation mail: signing up queues it with the subscriber.
	 */
	private @Nullable Subscriber validSignUp(String organisation, String email, String name) {
		// Checked before counting, so a typo does not use up the mailbox's attempts.
		if (!this.limits.allowMailbox(Subscribers.checkEmail(email))) {
			return null;
		}
		return this.subscribers.signUp(organisation, email, name);
	}

	private static String form(Model model, String email, String name, Map<String, Boolean> errors) {
		model.addAttribute("state", "form");
		model.addAttribute("email", email);
		model.addAttribute("name", name);
		model.addAttribute("errors", errors);
		return FORM;
	}

	private static String limited(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		model.addAttribute("state", "limited");
		return FORM;
	}

	private static String refused(Verdict verdict, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("state", (verdict.status() == Status.EXPIRED) ? "expired" : "invalid");
		return CONFIRM;
	}

}
