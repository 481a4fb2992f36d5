package vn.loa.organisations;

import java.util.List;

/**
 * A change to an organisation that Loa refuses, naming the field and why: an id in use,
 * an unknown parent, a move that would make an organisation its own ancestor, a line of
 * an imported list that cannot be read.
 */
public class InvalidOrganisationException extends RuntimeException {

	private final String field;

	private final String code;

	private final List<String> arguments;

	private final boolean conflict;

	private InvalidOrganisationException(boolean conflict, String field, String code, String message,
			Object... arguments) {
		super(message);
		this.field = field;
		this.code = code;
		this.conflict = conflict;
		this.arguments = java.util.Arrays.stream(arguments).map(String::valueOf).toList();
	}

	InvalidOrganisationException(String field, String code, String message, Object... arguments) {
		this(false, field, code, message, arguments);
	}

	/**
	 * A refusal because of what is stored: an id in use, a version another change passed.
	 */
	static InvalidOrganisationException conflict(String field, String code, String message, Object... arguments) {
		return new InvalidOrganisationException(true, field, code, message, arguments);
	}

	/**
	 * The field at fault: {@code id}, {@code name}, {@code kind}, {@code parent}, a file.
	 */
	public String field() {
		return this.field;
	}

	/** The message key after {@code organisation.error.}, for the desk's languages. */
	public String code() {
		return this.code;
	}

	public List<String> arguments() {
		return this.arguments;
	}

	/** Whether it conflicts with what is stored (an id in use, a stale version). */
	public boolean isConflict() {
		return this.conflict;
	}

}
