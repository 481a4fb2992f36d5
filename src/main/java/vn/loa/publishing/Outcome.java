package vn.loa.publishing;

/** What became of one item on one outlet when its time came. */
public enum Outcome {

	/** Went out at its time. */
	ON_TIME,

	/** Went out after its time but within the outlet's stale-after. */
	LATE,

	/** Its time passed beyond the outlet's stale-after: it did not go out. */
	MISSED,

	/**
	 * It went out, but the outlet had nowhere to take it: no station of its audience
	 * reads on radio, no mailbox of its audience is confirmed for e-mail, or its
	 * organisation was disabled or gone when it was due, so it had no audience at all.
	 */
	UNREACHED

}
