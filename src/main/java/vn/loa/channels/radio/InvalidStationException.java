package vn.loa.channels.radio;

import java.util.Arrays;
import java.util.List;

/**
 * A station change refused: which field, a message key for the desk's languages, and
 * whether it conflicts with what is stored (an id in use, a version another change
 * passed).
 */
public class InvalidStationException extends RuntimeException {

	private final String field;

	private final String code;

	private final List<String> arguments;

	private final boolean conflict;

	InvalidStationException(boolean conflict, String field, String code, String message, Object... arguments) {
		super(message);
		this.conflict = conflict;
		this.field = field;
		this.code = code;
		this.arguments = Arrays.stream(arguments).map(String::valueOf).toList();
	}

	InvalidStationException(String field, String code, String message, Object... arguments) {
		this(false, field, code, message, arguments);
	}

	/** The field at fault: {@code id}, {@code name}, {@code organisation}, … */
	public String field() {
		return this.field;
	}

	/** The message key after {@code stations.error.}. */
	public String code() {
		return this.code;
	}

	public List<String> arguments() {
		return this.arguments;
	}

	public boolean isConflict() {
		return this.conflict;
	}

}
