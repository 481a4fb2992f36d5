package vn.loa.channels.email;

/**
 * What became of one message.
 *
 * @param deliveryId the delivery it carried
 * @param outcome sent, failed for now, failed for good, or not sent at all
 * @param reply the server's reply or the error, for the record
 */
record SendResult(long deliveryId, Outcome outcome, String reply) {

	enum Outcome {

		SENT, TEMPORARY_FAILURE, PERMANENT_FAILURE, CANCELLED

	}

	static SendResult sent(long deliveryId, String reply) {
		return new SendResult(deliveryId, Outcome.SENT, reply);
	}

	static SendResult temporaryFailure(long deliveryId, String reply) {
		return new SendResult(deliveryId, Outcome.TEMPORARY_FAILURE, reply);
	}

	static SendResult permanentFailure(long deliveryId, String reply) {
		return new SendResult(deliveryId, Outcome.PERMANENT_FAILURE, reply);
	}

	static SendResult cancelled(long deliveryId, String reply) {
		return new SendResult(deliveryId, Outcome.CANCELLED, reply);
	}

}
