package vn.loa.channels.email;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.loa.subscribers.ConfirmationRequested;

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
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					ConfirmationListener.this.sender.wakeUp();
				}

			});
		}
	}

}
