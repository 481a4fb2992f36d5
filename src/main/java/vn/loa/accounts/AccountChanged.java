package vn.loa.accounts;

import org.jspecify.annotations.Nullable;

import vn.loa.audit.AuditedChange;

/**
 * An account was created, changed, disabled, enabled or given a new password.
 *
 * @param actor who did it
 * @param action {@code account.create}, {@code account.update}, {@code account.disable},
 * {@code account.enable} or {@code account.password}
 * @param username the account
 * @param before the account before, as JSON without any password; {@code null} if new
 * @param after the account after, as {@code before}
 */
public record AccountChanged(String actor, String action, String username, @Nullable String before,
		@Nullable String after) implements AuditedChange {

	@Override
	public String subject() {
		return "account:" + this.username;
	}

}
