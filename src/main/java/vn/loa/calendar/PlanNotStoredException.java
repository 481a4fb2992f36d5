package vn.loa.calendar;

/**
 * A plan the calendar refused to store: one of that id exists and was not to be replaced,
 * it would not load, or another confirmation stored or changed it meanwhile. The calendar
 * is unchanged.
 */
public class PlanNotStoredException extends RuntimeException {

	private final Reason reason;

	private final String detail;

	PlanNotStoredException(Reason reason, String detail, String message) {
		super(message);
		this.reason = reason;
		this.detail = detail;
	}

	/** Why the plan was not stored. */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * What a person needs to act on: the plan's id, or the problems that kept it from
	 * loading.
	 */
	public String detail() {
		return this.detail;
	}

	/** Why a plan was not stored. */
	public enum Reason {

		/** A plan of that id is in the files or the database. */
		EXISTS,

		/** The calendar would not load it cleanly. */
		WOULD_NOT_LOAD,

		/** Another confirmation stored or replaced it at the same moment. */
		CHANGED_MEANWHILE

	}

}
