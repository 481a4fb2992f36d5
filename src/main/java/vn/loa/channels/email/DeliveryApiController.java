package vn.loa.channels.email;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

import vn.loa.content.ContentCatalog;
import vn.loa.organisations.Organisations;
import vn.loa.organisations.Scope;

/** What became of an item's email bulletins, recipient by recipient. */
@RestController
class DeliveryApiController {

	private final BulletinDeliveries deliveries;

	private final ContentCatalog contents;

	private final Organisations organisations;

	DeliveryApiController(BulletinDeliveries deliveries, ContentCatalog contents, Organisations organisations) {
		this.deliveries = deliveries;
		this.contents = contents;
		this.organisations = organisations;
	}

	/**
	 * One item's deliveries; an item outside the caller's organisation has none to show.
	 * The whole installation sees them even when the item has since been deleted.
	 */
	@GetMapping("/api/deliveries")
	List<Delivery> forItem(@RequestParam("item") String itemId, Scope scope) {
		if (!scope.everywhere() && this.contents.find(itemId)
			.filter((item) -> this.organisations.covers(scope, item.organisation()))
			.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return this.deliveries.forItem(itemId);
	}

}
