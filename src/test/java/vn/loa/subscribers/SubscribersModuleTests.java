package vn.loa.subscribers;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscribers module on its own (with only what it declares it needs): a resident's
 * sign-up asks for a confirmation mail and is recorded as consent evidence without the
 * address; confirming announces once, however often the link is followed.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:subscribers-module;DB_CLOSE_DELAY=-1",
		"spring.quartz.auto-startup=false", "loa.scheduling.enabled=false" })
class SubscribersModuleTests {

	@Autowired
	Subscribers subscribers;

	@Test
	void aSignUpAsksForConfirmationAndIsRecordedWithoutTheAddress(Scenario scenario) {
		scenario.stimulate(() -> this.subscribers.signUp("lan.nguyen@example.vn", "Nguyễn Thị Lan"))
			.andWaitForEventOfType(SubscriberChanged.class)
			.toArriveAndVerify((changed, subscriber) -> {
				assertThat(changed.actor()).isEqualTo(Subscribers.RESIDENT);
				assertThat(changed.action()).isEqualTo("subscriber.sign-up");
				assertThat(changed.subject()).isEqualTo("subscriber:" + subscriber.id());
				assertThat(changed.toString()).doesNotContain("lan.nguyen");
				assertThat(subscriber.status()).isEqualTo(SubscriberStatus.PENDING);
			});
	}

	@Test
	void confirmingTwiceAnnouncesOnce(Scenario scenario) {
		Subscriber pending = this.subscribers.signUp("hai.tran@example.vn", null);

		scenario.stimulate(() -> {
			this.subscribers.confirm(pending.id(), Subscribers.RESIDENT);
			return this.subscribers.confirm(pending.id(), Subscribers.RESIDENT).orElseThrow();
		})
			.andWaitForEventOfType(SubscriberChanged.class)
			.matching((changed) -> changed.action().equals("subscriber.confirm"))
			.toArriveAndVerify((changed, confirmed) -> {
				assertThat(confirmed.status()).isEqualTo(SubscriberStatus.CONFIRMED);
				assertThat(changed.subject()).isEqualTo("subscriber:" + pending.id());
			});
	}

}
