package vn.loa.accounts;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.Set;

/**
 * A desk user, without the password hash.
 *
 * @param username the login name, lower case
 * @param displayName the name shown on the desk
 * @param roles what the user may do
 * @param enabled whether the user may log in
 * @param createdAt when the account was created
 * @param updatedAt when it last changed
 * @param passwordChangedAt when its password was last reset; {@code null} if never since
 * it was created
 * @param organisation the organisation its roles are held in, reaching every organisation
 * below it; {@code null} for the whole installation
 */
public record Account(String username, String displayName, Set<Role> roles, boolean enabled, Instant createdAt,
		Instant updatedAt, @Nullable Instant passwordChangedAt, @Nullable String organisation) {

	/** An account of the whole installation. */
	public Account(String username, String displayName, Set<Role> roles, boolean enabled, Instant createdAt,
			Instant updatedAt, @Nullable Instant passwordChangedAt) {
		this(username, displayName, roles, enabled, createdAt, updatedAt, passwordChangedAt, null);
	}

	/** Whether the account holds {@code role}. */
	public boolean has(Role role) {
		return this.roles.contains(role);
	}

}
