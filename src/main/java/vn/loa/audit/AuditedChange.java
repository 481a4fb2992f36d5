package vn.loa.audit;

import org.jspecify.annotations.Nullable;

/**
 * A past-tense domain event that the audit log records: a module's event (an item
 * approved, a subscriber confirmed, a plan removed, an account disabled) implements it to
 * say who did it and what changed. Published inside the change's transaction, it is
 * recorded in that transaction: the change and its record commit, or fail, together.
 */
public interface AuditedChange {

	/**
	 * Who did it: a username, {@code api} for the bearer token, {@code cli},
	 * {@code resident}.
	 */
	String actor();

	/**
	 * What was done, {@code module.verb}: {@code content.approve},
	 * {@code subscriber.confirm}.
	 */
	String action();

	/** What it was done to, {@code kind:id}: {@code content:quoc-khanh-2025}. */
	String subject();

	/**
	 * The state before, JSON or a short text, without personal data; {@code null} if
	 * none.
	 */
	@Nullable String before();

	/** The state after, as {@link #before()}; {@code null} if none. */
	@Nullable String after();

}
