package vn.loa.channels.email;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import vn.loa.organisations.Organisation;
import vn.loa.organisations.Organisations;
import vn.loa.organisations.Scope;

/**
 * An organisation's e-mail identity at the desk ({@code /desk/organisations/{id}/email},
 * administrators) and over the API ({@code /api/organisations/{id}/email}).
 */
@Controller
class EmailIdentityController {

	private final EmailIdentities identities;

	private final Organisations organisations;

	EmailIdentityController(EmailIdentities identities, Organisations organisations) {
		this.identities = identities;
		this.organisations = organisations;
	}

	@GetMapping("/api/organisations/{id}/email")
	@ResponseBody
	Map<String, @Nullable Object> show(@PathVariable String id, Scope scope) {
		organisation(scope, id);
		return json(id);
	}

	@PutMapping("/api/organisations/{id}/email")
	@ResponseBody
	Map<String, @Nullable Object> set(@PathVariable String id, @RequestBody Form form, Principal who, Scope scope) {
		organisation(scope, id);
		this.identities.set(id, form.from(), form.replyTo(), who.getName());
		return json(id);
	}

	@ExceptionHandler(EmailIdentities.InvalidIdentityException.class)
	@ResponseBody
	ResponseEntity<Map<String, String>> refused(EmailIdentities.InvalidIdentityException ex) {
		return ResponseEntity.badRequest().body(Map.of("field", ex.field(), "error", String.valueOf(ex.getMessage())));
	}

	@GetMapping("/desk/organisations/{id}/email")
	String page(@PathVariable String id, Model model, Scope scope) {
		Organisation organisation = organisation(scope, id);
		EmailIdentities.Identity identity = this.identities.of(id).orElse(null);
		return page(model, organisation, (identity != null) ? identity.from() : "",
				(identity != null && identity.replyTo() != null) ? identity.replyTo() : "", null, null);
	}

	@PostMapping("/desk/organisations/{id}/email")
	String save(@PathVariable String id, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String replyTo, Principal who, Model model, HttpServletResponse response,
			Scope scope) {
		Organisation organisation = organisation(scope, id);
		try {
			this.identities.set(id, from, replyTo, who.getName());
		}
		catch (EmailIdentities.InvalidIdentityException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, organisation, from, replyTo, ex.field(), ex.getMessage());
		}
		return "redirect:/desk/organisations/" + id + "/email?saved";
	}

	private String page(Model model, Organisation organisation, String from, String replyTo,
			@Nullable String errorField, @Nullable String error) {
		model.addAttribute("organisation", organisation);
		model.addAttribute("from", from);
		model.addAttribute("replyTo", replyTo);
		model.addAttribute("errorField", (errorField != null) ? errorField : "");
		model.addAttribute("error", error);
		return "desk-email-identity";
	}

	private Map<String, @Nullable Object> json(String id) {
		EmailIdentities.Identity identity = this.identities.of(id).orElse(null);
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("organisation", id);
		json.put("from", (identity != null) ? identity.from() : null);
		json.put("replyTo", (identity != null) ? identity.replyTo() : null);
		return json;
	}

	private Organisation organisation(Scope scope, String id) {
		return this.organisations.find(id)
			.filter((found) -> this.organisations.covers(scope, found.id()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no organisation " + id));
	}

	/**
	 * An identity as the API takes it.
	 *
	 * @param from display name and address; blank for the configured sender
	 * @param replyTo where replies go; blank for the From
	 */
	record Form(@Nullable String from, @Nullable String replyTo) {

	}

}
