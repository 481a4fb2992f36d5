package vn.loa.emergency;

/**
 * An emergency bulletin that cannot be issued as asked, with the field at fault and a
 * message code ({@code emergency.error.} followed by it) the desk shows in the editor's
 * language.
 */
public class InvalidEmergencyException extends RuntimeException {

	private final String field;

	private final String code;

	private final transient Object[] arguments;

	InvalidEmergencyException(String field, String code, String message, Object... arguments) {
		super(field + ": " + message);
		this.field = field;
		this.code = code;
		this.arguments = arguments.clone();
	}

	public String field() {
		return this.field;
	}

	/** The message code, looked up as {@code emergency.error.<code>}. */
	public String code() {
		return this.code;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
