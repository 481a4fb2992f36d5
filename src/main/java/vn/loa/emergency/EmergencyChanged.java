package vn.loa.emergency;

import org.jspecify.annotations.Nullable;

import vn.loa.audit.AuditedChange;

/**
 * An emergency bulletin issued, asked for, approved, refused or withdrawn, as the audit
 * log records it.
 *
 * @param actor who did it
 * @param action {@code emergency.issue}, {@code emergency.request},
 * {@code emergency.approve}, {@code emergency.refuse} or {@code emergency.withdraw}
 * @param id the bulletin
 * @param before its status before, or {@code null}
 * @param after what it is now: status, organisation, audience, outlets and terms
 */
public record EmergencyChanged(String actor, String action, String id, @Nullable String before,
		@Nullable String after) implements AuditedChange {

	@Override
	public String subject() {
		return "emergency:" + this.id;
	}

}
