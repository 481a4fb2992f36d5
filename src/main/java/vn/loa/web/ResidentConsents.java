package vn.loa.web;

import java.util.Locale;
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

	/**
	 * Confirms from the mailbox's link; the consent and its record commit together, and
	 * of two confirmations racing (a double click) only the one that made it is recorded.
	 */
	@Transactional
	Optional<Subscriber> confirm(long id) {
		return recorded("subscriber.confirm", this.subscribers.confirmOnce(id));
	}

	/** Withdraws consent; the withdrawal and its record commit together, once. */
	@Transactional
	Optional<Subscriber> unsubscribe(long id) {
		return recorded("subscriber.unsubscribe", this.subscribers.unsubscribeOnce(id));
	}

	private Optional<Subscriber> recorded(String action, Optional<Subscribers.Step> step) {
		step.filter(Subscribers.Step::changed)
			.ifPresent((done) -> this.audit.record(ACTOR, action, subject(done.subscriber()),
					done.subscriber().organisation() + ", " + done.before().name().toLowerCase(Locale.ROOT),
					describe(done.subscriber())));
		return step.map(Subscribers.Step::subscriber);
	}

	private static String subject(Subscriber subscriber) {
		return "subscriber:" + subscriber.id();
	}

	private static String describe(Subscriber subscriber) {
		return subscriber.organisation() + ", " + subscriber.status().name().toLowerCase(Locale.ROOT);
	}

}
