package vn.loa.content;

import java.util.Locale;

/** Where a content item is in its life. */
public enum ContentStatus {

	/** Being written; not scheduled. */
	DRAFT,

	/** Written, waiting for an approver's review. */
	SUBMITTED,

	/** Approved, but without a time yet. */
	APPROVED,

	/** Waiting for its time. */
	SCHEDULED,

	/** Went out on time on every outlet. */
	PUBLISHED,

	/**
	 * Went out after its time on at least one outlet (Loa was down, or a trigger was
	 * lost).
	 */
	LATE,

	/** Its time passed beyond every outlet's stale-after: it never went out. */
	MISSED,

	/** Taken back before it went out. */
	WITHDRAWN,
	/**
	 * Kept as a record of what was said (a year's content, shipped as an example): never
	 * sent, so never late or missed. Set in a content file ({@code status: archived}).
	 */
	ARCHIVED;

	/** Whether the item has already been decided on (published, late or missed). */
	public boolean hasGoneOut() {
		return this == PUBLISHED || this == LATE || this == MISSED;
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ContentStatus parse(String text) {
		return valueOf(text.trim().toUpperCase(Locale.ROOT));
	}

}
