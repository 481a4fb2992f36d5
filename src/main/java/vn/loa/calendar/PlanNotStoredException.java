package vn.loa.calendar;

/**
 * A plan the calendar refused to store: one of that id exists and was not to be replaced,
 * or it would not load. The calendar is unchanged.
 */
public class PlanNotStoredException extends RuntimeException {

	PlanNotStoredException(String message) {
		super(message);
	}

}
