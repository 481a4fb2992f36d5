package vn.loa.calendar;

/**
 * Something wrong in a calendar or content file, with where it is.
 *
 * @param file the file, relative to the data directory when possible
 * @param line the 1-based line, or 0 when the whole file is concerned
 * @param message what is wrong, for a person
 */
public record CalendarProblem(String file, int line, String message) {

	@Override
	public String toString() {
		return this.file + ":" + this.line + ": " + this.message;
	}

}
