package vn.loa.content;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The lists and details the desk, the API and the command line read: items by status or
 * due time, an item's revision and people, and the desk's filtered pages.
 */
public interface ContentQueries extends ContentCatalog {

	/**
	 * How many writes to items this node has committed since it started: it moves once a
	 * transaction that changed an item commits, so a cache of what items say can tell it
	 * is out of date without a query.
	 */
	long localWrites();

	/** The table's {@link ContentStamp}, read now: one query. */
	ContentStamp stamp();

	/** Items in a status, by due time (unresolved last). */
	List<ContentItem> findByStatus(ContentStatus status);

	/** Items due at or after {@code from} and before {@code to}, by due time. */
	List<ContentItem> findDueBetween(Instant from, Instant to);

	/**
	 * The revision of an item's text: 1 when stored, raised by every change to what it
	 * says. Forms carry it so a step lands only on the version its author read.
	 */
	Optional<Integer> revision(String id);

	/** Who created, submitted and approved an item, as far as known. */
	Optional<ContentPeople> people(String id);

	/**
	 * One page of what the desk's list shows: items without a time first (they need one),
	 * then the latest due first; when {@code plan} is given, only the items that carry
	 * out that plan. Every filter runs in SQL.
	 * @param status only this status, or {@code null}
	 * @param outlet only items going to this outlet, or {@code null}
	 * @param from only items due at or after, or {@code null}
	 * @param to only items due before, or {@code null}
	 * @param plan only the items carrying out this plan, or {@code null}
	 * @param page from 1; past the last page, the last page
	 * @param size items per page
	 */
	default KeyPage page(@Nullable ContentStatus status, @Nullable Outlet outlet, @Nullable Instant from,
			@Nullable Instant to, @Nullable PlanScope plan, int page, int size) {
		return page(status, outlet, from, to, plan, null, page, size);
	}

	/**
	 * As {@link #page(ContentStatus, Outlet, Instant, Instant, PlanScope, int, int)},
	 * only items of {@code organisations} when not {@code null}.
	 */
	KeyPage page(@Nullable ContentStatus status, @Nullable Outlet outlet, @Nullable Instant from, @Nullable Instant to,
			@Nullable PlanScope plan, java.util.@Nullable Collection<String> organisations, int page, int size);

	/**
	 * A page of {@link ContentKey}s.
	 *
	 * @param keys the items of the page, in the list's order
	 * @param page its number, from 1
	 * @param pages how many pages there are, at least 1
	 * @param total how many items match
	 */
	record KeyPage(List<ContentKey> keys, int page, int pages, long total) {

	}

	/**
	 * An item as a list filters and orders it.
	 *
	 * @param id the item's id
	 * @param when its schedule as written
	 * @param dueAt when it is due, or {@code null}
	 * @param status where it is in its life
	 */
	record ContentKey(String id, String when, @Nullable Instant dueAt, ContentStatus status) {

	}

}
