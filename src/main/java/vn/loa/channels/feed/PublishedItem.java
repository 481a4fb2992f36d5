package vn.loa.channels.feed;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.loa.content.ContentCorrection;
import vn.loa.content.ContentItem;

/**
 * A content item the feed carries, with when it went out and how it was corrected since.
 *
 * @param item the item, as it reads now
 * @param publishedAt when it went out
 * @param corrections its applied corrections, the first first
 */
public record PublishedItem(ContentItem item, Instant publishedAt, List<ContentCorrection> corrections) {

	public PublishedItem {
		corrections = List.copyOf(corrections);
	}

	/** An item never corrected. */
	public PublishedItem(ContentItem item, Instant publishedAt) {
		this(item, publishedAt, List.of());
	}

	/** When it last changed: its last correction, else when it went out. */
	public Instant updatedAt() {
		for (int i = this.corrections.size() - 1; i >= 0; i--) {
			@Nullable Instant decided = this.corrections.get(i).decidedAt();
			if (decided != null) {
				return decided;
			}
		}
		return this.publishedAt;
	}

	/** Its corrections, the latest first, as the item's page and the feeds list them. */
	public List<ContentCorrection> latestFirst() {
		List<ContentCorrection> latestFirst = new java.util.ArrayList<>(this.corrections);
		java.util.Collections.reverse(latestFirst);
		return latestFirst;
	}

}
