package vn.loa.content;

import org.jspecify.annotations.Nullable;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A draft that cannot be stored, naming the field at fault. The message is English (the
 * API and logs show it); {@link #code()} and {@link #arguments()} let a page say the same
 * in its reader's language.
 */
public class InvalidContentException extends RuntimeException {

	private final String field;

	private final boolean conflict;

	private final @Nullable ContentError error;

	private final List<Object> arguments;

	public InvalidContentException(String field, @Nullable String message) {
		this(field, message, false, null);
	}

	InvalidContentException(String field, @Nullable String message, @Nullable ContentError error, Object... arguments) {
		this(field, message, false, error, arguments);
	}

	private InvalidContentException(String field, @Nullable String message, boolean conflict,
			@Nullable ContentError error, Object... arguments) {
		super(message);
		this.field = field;
		this.conflict = conflict;
		this.error = error;
		this.arguments = Collections.unmodifiableList(Arrays.asList(arguments.clone()));
	}

	/**
	 * The item's state forbids the change (it already went out), rather than the input
	 * being wrong.
	 */
	public static InvalidContentException conflict(String field, String message) {
		return new InvalidContentException(field, message, true, null);
	}

	static InvalidContentException conflict(String field, String message, ContentError error, Object... arguments) {
		return new InvalidContentException(field, message, true, error, arguments);
	}

	public boolean isConflict() {
		return this.conflict;
	}

	public String field() {
		return this.field;
	}

	/**
	 * The stable code of what is wrong ({@link ContentError#code()}), or {@code null}
	 * when the refusal was worded without one.
	 */
	public @Nullable String code() {
		return (this.error != null) ? this.error.code() : null;
	}

	/**
	 * The values the message quotes, in the order the code's translation numbers them;
	 * statuses as {@link ContentStatus}.
	 */
	public List<Object> arguments() {
		return this.arguments;
	}

}
