package vn.loa.publishing.events;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

import org.springframework.stereotype.Service;

/**
 * Whether this node is deciding items whose time has come. At 06:00 on 02/9 what must be
 * on time is the record of what went out, the feeds and the radio queues; bulletins are
 * drained at the link's rate anyway, so the e-mail senders make way while a burst is
 * being decided rather than taking the cores and the database's commits from it. Within
 * one node: another node's senders do not wait.
 */
@Service
public class PublishingActivity {

	private final AtomicInteger deciding = new AtomicInteger();

	/** Runs a decision, marked as in progress while it runs; its result. */
	public int deciding(IntSupplier decision) {
		this.deciding.incrementAndGet();
		try {
			return decision.getAsInt();
		}
		finally {
			this.deciding.decrementAndGet();
		}
	}

	/** Whether a decision is in progress on this node. */
	public boolean busy() {
		return this.deciding.get() > 0;
	}

	/**
	 * Waits while a decision is in progress, at most {@code patience}: a decision held up
	 * (by another node's lock, say) never stops the mail for longer.
	 */
	public void awaitQuiet(Duration patience) {
		long deadline = System.nanoTime() + patience.toNanos();
		while (busy() && System.nanoTime() < deadline) {
			LockSupport.parkNanos(this, Duration.ofMillis(20).toNanos());
		}
	}

}
