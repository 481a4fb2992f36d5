package vn.loa.channels.email;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What became of an item's email bulletins, recipient by recipient. */
@RestController
class DeliveryApiController {

	private final BulletinDeliveries deliveries;

	DeliveryApiController(BulletinDeliveries deliveries) {
		this.deliveries = deliveries;
	}

	@GetMapping("/api/deliveries")
	List<Delivery> forItem(@RequestParam("item") String itemId) {
		return this.deliveries.forItem(itemId);
	}

}
