package vn.loa.subscribers;

/** A subscriber was refused: a field is missing, malformed or already taken. */
public class InvalidSubscriberException extends IllegalArgumentException {

	private final String field;

	private final boolean conflict;

	InvalidSubscriberException(String field, String message) {
		this(field, message, false);
	}

	InvalidSubscriberException(String field, String message, boolean conflict) {
		super(message);
		this.field = field;
		this.conflict = conflict;
	}

	/** The offending field ({@code email}, {@code name}, {@code organisation}...). */
	public String field() {
		return this.field;
	}

	/**
	 * Whether the value clashes with an existing subscriber rather than being invalid.
	 */
	public boolean isConflict() {
		return this.conflict;
	}

}
