package vn.loa.channels.feed;

import java.time.Instant;

/**
 * Why the feeds could not be built as they should, and since when; the feeds meanwhile
 * serve the last good bytes.
 *
 * @param at when it last happened
 * @param message what happened, in English (it is also logged)
 */
public record FeedProblem(Instant at, String message) {

}
