package vn.loa.accounts;

/** An account change was refused: a field is invalid or the username is taken. */
public class InvalidAccountException extends RuntimeException {

	private final String field;

	InvalidAccountException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The field at fault ({@code username}, {@code password}, {@code roles}). */
	public String field() {
		return this.field;
	}

}
