package vn.loa.importer;

import org.jspecify.annotations.Nullable;
import java.util.List;

/**
 * A document that cannot be read as a plan, with a reason for a person: in English as the
 * message, and as a code with its arguments for pages in other languages.
 */
public class UnreadableDocumentException extends RuntimeException {

	private final String code;

	private final List<String> arguments;

	/** A reason the importer has no code for; its code is {@code document.other}. */
	public UnreadableDocumentException(String message) {
		super(message);
		this.code = ImportMessage.DOCUMENT_OTHER.code();
		this.arguments = List.of(message);
	}

	UnreadableDocumentException(ImportMessage code, String message, Object... arguments) {
		this(code, null, message, arguments);
	}

	UnreadableDocumentException(ImportMessage code, @Nullable Throwable cause, String message, Object... arguments) {
		super(message, cause);
		this.code = code.code();
		this.arguments = ImportMessage.arguments(arguments);
	}

	/** What is wrong, as a key under {@code importer.} in the messages. */
	public String code() {
		return this.code;
	}

	/** The message's arguments, the file name first. */
	public List<String> arguments() {
		return this.arguments;
	}

}
