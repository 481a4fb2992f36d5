package vn.loa.content;

import java.time.Instant;

/**
 * A content item was given a time to go out, or its time changed.
 *
 * @param itemId the item's id
 * @param dueAt when it is due
 */
public record ContentScheduled(String itemId, Instant dueAt) {

}
