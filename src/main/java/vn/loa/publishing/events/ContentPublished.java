package vn.loa.publishing.events;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import vn.loa.content.Outlet;

/**
 * A content item went out: each listed outlet must now carry it to each organisation of
 * its audience. Announced once per item, in the transaction that records the publication
 * and its audience.
 *
 * @param itemId the content item's id
 * @param outlets the outlets it goes out on (missed outlets are not listed)
 * @param dueAt when it was scheduled to go out
 * @param publishedAt when it actually went out
 * @param late whether it went out after its time (Loa was down, or a trigger was lost)
 * @param audience the ids of the organisations it went out to, decided once when it went
 * out: its own organisation first, then those below it it was for
 */
public record ContentPublished(String itemId, Set<Outlet> outlets, Instant dueAt, Instant publishedAt, boolean late,
		List<String> audience) {

	public ContentPublished {
		outlets = Set.copyOf(outlets);
		// An event recorded before audiences existed has none: see audienceOr.
		audience = (audience != null) ? List.copyOf(audience) : List.of();
	}

	/**
	 * The audience, or {@code owner} alone for an event recorded before audiences were
	 * (it went out to the item's own organisation).
	 */
	public List<String> audienceOr(String owner) {
		return this.audience.isEmpty() ? List.of(owner) : this.audience;
	}

	public boolean includes(Outlet outlet) {
		return this.outlets.contains(outlet);
	}

}
