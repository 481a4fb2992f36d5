package vn.loa.channels.email;

import org.jspecify.annotations.Nullable;
import java.time.Instant;

/**
 * One bulletin to one subscriber, as the API shows it.
 *
 * @param id the delivery's id (also in the message's {@code Message-ID})
 * @param itemId the content item sent
 * @param subscriberId the recipient's subscriber id
 * @param email the recipient's address, or {@code null} if the subscriber is gone
 * @param status where it stands
 * @param attempts how many times a sender tried it
 * @param lastReply the last SMTP reply (or error), if any
 * @param sentAt when the server accepted it, or {@code null}
 * @param nextAttemptAt when it is due (again)
 * @param lastAttemptAt when a sender last tried it, or {@code null} if none has; after
 * "resend failed" it is the moment the delivery was queued again, until the sender takes
 * it (within a poll interval)
 */
public record Delivery(long id, String itemId, long subscriberId, @Nullable String email, DeliveryStatus status,
		int attempts, @Nullable String lastReply, @Nullable Instant sentAt, @Nullable Instant nextAttemptAt,
		@Nullable Instant lastAttemptAt) {

}
