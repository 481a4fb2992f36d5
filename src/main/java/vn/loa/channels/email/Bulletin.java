package vn.loa.channels.email;

import org.jspecify.annotations.Nullable;
import java.time.Instant;

/**
 * One item's email bulletin as a whole: when it was queued and how its deliveries stand.
 *
 * @param itemId the content item sent
 * @param queuedAt when its first deliveries were queued, which is when the item went out
 * by email
 * @param sent deliveries accepted by the mail server
 * @param retrying deliveries that failed for now and will be tried again
 * @param pending deliveries not tried yet or being sent right now
 * @param failed deliveries refused for good or out of attempts
 * @param cancelled deliveries dropped because the recipient left or the item vanished
 */
public record Bulletin(String itemId, @Nullable Instant queuedAt, int sent, int retrying, int pending, int failed,
		int cancelled) {

}
