package vn.loa.channels.email;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.loa.content.ContentCatalog;
import vn.loa.organisations.Organisations;
import vn.loa.organisations.Scope;

/**
 * Deliveries as a caller of one scope sees them: every one for the whole installation,
 * else those to the subscribers of its organisation and the ones below, so a commune sees
 * its residents' copies of a province's bulletin and nothing of a sibling's.
 */
@Component
class ScopedDeliveries {

	private final BulletinDeliveries deliveries;

	private final ContentCatalog contents;

	private final Organisations organisations;

	ScopedDeliveries(BulletinDeliveries deliveries, ContentCatalog contents, Organisations organisations) {
		this.deliveries = deliveries;
		this.contents = contents;
		this.organisations = organisations;
	}

	/** The organisations whose subscribers {@code scope} sees; {@code null}: all. */
	@Nullable List<String> reach(Scope scope) {
		return this.organisations.reach(scope);
	}

	/**
	 * One item's deliveries {@code scope} sees (for the whole installation, even when the
	 * item has since been deleted); an item of another organisation with none of them is
	 * not found.
	 */
	List<Delivery> forItem(Scope scope, String itemId) {
		List<Delivery> found = this.deliveries.forItem(itemId, reach(scope));
		if (found.isEmpty() && !scope.everywhere()
				&& this.contents.find(itemId)
					.filter((item) -> this.organisations.covers(scope, item.organisation()))
					.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no item " + itemId);
		}
		return found;
	}

}
