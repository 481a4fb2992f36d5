package vn.loa.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

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

import vn.loa.accounts.ApiTokens;
import vn.loa.accounts.InvalidAccountException;
import vn.loa.organisations.Organisation;
import vn.loa.organisations.Organisations;
import vn.loa.organisations.Scope;

/**
 * API tokens at the desk ({@code /desk/tokens}, administrators): each acts for one
 * organisation and those below it. An administrator of one organisation issues and
 * revokes the tokens of their own and those below; the secret is shown once.
 */
@Controller
class DeskTokensController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private final ApiTokens tokens;

	private final Organisations organisations;

	private final ZoneId zone;

	DeskTokensController(ApiTokens tokens, Organisations organisations, ZoneId zone) {
		this.tokens = tokens;
		this.organisations = organisations;
		this.zone = zone;
	}

	@GetMapping("/desk/tokens")
	String list(Model model, Scope scope) {
		return page(model, scope, "", (scope.organisation() != null) ? scope.organisation() : "", null, null);
	}

	@PostMapping("/desk/tokens")
	String issue(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String organisation,
			Model model, HttpServletResponse response, Scope scope) {
		String id = organisation.strip();
		if (!id.isEmpty() && this.organisations.find(id).isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, scope, name, organisation, "tokens.error.organisation.unknown", null);
		}
		String where = id.isEmpty() ? scope.organisation() : this.organisations.ownerFor(scope, id);
		try {
			ApiTokens.Issued issued = this.tokens.issue(Actors.current(), name, where);
			return page(model, scope, "", organisation, null, issued);
		}
		catch (InvalidAccountException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, scope, name, organisation, "tokens.error.name.invalid", null);
		}
	}

	@PostMapping("/desk/tokens/{id}/revoke")
	String revoke(@PathVariable String id, Scope scope) {
		ApiTokens.ApiToken token = this.tokens.find(id)
			.filter((found) -> scope.everywhere() || this.organisations.covers(scope, found.organisation()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no token " + id));
		this.tokens.revoke(Actors.current(), token.id());
		return "redirect:/desk/tokens";
	}

	private String page(Model model, Scope scope, String name, String organisation, @Nullable String error,
			ApiTokens.@Nullable Issued issued) {
		List<Row> rows = this.tokens.list()
			.stream()
			.filter((token) -> scope.everywhere() || this.organisations.covers(scope, token.organisation()))
			.map(this::row)
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("name", name);
		model.addAttribute("organisation", organisation);
		model.addAttribute("error", error);
		model.addAttribute("issued", issued);
		model.addAttribute("everywhere", scope.everywhere());
		return "desk-tokens";
	}

	private Row row(ApiTokens.ApiToken token) {
		String where = (token.organisation() != null)
				? this.organisations.find(token.organisation()).map(Organisation::name).orElse(token.organisation())
				: null;
		return new Row(token.id(), token.name(), token.organisation(), where, format(token.createdAt()),
				token.createdBy(), (token.revokedAt() != null) ? format(token.revokedAt()) : null);
	}

	private String format(Instant instant) {
		return TIME.format(instant.atZone(this.zone));
	}

	/**
	 * One token as the page lists it.
	 *
	 * @param id its id
	 * @param name what it is for
	 * @param organisation its organisation's id; {@code null} for the whole installation
	 * @param organisationName its organisation's name
	 * @param created when it was issued
	 * @param createdBy who issued it
	 * @param revoked when it was revoked; {@code null} while it works
	 */
	record Row(String id, String name, @Nullable String organisation, @Nullable String organisationName, String created,
			String createdBy, @Nullable String revoked) {

	}

}
