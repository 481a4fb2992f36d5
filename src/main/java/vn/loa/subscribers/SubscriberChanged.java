package vn.loa.subscribers;

import org.jspecify.annotations.Nullable;

import vn.loa.audit.AuditedChange;

/**
 * A subscriber was added, signed up, confirmed or unsubscribed, or a list of them was
 * imported: the evidence of consent. It names the subscriber by id and never holds the
 * address.
 *
 * @param actor who did it: {@code resident} for what residents do themselves
 * @param action {@code subscriber.add}, {@code subscriber.sign-up},
 * {@code subscriber.confirm}, {@code subscriber.unsubscribe} or {@code subscriber.import}
 * @param subject {@code subscriber:ID}, or {@code subscribers} for an import
 * @param before organisation and status before, {@code null} if new
 * @param after organisation and status after, or what an import did
 */
public record SubscriberChanged(String actor, String action, String subject, @Nullable String before,
		@Nullable String after) implements AuditedChange {

	SubscriberChanged(String actor, String action, long id, @Nullable String before, @Nullable String after) {
		this(actor, action, "subscriber:" + id, before, after);
	}

}
