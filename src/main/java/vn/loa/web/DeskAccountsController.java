package vn.loa.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.loa.web.security.AccountSessionCheck;
import vn.loa.accounts.Account;
import vn.loa.accounts.Accounts;
import vn.loa.organisations.Organisations;
import vn.loa.organisations.Scope;
import vn.loa.web.security.CallerScope;
import vn.loa.accounts.InvalidAccountException;
import vn.loa.accounts.Role;

/**
 * Administrators manage the desk's accounts: open one, change its name and roles, disable
 * and enable it, and set a new password. A refused change comes back with the error next
 * to its field and what was typed.
 */
@Controller
class DeskAccountsController {

	private static final String ERROR_KEY = "accounts.error.";

	private final Accounts accounts;

	private final Organisations organisations;

	DeskAccountsController(Accounts accounts, Organisations organisations) {
		this.accounts = accounts;
		this.organisations = organisations;
	}

	@GetMapping("/desk/accounts")
	String accounts(Model model, Scope scope) {
		return list(model, new AccountForm("", "", null, own(scope)), Map.of(), scope);
	}

	/**
	 * An administrator opens an account for a colleague; the password is never shown
	 * again.
	 */
	@PostMapping("/desk/accounts")
	String create(@RequestParam String username, @RequestParam(defaultValue = "") String displayName,
			@RequestParam String password, @RequestParam(required = false) @Nullable List<Role> roles,
			@RequestParam(defaultValue = "") String organisation, Model model, HttpServletResponse response,
			Scope scope) {
		try {
			this.accounts.create(Actors.current(), username, displayName, password, roleSet(roles),
					organisation(scope, organisation));
			return "redirect:/desk/accounts";
		}
		catch (InvalidAccountException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return list(model, new AccountForm(username, displayName, roles, organisation), errors(ex), scope);
		}
	}

	@GetMapping("/desk/accounts/{username}")
	String account(@PathVariable String username, @RequestParam(required = false) @Nullable String done, Model model,
			Scope scope) {
		Account account = existing(scope, username);
		model.addAttribute("done", done);
		return edit(model, account, formOf(account), Map.of());
	}

	@PostMapping("/desk/accounts/{username}")
	String update(@PathVariable String username, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(required = false) @Nullable List<Role> roles,
			@RequestParam(defaultValue = "") String organisation, Model model, HttpServletResponse response,
			Scope scope) {
		Account account = existing(scope, username);
		AccountForm typed = new AccountForm(account.username(), displayName, roles, organisation);
		return attempt(account, typed, "update", model, response, () -> this.accounts.update(Actors.current(),
				account.username(), displayName, roleSet(roles), organisation(scope, organisation)));
	}

	@PostMapping("/desk/accounts/{username}/disable")
	String disable(@PathVariable String username, Model model, HttpServletResponse response, Scope scope) {
		Account account = existing(scope, username);
		return attempt(account, formOf(account), "disable", model, response,
				() -> this.accounts.disable(Actors.current(), account.username()));
	}

	@PostMapping("/desk/accounts/{username}/enable")
	String enable(@PathVariable String username, Model model, HttpServletResponse response, Scope scope) {
		Account account = existing(scope, username);
		return attempt(account, formOf(account), "enable", model, response,
				() -> this.accounts.enable(Actors.current(), account.username()));
	}

	/**
	 * The administrator types the new password and tells it to its owner; the owner's
	 * open sessions end, except the administrator's own when they reset their own.
	 */
	@PostMapping("/desk/accounts/{username}/password")
	String password(@PathVariable String username, @RequestParam(defaultValue = "") String password, Model model,
			HttpServletResponse response, HttpSession session, Scope scope) {
		Account account = existing(scope, username);
		boolean self = account.username().equalsIgnoreCase(Actors.current());
		return attempt(account, formOf(account), "password", model, response, () -> {
			Optional<Account> changed = this.accounts.changePassword(Actors.current(), account.username(), password);
			if (self) {
				changed.map(Account::passwordChangedAt)
					.ifPresent((at) -> session.setAttribute(AccountSessionCheck.PASSWORD_SEEN, at));
			}
			return changed;
		});
	}

	private String attempt(Account account, AccountForm typed, String done, Model model, HttpServletResponse response,
			Supplier<?> change) {
		try {
			change.get();
			return "redirect:/desk/accounts/" + account.username() + "?done=" + done;
		}
		catch (InvalidAccountException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return edit(model, account, typed, errors(ex));
		}
	}

	private String list(Model model, AccountForm form, Map<String, String> errors, Scope scope) {
		model.addAttribute("accounts",
				this.accounts.list()
					.stream()
					.filter((account) -> scope.everywhere() || this.organisations.covers(scope, account.organisation()))
					.toList());
		model.addAttribute("everywhere", scope.everywhere());
		model.addAttribute("roles", Role.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "desk-accounts";
	}

	private String edit(Model model, Account account, AccountForm form, Map<String, String> errors) {
		model.addAttribute("everywhere", CallerScope.current().everywhere());
		model.addAttribute("account", account);
		model.addAttribute("self", account.username().equalsIgnoreCase(Actors.current()));
		model.addAttribute("roles", Role.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "desk-account";
	}

	/**
	 * The account, when the caller administers where its roles are held: an account of
	 * the whole installation, or of another organisation, is not found.
	 */
	private Account existing(Scope scope, String username) {
		return this.accounts.find(username)
			.filter((account) -> scope.everywhere() || this.organisations.covers(scope, account.organisation()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no account " + username));
	}

	private static AccountForm formOf(Account account) {
		return new AccountForm(account.username(), account.displayName(), List.copyOf(account.roles()),
				(account.organisation() != null) ? account.organisation() : "");
	}

	/** The organisation field's first value: the administrator's own organisation. */
	private static String own(Scope scope) {
		return (scope.organisation() != null) ? scope.organisation() : "";
	}

	/**
	 * Where the roles typed will be held: blank is the whole installation, for whoever
	 * administers it, else the administrator's own organisation; an unknown organisation
	 * is refused at its field, one outside the administrator's is forbidden.
	 */
	private @Nullable String organisation(Scope scope, String typed) {
		String id = typed.strip();
		if (id.isEmpty()) {
			return scope.organisation();
		}
		if (this.organisations.find(id).isEmpty()) {
			throw new InvalidAccountException("organisation", "unknown", "there is no organisation '" + id + "'");
		}
		return this.organisations.ownerFor(scope, id);
	}

	private static Set<Role> roleSet(@Nullable List<Role> roles) {
		return (roles != null) ? Set.copyOf(roles) : Set.of();
	}

	/** The message key of a refusal, under the field it belongs to. */
	private static Map<String, String> errors(InvalidAccountException ex) {
		return Map.of(ex.field(), ERROR_KEY + ex.reason());
	}

	/**
	 * What an administrator typed into an account form, kept when it is refused.
	 *
	 * @param username the username
	 * @param displayName the name shown in the desk
	 * @param roles the roles ticked
	 * @param organisation the id of the organisation the roles are held in; blank for the
	 * whole installation
	 */
	record AccountForm(String username, String displayName, @Nullable List<Role> roles, String organisation) {

		public boolean has(Role role) {
			return this.roles != null && this.roles.contains(role);
		}

	}

}
