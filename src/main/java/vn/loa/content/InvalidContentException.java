package vn.loa.content;

/** A draft that cannot be stored, naming the field at fault. */
public class InvalidContentException extends RuntimeException {

	private final String field;

	private final boolean conflict;

	public InvalidContentException(String field, String message) {
		this(field, message, false);
	}

	private InvalidContentException(String field, String message, boolean conflict) {
		super(message);
		this.field = field;
		this.conflict = conflict;
	}

	/**
	 * The item's state forbids the change (it already went out), rather than the input
	 * being wrong.
	 */
	public static InvalidContentException conflict(String field, String message) {
		return new InvalidContentException(field, message, true);
	}

	public boolean isConflict() {
		return this.conflict;
	}

	public String field() {
		return this.field;
	}

}
