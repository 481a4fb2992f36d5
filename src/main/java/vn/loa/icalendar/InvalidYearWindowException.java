package vn.loa.icalendar;

/** A feed was asked for years that are malformed, reversed or too many. */
class InvalidYearWindowException extends IllegalArgumentException {

	InvalidYearWindowException(String message) {
		super(message);
	}

}
