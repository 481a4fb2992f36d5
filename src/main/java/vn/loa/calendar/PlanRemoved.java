package vn.loa.calendar;

import org.jspecify.annotations.Nullable;

import vn.loa.audit.AuditedChange;

/**
 * A plan confirmed at run time was removed from the database. The event keeps the plan as
 * it was, so that the audit log can give back what was removed.
 *
 * @param actor who removed it
 * @param removed the stored plan as it was
 * @param shippedComesBack whether a {@code calendar/} file plan of that id takes its
 * place
 */
public record PlanRemoved(String actor, StoredPlan removed, boolean shippedComesBack) implements AuditedChange {

	@Override
	public String action() {
		return "plan.remove";
	}

	@Override
	public String subject() {
		return "plan:" + this.removed.planId();
	}

	@Override
	public String before() {
		return "plan " + this.removed.planId() + " version " + this.removed.version() + ", stored by "
				+ this.removed.storedBy() + " at " + this.removed.storedAt() + "\n" + this.removed.yaml();
	}

	@Override
	public @Nullable String after() {
		return this.shippedComesBack ? "the calendar/ file plan " + this.removed.planId() + " is back" : null;
	}

}
