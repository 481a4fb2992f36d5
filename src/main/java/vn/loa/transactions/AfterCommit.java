package vn.loa.transactions;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work once the current transaction has committed (waking a sender, signalling
 * Quartz, reading the calendar again), so that it sees what the transaction wrote and
 * never acts on what a rollback undoes; outside a transaction, at once.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	/** Runs {@code work} after the current transaction commits, or now without one. */
	public static void run(Runnable work) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			work.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				work.run();
			}

		});
	}

}
