package vn.loa.channels.email;

/** Where one bulletin to one subscriber stands. */
public enum DeliveryStatus {

	/** Waiting for the sender. */
	QUEUED,

	/** Claimed by a sender, which is sending it now. */
	SENDING,

	/** Accepted by the SMTP server (or written to the outbox folder). */
	SENT,

	/** Failed for now (4xx reply or no connection); tried again later. */
	RETRYING,

	/** Refused for good (5xx reply), or still failing after the last attempt. */
	FAILED,

	/** Not sent: the subscriber left or the item vanished before its turn. */
	CANCELLED

}
