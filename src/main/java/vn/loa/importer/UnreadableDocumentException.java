package vn.loa.importer;

/** A document that cannot be read as a plan, with a reason for a person. */
public class UnreadableDocumentException extends RuntimeException {

	public UnreadableDocumentException(String message) {
		super(message);
	}

	public UnreadableDocumentException(String message, Throwable cause) {
		super(message, cause);
	}

}
