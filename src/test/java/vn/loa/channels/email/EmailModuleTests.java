package vn.loa.channels.email;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import vn.loa.content.ContentCatalog;
import vn.loa.content.ContentFixtures;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.Outlet;
import vn.loa.publishing.events.ContentPublished;
import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-mail channel with the modules it needs (content and the calendar behind it), and
 * nothing else: an item that went out by e-mail becomes one delivery for each confirmed
 * subscriber of its organisation, and none for a pending or unsubscribed one.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:email-module;DB_CLOSE_DELAY=-1",
		"spring.quartz.auto-startup=false", "loa.scheduling.enabled=false" })
class EmailModuleTests {

	private static final Instant AT = Instant.parse("2025-09-01T23:00:00Z");

	@Autowired
	BulletinDeliveries deliveries;

	@Autowired
	Subscribers subscribers;

	@Autowired
	ContentCatalog contents;

	@Test
	void aBulletinIsOneDeliveryForEachConfirmedSubscriber(Scenario scenario) {
		ContentFixtures.store(this.contents,
				new ContentItem("email-module-quoc-khanh", "default", "Mừng Quốc khánh 2/9", "", "Nội dung.", null,
						Set.of(Outlet.EMAIL), "api", AT, Map.of(), ContentStatus.PUBLISHED, "api", AT));
		Subscriber lan = this.subscribers.add("default", "lan@example.vn", "Lan", SubscriberStatus.CONFIRMED, "test");
		Subscriber hai = this.subscribers.add("default", "hai@example.vn", "Hải", SubscriberStatus.CONFIRMED, "test");
		this.subscribers.add("default", "cho@example.vn", null, SubscriberStatus.PENDING, "test");
		Subscriber left = this.subscribers.add("default", "thoi@example.vn", null, SubscriberStatus.CONFIRMED, "test");
		this.subscribers.unsubscribe(left.id(), Subscribers.RESIDENT);

		scenario.publish(new ContentPublished("email-module-quoc-khanh", Set.of(Outlet.EMAIL), AT, AT, false))
			.andWaitForStateChange(() -> this.deliveries.forItem("email-module-quoc-khanh"),
					(found) -> found.size() >= 2)
			.andVerify((found) -> assertThat(found).extracting(Delivery::subscriberId)
				.containsExactlyInAnyOrder(lan.id(), hai.id()));
	}

}
