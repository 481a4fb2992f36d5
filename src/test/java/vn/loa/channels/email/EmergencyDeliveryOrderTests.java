package vn.loa.channels.email;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;
import vn.loa.web.DeskTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An emergency bulletin's deliveries go ahead of every bulletin already waiting: the
 * senders claim the earliest due rows first, and an emergency's are due before anything
 * else.
 */
@DeskTest
class EmergencyDeliveryOrderTests {

	@Autowired
	BulletinDeliveries deliveries;

	@Autowired
	Subscribers subscribers;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anEmergencyBulletinsDeliveriesAreClaimedBeforeEveryQueuedBulletin() {
		for (int i = 0; i < 5; i++) {
			this.subscribers.add("default", "hang-doi-" + i + "@example.vn", "Người nhận " + i,
					SubscriberStatus.CONFIRMED, "api");
		}
		this.deliveries.enqueueAll(Map.of("ban-tin-dang-cho", List.of("default")));
		this.deliveries.enqueueAll(Map.of("khan-cap-xep-sau", List.of("default")), Set.of("khan-cap-xep-sau"));
		int waiting = count("ban-tin-dang-cho");
		int urgent = count("khan-cap-xep-sau");
		assertThat(waiting).isGreaterThanOrEqualTo(5);
		assertThat(urgent).isEqualTo(waiting);
		try {
			List<BulletinDeliveries.Claimed> first = this.deliveries.claim("thu-tu-khan-cap", urgent);
			assertThat(first).hasSize(urgent)
				.extracting(BulletinDeliveries.Claimed::itemId)
				.containsOnly("khan-cap-xep-sau");
		}
		finally {
			this.jdbc.update("DELETE FROM bulletin_delivery WHERE item_id IN ('ban-tin-dang-cho', 'khan-cap-xep-sau')");
		}
	}

	private int count(String item) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM bulletin_delivery WHERE item_id = ?", Integer.class,
				item);
	}

}
