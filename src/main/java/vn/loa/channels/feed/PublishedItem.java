package vn.loa.channels.feed;

import java.time.Instant;

import vn.loa.content.ContentItem;

/**
 * A content item the feed carries, with when it went out.
 *
 * @param item the item
 * @param publishedAt when it went out
 */
public record PublishedItem(ContentItem item, Instant publishedAt) {

}
