package vn.loa.organisations;

import org.jspecify.annotations.Nullable;

/**
 * Where a desk account or an API token may act: one organisation and every organisation
 * below it, or the whole installation. Whether a row is within a scope is asked of
 * {@link Organisations#covers(Scope, String)} at the time, so moving an organisation
 * moves what its parent's people may reach.
 *
 * @param organisation the organisation; {@code null} for the whole installation
 */
public record Scope(@Nullable String organisation) {

	/** The whole installation: every organisation, and rows of none. */
	public static final Scope EVERYWHERE = new Scope(null);

	/** The request attribute the security filters keep the caller's scope in. */
	public static final String ATTRIBUTE = Scope.class.getName();

	/**
	 * The scope of an account or token held in {@code organisation} (none: everywhere).
	 */
	public static Scope of(@Nullable String organisation) {
		return (organisation == null || organisation.isBlank()) ? EVERYWHERE : new Scope(organisation);
	}

	/** Whether this is the whole installation. */
	public boolean everywhere() {
		return this.organisation == null;
	}

	/**
	 * The organisation new rows of this caller belong to when they name none:
	 * {@code fallback} for the whole installation, else the scope's own organisation.
	 */
	public String organisationOr(String fallback) {
		return (this.organisation != null) ? this.organisation : fallback;
	}

}
