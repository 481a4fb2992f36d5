package vn.loa.publishing.events;

import java.time.Instant;
import java.util.Set;

import vn.loa.content.Outlet;

/**
 * A content item went out: each listed outlet must now carry it to each organisation of
 * its audience, which publishing recorded in the same transaction and
 * {@link PublishedAudiences} reads (the event carries ids, not the thousands of
 * organisations a national item reaches). Announced once per item.
 *
 * @param itemId the content item's id
 * @param outlets the outlets it goes out on (missed outlets are not listed)
 * @param dueAt when it was scheduled to go out
 * @param publishedAt when it actually went out
 * @param late whether it went out after its time (Loa was down, or a trigger was lost)
 */
public record ContentPublished(String itemId, Set<Outlet> outlets, Instant dueAt, Instant publishedAt, boolean late) {

	public boolean includes(Outlet outlet) {
		return this.outlets.contains(outlet);
	}

}
