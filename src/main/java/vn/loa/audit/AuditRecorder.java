package vn.loa.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every {@link AuditedChange} into the audit log as it is published: a plain
 * listener, so the record joins the transaction of the change it describes.
 */
@Component
class AuditRecorder {

	private final AuditLog log;

	AuditRecorder(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void on(AuditedChange change) {
		this.log.record(change.actor(), change.action(), change.subject(), change.before(), change.after());
	}

}
