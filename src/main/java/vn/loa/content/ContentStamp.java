package vn.loa.content;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the items table looks like from outside, in one cheap query: how many items and
 * when the last one changed. Another node's write moves it (items are never deleted), so
 * a cache of what items say compares this instead of reading them again.
 *
 * @param items how many items are stored
 * @param lastChange the newest {@code updated_at}, {@code null} when there are none
 */
public record ContentStamp(long items, @Nullable Instant lastChange) {

}
