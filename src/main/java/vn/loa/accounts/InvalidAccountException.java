package vn.loa.accounts;

/**
 * An account change was refused: a field is invalid, the username is taken, or the change
 * would lock the administrators out.
 */
public class InvalidAccountException extends RuntimeException {

	private final String field;

	private final String reason;

	public InvalidAccountException(String field, String reason, String message) {
		super(message);
		this.field = field;
		this.reason = reason;
	}

	/**
	 * The field at fault ({@code username}, {@code displayName}, {@code password},
	 * {@code roles}, {@code enabled}).
	 */
	public String field() {
		return this.field;
	}

	/**
	 * Why, as a key a page can translate: {@code field.reason}, such as
	 * {@code roles.lastAdmin}.
	 */
	public String reason() {
		return this.field + "." + this.reason;
	}

}
