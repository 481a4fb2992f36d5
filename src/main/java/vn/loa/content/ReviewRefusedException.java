package vn.loa.content;

/** A desk user asked for a step of the review their role or authorship forbids. */
public class ReviewRefusedException extends RuntimeException {

	private final ContentError error;

	ReviewRefusedException(ContentError error, String message) {
		super(message);
		this.error = error;
	}

	/**
	 * The stable code of the refusal ({@link ContentError#code()}); it takes no
	 * arguments.
	 */
	public String code() {
		return this.error.code();
	}

}
