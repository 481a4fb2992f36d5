package vn.loa.channels.radio;

/** Where a radio entry is: waiting to be read, read on air, or passed over. */
public enum RadioStatus {

	/** Waiting in its slot. */
	QUEUED,

	/** Read on air. */
	AIRED,

	/** Passed over by the announcer. */
	SKIPPED

}
