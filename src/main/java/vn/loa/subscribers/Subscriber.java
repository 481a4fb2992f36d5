package vn.loa.subscribers;

import java.time.Instant;

/**
 * Someone who receives an organisation's email bulletins.
 *
 * @param id database id
 * @param organisation the organisation whose bulletins they receive
 * @param email address, as given
 * @param name display name, may be empty
 * @param status where their consent stands
 * @param createdAt when they were added
 * @param updatedAt last change of status
 */
public record Subscriber(long id, String organisation, String email, String name, SubscriberStatus status,
		Instant createdAt, Instant updatedAt) {

	public boolean isConfirmed() {
		return this.status == SubscriberStatus.CONFIRMED;
	}

}
