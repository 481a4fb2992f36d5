package vn.loa.channels.email;

import vn.loa.audit.AuditedChange;

/**
 * An editor put a bulletin's failed deliveries back in the queue.
 *
 * @param actor who did it
 * @param itemId the bulletin's item
 * @param count how many deliveries were queued again
 */
public record DeliveriesResent(String actor, String itemId, int count) implements AuditedChange {

	@Override
	public String action() {
		return "delivery.resend";
	}

	@Override
	public String subject() {
		return "content:" + this.itemId;
	}

	@Override
	public String before() {
		return "failed: " + this.count;
	}

	@Override
	public String after() {
		return "retrying: " + this.count;
	}

}
