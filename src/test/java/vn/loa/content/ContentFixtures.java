package vn.loa.content;

/**
 * Puts items in the store as a test's starting point, in any status (published, late,
 * missed), which the workflow rightly never lets a caller write directly.
 */
public final class ContentFixtures {

	private ContentFixtures() {
	}

	/** Stores {@code item} as it is; returns whether anything changed. */
	public static boolean store(ContentCatalog store, ContentItem item) {
		return ((ContentStore) store).save(item);
	}

	/** Withdraws an item without an actor, as if it had been withdrawn long ago. */
	public static boolean withdraw(ContentCatalog store, String id) {
		return ((ContentStore) store).withdraw(id);
	}

}
