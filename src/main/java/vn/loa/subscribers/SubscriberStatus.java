package vn.loa.subscribers;

import java.util.Locale;

/** Where a subscriber's consent stands. */
public enum SubscriberStatus {

	/** Signed up; receives nothing until confirmed. */
	PENDING,

	/** Confirmed: receives the bulletins of their organisation. */
	CONFIRMED,

	/** Asked to stop; receives nothing again. */
	UNSUBSCRIBED;

	/** Reads {@code pending}, {@code confirmed} or {@code unsubscribed}, any case. */
	public static SubscriberStatus parse(String text) {
		for (SubscriberStatus status : values()) {
			if (status.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
				return status;
			}
		}
		throw new InvalidSubscriberException("status",
				"unknown status '" + text + "' (expected pending, confirmed or unsubscribed)",
				SubscriberError.STATUS_UNKNOWN, text);
	}

}
