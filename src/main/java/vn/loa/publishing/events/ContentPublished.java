package vn.loa.publishing.events;

import java.time.Instant;
import java.util.Set;

import vn.loa.content.Outlet;

/**
 * A content item went out: each listed outlet must now carry it. Announced once per item,
 * in the transaction that records the publication.
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
