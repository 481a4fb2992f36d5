package vn.loa.subscribers;

import java.util.List;

/**
 * A subscriber was refused: a field is missing, malformed or already taken. The message
 * is English (the API and logs show it); {@link #code()} and {@link #arguments()} let a
 * page say the same in its reader's language.
 */
public class InvalidSubscriberException extends IllegalArgumentException {

	private final String field;

	private final boolean conflict;

	private final SubscriberError error;

	private final List<String> arguments;

	InvalidSubscriberException(String field, String message, SubscriberError error, String... arguments) {
		this(field, message, false, error, arguments);
	}

	InvalidSubscriberException(String field, String message, boolean conflict, SubscriberError error,
			String... arguments) {
		super(message);
		this.field = field;
		this.conflict = conflict;
		this.error = error;
		this.arguments = List.of(arguments);
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

	/** The stable code of what is wrong ({@link SubscriberError#code()}). */
	public String code() {
		return this.error.code();
	}

	/**
	 * The values the message quotes, in the order the code's translation numbers them.
	 */
	public List<String> arguments() {
		return this.arguments;
	}

}
