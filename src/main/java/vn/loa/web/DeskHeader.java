package vn.loa.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.loa.accounts.Account;
import vn.loa.accounts.Accounts;

/**
 * What the header of every desk page shows: the name of who is logged in, and whether
 * they see the administrators' sections.
 */
@ControllerAdvice(assignableTypes = { DeskController.class, DeskContentController.class, DeskDeliveriesController.class,
		DeskRadioController.class, DeskSubscriberController.class, DeskCalendarController.class,
		DeskPlansController.class, DeskAccountsController.class, DeskAuditController.class })
class DeskHeader {

	private final Accounts accounts;

	DeskHeader(Accounts accounts) {
		this.accounts = accounts;
	}

	@ModelAttribute("me")
	String me() {
		String username = Actors.current();
		return this.accounts.find(username).map(Account::displayName).orElse(username);
	}

	@ModelAttribute("admin")
	boolean admin() {
		return Actors.hasAnyRole("ADMIN");
	}

}
