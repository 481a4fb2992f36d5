package vn.loa.accounts;

import java.time.Instant;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A desk user as the form login authenticated them, with the password version they logged
 * in with: when the account's password was last reset, as read while checking the
 * password. A session compares it with the account's current value, not with any clock.
 */
public final class DeskUser extends User {

	private static final long serialVersionUID = 1L;

	private final @Nullable Instant passwordChangedAt;

	DeskUser(String username, String password, boolean enabled, Collection<? extends GrantedAuthority> authorities,
			@Nullable Instant passwordChangedAt) {
		super(username, password, enabled, true, true, true, authorities);
		this.passwordChangedAt = passwordChangedAt;
	}

	/** When the password was last reset before this login, or {@code null}. */
	public @Nullable Instant passwordChangedAt() {
		return this.passwordChangedAt;
	}

}
