package vn.loa.publishing.events;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import vn.loa.content.Outlet;

/**
 * Several items went out together, on the same outlets, due at the same time and decided
 * at the same moment: what publishing announces when items fall due at once (every
 * commune's at 06:00 on 02/9), so that each outlet handles a hundred of them in one
 * transaction with batched statements, instead of one event, one stored event record and
 * three commits per item and outlet. Each item means exactly what a
 * {@link ContentPublished} on its own would ({@link #items()}).
 *
 * @param itemIds the items, each once, in the order they were decided
 * @param outlets the outlets they go out on
 * @param dueAt when they were scheduled to go out
 * @param publishedAt when they actually went out
 * @param late whether they went out after their time
 */
public record ItemsPublished(List<String> itemIds, Set<Outlet> outlets, Instant dueAt, Instant publishedAt,
		boolean late) {

	/**
	 * What an event may take of Spring Modulith's stored record, which holds at most
	 * 4,000 characters on H2 (an indexed column), with room for the rest of the event.
	 */
	public static final int MAX_IDS_LENGTH = 3200;

	public ItemsPublished {
		itemIds = List.copyOf(itemIds);
		outlets = Set.copyOf(outlets);
	}

	/** Each item as the event it would have had on its own. */
	public List<ContentPublished> items() {
		return this.itemIds.stream()
			.map((id) -> new ContentPublished(id, this.outlets, this.dueAt, this.publishedAt, this.late))
			.toList();
	}

	/**
	 * The length an item takes in the stored event: its id quoted, escaped at worst, and
	 * a comma.
	 */
	public static int storedLength(String itemId) {
		return 2 * itemId.length() + 3;
	}

}
