package vn.loa.emergency;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loa.organisations.Organisation;
import vn.loa.organisations.Organisations;
import vn.loa.organisations.Scope;

/**
 * The desk's emergency page: the form that issues a bulletin now, and the bulletins
 * issued or waiting, with approve, refuse and withdraw.
 */
@Controller
class DeskEmergencyController {

	/** Organisations offered as suggestions in the form; more are typed by id. */
	private static final int SUGGESTED = 300;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

	private final EmergencyBulletins bulletins;

	private final Organisations organisations;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	DeskEmergencyController(EmergencyBulletins bulletins, Organisations organisations, MessageSource messages,
			Clock clock, ZoneId zone) {
		this.bulletins = bulletins;
		this.organisations = organisations;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/desk/emergency")
	String page(Model model, Scope scope) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new EmergencyRequest(scope.organisationOr(Organisations.DEFAULT), "all", "", "",
					"", List.of("feed", "email", "radio"), 30, 3));
		}
		return page(model, scope, HttpServletResponse.SC_OK, null);
	}

	private String page(Model model, Scope scope, int status, @Nullable HttpServletResponse response) {
		if (response != null) {
			response.setStatus(status);
		}
		Instant now = this.clock.instant();
		model.addAttribute("secondApproval", this.bulletins.secondApproval());
		model.addAttribute("organisations", suggestions(scope));
		model.addAttribute("rows", this.bulletins.recent(scope, 50).stream().map((b) -> row(b, now)).toList());
		return "desk-emergency";
	}

	@PostMapping("/desk/emergency")
	String issue(@RequestParam(required = false) @Nullable String organisation,
			@RequestParam(required = false) @Nullable String audience,
			@RequestParam(required = false) @Nullable String chosen,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String body,
			@RequestParam(required = false) @Nullable List<String> outlets,
			@RequestParam(required = false) @Nullable Integer repeatMinutes,
			@RequestParam(required = false) @Nullable Integer hours, Principal user, RedirectAttributes redirect,
			Scope scope, Model model, HttpServletResponse response) {
		EmergencyRequest request = new EmergencyRequest(organisation, audience, chosen, title, body,
				(outlets != null) ? outlets : List.of(), repeatMinutes, hours);
		if (outlets == null || outlets.isEmpty()) {
			return refused(model, scope, response, request, "outlets", text("emergency.error.outletsNone"));
		}
		try {
			EmergencyBulletin bulletin = this.bulletins.issue(request, user.getName(), scope);
			redirect.addFlashAttribute("done", text((bulletin.status() == EmergencyStatus.AWAITING)
					? "emergency.done.requested" : "emergency.done.issued", bulletin.title()));
		}
		catch (InvalidEmergencyException ex) {
			return refused(model, scope, response, request, ex.field(),
					text("emergency.error." + ex.code(), ex.arguments()));
		}
		return "redirect:/desk/emergency";
	}

	@PostMapping("/desk/emergency/{id}/approve")
	String approve(@PathVariable String id, Principal user, RedirectAttributes redirect, Scope scope) {
		return decide(redirect, "emergency.done.approved", () -> this.bulletins.approve(id, user.getName(), scope));
	}

	@PostMapping("/desk/emergency/{id}/refuse")
	String refuse(@PathVariable String id, Principal user, RedirectAttributes redirect, Scope scope) {
		return decide(redirect, "emergency.done.refused", () -> this.bulletins.refuse(id, user.getName(), scope));
	}

	@PostMapping("/desk/emergency/{id}/withdraw")
	String withdraw(@PathVariable String id, Principal user, RedirectAttributes redirect, Scope scope) {
		return decide(redirect, "emergency.done.withdrawn", () -> this.bulletins.withdraw(id, user.getName(), scope));
	}

	/**
	 * Approves, refuses or withdraws; a bulletin outside the caller's organisations, or
	 * none, is not found, and one already decided is said so on the page.
	 */
	private String decide(RedirectAttributes redirect, String done,
			java.util.function.Supplier<EmergencyBulletin> decision) {
		try {
			redirect.addFlashAttribute("done", text(done, decision.get().title()));
		}
		catch (InvalidEmergencyException ex) {
			if (ex.code().equals("unknown")) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage());
			}
			redirect.addFlashAttribute("problem", text("emergency.error." + ex.code(), ex.arguments()));
		}
		return "redirect:/desk/emergency";
	}

	/**
	 * The form again, as it was sent, with what is wrong: {@code 400}, nothing stored.
	 */
	private String refused(Model model, Scope scope, HttpServletResponse response, EmergencyRequest request,
			String field, String message) {
		model.addAttribute("form", request);
		model.addAttribute("problem", message);
		model.addAttribute("problemField", field);
		return page(model, scope, HttpServletResponse.SC_BAD_REQUEST, response);
	}

	private List<Organisation> suggestions(Scope scope) {
		List<Organisation> offered = new ArrayList<>();
		if (scope.everywhere()) {
			this.organisations.roots().forEach((root) -> {
				offered.add(root);
				offered.addAll(this.organisations.descendants(root.id()));
			});
		}
		else {
			this.organisations.find(scope.organisationOr(Organisations.DEFAULT)).ifPresent(offered::add);
			offered.addAll(this.organisations.descendants(scope.organisationOr(Organisations.DEFAULT)));
		}
		return offered.stream().filter(Organisation::enabled).limit(SUGGESTED).toList();
	}

	private Row row(EmergencyBulletin bulletin, Instant now) {
		String state = switch (bulletin.status()) {
			case AWAITING -> "awaiting";
			case ISSUED -> bulletin.live(now) ? "live" : "expired";
			case REFUSED -> "refused";
			case WITHDRAWN -> "withdrawn";
		};
		String organisation = this.organisations.find(bulletin.organisation())
			.map(Organisation::name)
			.orElse(bulletin.organisation());
		return new Row(bulletin.id(), bulletin.title(), organisation, bulletin.audience(), state,
				TIME.format(bulletin.requestedAt().atZone(this.zone)),
				TIME.format(bulletin.expiresAt().atZone(this.zone)), bulletin.repeatMinutes(),
				String.join(", ", bulletin.outlets()), bulletin.requestedBy(), bulletin.decidedBy());
	}

	private String text(String code, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		String text = this.messages.getMessage(code, arguments, code, locale);
		return (text != null) ? text : code;
	}

	/**
	 * One bulletin as the page lists it.
	 *
	 * @param id its id
	 * @param title its title
	 * @param organisation the issuing organisation's name
	 * @param audience {@code own}, {@code all} or chosen ids
	 * @param state {@code awaiting}, {@code live}, {@code expired}, {@code refused} or
	 * {@code withdrawn}
	 * @param issued when it was asked for, local
	 * @param expires when it stops being read, local
	 * @param repeatMinutes minutes between readings, or {@code null}
	 * @param outlets where it goes
	 * @param requestedBy who asked
	 * @param decidedBy who approved, refused or withdrew it
	 */
	record Row(String id, String title, String organisation, String audience, String state, String issued,
			String expires, @Nullable Integer repeatMinutes, String outlets, String requestedBy,
			@Nullable String decidedBy) {

		/** {@code own}, {@code all} or {@code chosen}. */
		public String audienceKind() {
			return (this.audience.equals("own") || this.audience.equals("all")) ? this.audience : "chosen";
		}

	}

}
