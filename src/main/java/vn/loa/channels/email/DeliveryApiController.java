package vn.loa.channels.email;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.loa.organisations.Scope;

/** What became of an item's email bulletins, recipient by recipient. */
@RestController
class DeliveryApiController {

	private final ScopedDeliveries deliveries;

	DeliveryApiController(ScopedDeliveries deliveries) {
		this.deliveries = deliveries;
	}

	/**
	 * One item's deliveries as the caller sees them (see {@link ScopedDeliveries}).
	 */
	@GetMapping("/api/deliveries")
	List<Delivery> forItem(@RequestParam("item") String itemId, Scope scope) {
		return this.deliveries.forItem(scope, itemId);
	}

}
