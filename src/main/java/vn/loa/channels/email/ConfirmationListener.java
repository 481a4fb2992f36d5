package vn.loa.channels.email;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.loa.subscribers.ConfirmationRequested;
import vn.loa.transactions.AfterCommit;

/**
 * Queues the confirmation mail of a sign-up in the sign-up's own transaction (a plain
 * listener runs on the publisher's thread and joins it), so the mail is stored exactly
 * when the pending subscriber is; wakes the sender once both are committed.
 */
@Component
class ConfirmationListener {

	private final ConfirmationOutbox outbox;

	private final BulletinSender sender;

	ConfirmationListener(ConfirmationOutbox outbox, BulletinSender sender) {
		this.outbox = outbox;
		this.sender = sender;
	}

	@EventListener
	void on(ConfirmationRequested event) {
		if (this.outbox.queue(event.subscriberId())) {
			AfterCommit.run(this.sender::wakeUp);
		}
	}

}
