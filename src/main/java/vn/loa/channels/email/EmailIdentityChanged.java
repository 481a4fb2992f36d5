package vn.loa.channels.email;

import org.jspecify.annotations.Nullable;

import vn.loa.audit.AuditedChange;

/**
 * An organisation's e-mail identity (From, Reply-To) was set or removed.
 *
 * @param actor who changed it
 * @param organisation whose identity
 * @param was what it was, or {@code null} for the configured sender
 * @param now what it is
 */
public record EmailIdentityChanged(String actor, String organisation, @Nullable String was,
		String now) implements AuditedChange {

	@Override
	public String action() {
		return "email-identity.changed";
	}

	@Override
	public String subject() {
		return "organisation:" + this.organisation;
	}

	@Override
	public @Nullable String before() {
		return this.was;
	}

	@Override
	public String after() {
		return this.now;
	}

}
