package vn.loa.content;

/** A desk user asked for a step of the review their role or authorship forbids. */
public class ReviewRefusedException extends RuntimeException {

	ReviewRefusedException(String message) {
		super(message);
	}

}
