package vn.loa.channels.email;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.loa.retention.RetentionDue;
import vn.loa.retention.RetentionProperties;

/**
 * Deletes confirmation mails that are done with once their retention
 * ({@code loa.retention.confirmation-mails}) has passed. Bulletin deliveries are kept:
 * they are the record of who was sent what.
 */
@Component
class ConfirmationMailRetention {

	static final String PRUNED = "confirmation mails";

	private final ConfirmationOutbox outbox;

	private final RetentionProperties retention;

	ConfirmationMailRetention(ConfirmationOutbox outbox, RetentionProperties retention) {
		this.outbox = outbox;
		this.retention = retention;
	}

	@EventListener
	void on(RetentionDue due) {
		due.prune(PRUNED, () -> this.outbox.prune(due.before(this.retention.confirmationMails())));
	}

}
