package vn.loa.channels.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the feeds describe themselves and how many items they carry.
 *
 * @param title the feed title readers show
 * @param description one line under the title
 * @param size how many of the newest items the feeds carry
 */
@ConfigurationProperties("loa.feed")
record FeedProperties(@DefaultValue("Loa — Tin tuyên truyền") String title,
		@DefaultValue("Tin bài tuyên truyền đã đăng của đơn vị") String description, @DefaultValue("50") int size) {

	FeedProperties {
		if (size < 1) {
			throw new IllegalArgumentException("loa.feed.size must be at least 1, was " + size);
		}
	}

}
