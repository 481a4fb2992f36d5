package vn.loa.channels.email;

import org.jspecify.annotations.Nullable;

/**
 * What became of one message.
 *
 * @param deliveryId the delivery it carried
 * @param outcome sent, failed for now, failed for good, or not sent at all
 * @param reply the server's reply or the error, for the record
 */
record SendResult(long deliveryId, Outcome outcome, @Nullable String reply) {

	enum Outcome {

		SENT, TEMPORARY_FAILURE, PERMANENT_FAILURE, CANCELLED

	}

	static SendResult sent(long deliveryId, String reply) {
		return new SendResult(deliveryId, Outcome.SENT, reply);
	}

	static SendResult temporaryFailure(long deliveryId, @Nullable String reply) {
		return new SendResult(deliveryId, Outcome.TEMPORARY_FAILURE, reply);
	}

	static SendResult permanentFailure(long deliveryId, @Nullable String reply) {
		return new SendResult(deliveryId, Outcome.PERMANENT_FAILURE, reply);
	}

	static SendResult cancelled(long deliveryId, String reply) {
		return new SendResult(deliveryId, Outcome.CANCELLED, reply);
	}

}
