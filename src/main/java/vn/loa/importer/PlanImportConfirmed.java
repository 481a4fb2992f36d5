package vn.loa.importer;

import org.jspecify.annotations.Nullable;

import vn.loa.audit.AuditedChange;

/**
 * An editor confirmed an imported draft: its plan is now stored in the calendar.
 *
 * @param actor who confirmed it
 * @param draftId the draft
 * @param planId the plan stored
 * @param replaced whether it replaced a stored plan of the same id
 */
public record PlanImportConfirmed(String actor, String draftId, String planId,
		boolean replaced) implements AuditedChange {

	@Override
	public String action() {
		return "plan-import.confirm";
	}

	@Override
	public String subject() {
		return "plan-import:" + this.draftId;
	}

	@Override
	public @Nullable String before() {
		return null;
	}

	@Override
	public String after() {
		return "plan " + this.planId + (this.replaced ? ", replacing the existing plan" : "");
	}

}
