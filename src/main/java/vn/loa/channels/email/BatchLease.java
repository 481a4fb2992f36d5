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

	private int unrecorded;

	BatchLease(String owner, int messages) {
		this.owner = owner;
		this.unrecorded = messages;
	}

	/**
	 * Called after each message is recorded with how many rows the batch still held just
	 * before (the recorded one included).
	 * @throws Lost when some of the rows not yet recorded belong to another sender now
	 */
	void recorded(int held) {
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
