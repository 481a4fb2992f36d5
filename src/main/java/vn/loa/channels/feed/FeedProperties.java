package vn.loa.channels.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the feeds describe themselves and how many items they carry.
 *
 * @param title the feed title readers show
 * @param description one line under the title
 * @param size how many of the newest items the feeds carry
 * @param checkInterval how often a node looks whether another node changed the feeds (one
 * small query, never one per request); zero looks on every read
 */
@ConfigurationProperties("loa.feed")
record FeedProperties(@DefaultValue("Loa — Tin tuyên truyền") String title,
		@DefaultValue("Tin bài tuyên truyền đã đăng của đơn vị") String description, @DefaultValue("50") int size,
		@DefaultValue("1s") Duration checkInterval) {

	FeedProperties {
		if (size < 1) {
			throw new IllegalArgumentException("loa.feed.size must be at least 1, was " + size);
		}
		if (checkInterval.isNegative()) {
			throw new IllegalArgumentException("loa.feed.check-interval must not be negative, was " + checkInterval);
		}
	}

}
