package vn.loa.web;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.accounts.AuditLog;
import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;

/**
 * What residents do with their own subscription on the public pages, written to the audit
 * log as evidence of consent: that someone asked for the bulletin, confirmed it from
 * their mailbox, or withdrew. The actor is {@code resident}; the entry names the
 * subscriber by id and never holds the address.
 */
@Component
class ResidentConsents {

	static final String ACTOR = "resident";

	private final Subscribers subscribers;

	private final AuditLog audit;

	ResidentConsents(Subscribers subscribers, AuditLog audit) {
		this.subscribers = subscribers;
		this.audit = audit;
	}

	/**
	 * Someone asks for the bulletin on the public form; a pending subscriber is asked to
	 * confirm, and that request is recorded in the same transaction.
	 */
	@Transactional
	Subscriber signUp(String email, String name) {
		Subscriber subscriber = this.subscribers.signUp(email, name);
		if (subscriber.status() == SubscriberStatus.PENDING) {
			this.audit.record(ACTOR, "subscriber.sign-up", subject(subscriber), null, describe(subscriber));
		}
		return subscriber;
	}

	/** Confirms from the mailbox's link; the consent and its record commit together. */
	@Transactional
	Optional<Subscriber> confirm(long id) {
		Optional<Subscriber> before = this.subscribers.find(id);
		Optional<Subscriber> after = this.subscribers.confirm(id);
		after.ifPresent((subscriber) -> changed("subscriber.confirm", before.orElse(null), subscriber));
		return after;
	}

	/** Withdraws consent; the withdrawal and its record commit together. */
	@Transactional
	Optional<Subscriber> unsubscribe(long id) {
		Optional<Subscriber> before = this.subscribers.find(id);
		Optional<Subscriber> after = this.subscribers.unsubscribe(id);
		after.ifPresent((subscriber) -> changed("subscriber.unsubscribe", before.orElse(null), subscriber));
		return after;
	}

	/** A resident's step, recorded only when it changed the subscriber's status. */
	private void changed(String action, Subscriber before, Subscriber after) {
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
