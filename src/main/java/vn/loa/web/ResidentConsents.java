package vn.loa.web;

import java.util.Locale;
import java.util.Objects;

import org.springframework.stereotype.Component;

import vn.loa.accounts.AuditLog;
import vn.loa.subscribers.Subscriber;

/**
 * What residents do with their own subscription on the public pages, written to the audit
 * log as evidence of consent: that someone asked for the bulletin, confirmed it from
 * their mailbox, or withdrew. The actor is {@code resident}; the entry names the
 * subscriber by id and never holds the address.
 */
@Component
class ResidentConsents {

	static final String ACTOR = "resident";

	private final AuditLog audit;

	ResidentConsents(AuditLog audit) {
		this.audit = audit;
	}

	/** A pending subscriber was asked, at their request, to confirm. */
	void asked(Subscriber subscriber) {
		this.audit.record(ACTOR, "subscriber.sign-up", subject(subscriber), null, describe(subscriber));
	}

	/** A resident's step, recorded only when it changed the subscriber's status. */
	void changed(String action, Subscriber before, Subscriber after) {
		if (before != null && Objects.equals(before.status(), after.status())) {
			return;
		}
		this.audit.record(ACTOR, action, subject(after), (before != null) ? describe(before) : null, describe(after));
	}

	private static String subject(Subscriber subscriber) {
		return "subscriber:" + subscriber.id();
	}

	private static String describe(Subscriber subscriber) {
		return subscriber.organisation() + ", " + subscriber.status().name().toLowerCase(Locale.ROOT);
	}

}
