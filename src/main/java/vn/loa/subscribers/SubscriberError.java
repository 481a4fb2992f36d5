package vn.loa.subscribers;

/**
 * Every way a subscriber is refused, as a stable code that pages translate
 * ({@code error.<code>} in the messages) and the number of arguments the translation
 * receives. The English exception message stays what the API and logs show.
 */
public enum SubscriberError {

	EMAIL_REQUIRED("subscriber.email.required", 0),

	EMAIL_INVALID("subscriber.email.invalid", 1),

	EMAIL_LINE_BREAK("subscriber.email.lineBreak", 0),

	/** The character, as {@code U+0007}. */
	EMAIL_CONTROL("subscriber.email.control", 1),

	/** The address, then the organisation it is already on. */
	EMAIL_TAKEN("subscriber.email.taken", 2),

	/** The limit, then the length given. */
	NAME_TOO_LONG("subscriber.name.tooLong", 2),

	NAME_LINE_BREAK("subscriber.name.lineBreak", 0),

	NAME_CONTROL("subscriber.name.control", 1),

	ORGANISATION_INVALID("subscriber.organisation.invalid", 1),

	ORGANISATION_LINE_BREAK("subscriber.organisation.lineBreak", 0),

	ORGANISATION_CONTROL("subscriber.organisation.control", 1),

	ORGANISATION_UNKNOWN("subscriber.organisation.unknown", 1),

	STATUS_UNKNOWN("subscriber.status.unknown", 1),

	STATUS_NEW_UNSUBSCRIBED("subscriber.status.newUnsubscribed", 0);

	private final String code;

	private final int arity;

	SubscriberError(String code, int arity) {
		this.code = code;
		this.arity = arity;
	}

	/** The stable code; pages look up {@code error.} followed by it. */
	public String code() {
		return this.code;
	}

	/** How many arguments go with the code. */
	public int arity() {
		return this.arity;
	}

}
