package vn.loa.channels.email;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * When a sender renews its batch's lease: not after every message (that rewrote every row
 * of the batch each time), but once a quarter of the lease has passed since the claim or
 * the last renewal, so that a sender paused past its lease renews, and finds out, on
 * waking.
 */
class BatchLeaseTests {

	@Test
	void aFreshClaimNeedsNoRenewalUntilAQuarterOfTheLeaseHasPassed() throws Exception {
		BatchLease lease = new BatchLease("sender", 3, Duration.ofMillis(400), System.nanoTime());
		assertThat(lease.renewDue()).isFalse();
		lease.recorded(-1);
		Thread.sleep(150);
		assertThat(lease.renewDue()).isTrue();
		assertThat(lease.renewDue()).as("counted from the renewal just decided").isFalse();
		lease.recorded(2);
	}

	@Test
	void theQuarterCountsFromWhenTheClaimWasAskedForNotFromWhenSendingBegins() throws Exception {
		long claimedAt = System.nanoTime();
		Thread.sleep(150);
		assertThat(new BatchLease("sender", 3, Duration.ofMillis(400), claimedAt).renewDue()).isTrue();
	}

	@Test
	void aRenewalThatFindsRowsTakenOverStopsTheBatch() {
		BatchLease lease = new BatchLease("sender", 3, Duration.ZERO, System.nanoTime());
		assertThat(lease.renewDue()).isTrue();
		lease.recorded(3);
		assertThatExceptionOfType(BatchLease.Lost.class).isThrownBy(() -> lease.recorded(1))
			.withMessageContaining("another sender took them over");
	}

	@Test
	void aRenewalBetweenTwoMessagesThatFindsRowsTakenOverStopsBeforeTheNext() {
		BatchLease lease = new BatchLease("sender", 3, Duration.ZERO, System.nanoTime());
		lease.recorded(-1);
		lease.renewed(2);
		assertThatExceptionOfType(BatchLease.Lost.class).isThrownBy(() -> lease.renewed(1));
	}

}
