package vn.loa.channels.email;

/**
 * Watches one claimed batch as its messages are recorded one by one. A sender paused past
 * its lease (a stopped process, a long garbage collection, a virtual machine frozen)
 * finds on waking that another sender took its rows over and has sent, or is sending,
 * them: it must stop there, having sent at most the message that was in flight, not carry
 * on through a batch that is no longer its own.
 */
final class BatchLease {

	private final String owner;

	private final long quietNanos;

	private long renewedAt;

	private int unrecorded;

	/**
	 * @param lease how long a claim or a renewal holds the rows; renewing again within a
	 * quarter of it is not needed, since nobody can take rows over before it runs out
	 * @param claimedAt when the claim was asked for, by {@link System#nanoTime()}
	 */
	BatchLease(String owner, int messages, java.time.Duration lease, long claimedAt) {
		this.owner = owner;
		this.unrecorded = messages;
		this.quietNanos = lease.toNanos() / 4;
		this.renewedAt = claimedAt;
	}

	/**
	 * Whether the next record should renew the lease (and count the rows still held): a
	 * quarter of the lease has passed since the claim or the last renewal, by the
	 * monotonic clock, so a sender paused past its lease always renews, and finds out, on
	 * waking. Renewing after every message rewrote every row of the batch each time.
	 */
	boolean renewDue() {
		long now = System.nanoTime();
		if (now - this.renewedAt < this.quietNanos) {
			return false;
		}
		// From now: the renewal that follows sets the rows' lease no earlier.
		this.renewedAt = now;
		return true;
	}

	/**
	 * Called after a renewal between two messages with how many rows the batch still
	 * held: a record that waited (a database restarting, a pause) may have outlasted the
	 * lease, and the next message must not go out if another sender has the rows now.
	 * @throws Lost when some of the rows not yet recorded belong to another sender now
	 */
	void renewed(int held) {
		if (held < this.unrecorded) {
			throw new Lost(this.owner, held, this.unrecorded);
		}
	}

	/**
	 * Called after each message is recorded with how many rows the batch still held just
	 * before (the recorded one included), or a negative number when the record did not
	 * renew the lease.
	 * @throws Lost when some of the rows not yet recorded belong to another sender now
	 */
	void recorded(int held) {
		if (held < 0) {
			this.unrecorded--;
			return;
		}
		if (held < this.unrecorded--) {
			throw new Lost(this.owner, held, this.unrecorded + 1);
		}
	}

	/** The batch was taken over; what this sender has not yet sent is the new owner's. */
	static final class Lost extends RuntimeException {

		Lost(String owner, int held, int unrecorded) {
			super("Batch " + owner + " holds " + held + " of the " + unrecorded
					+ " rows it has not recorded yet: another sender took them over after its lease ran out", null,
					false, false);
		}

	}

}
