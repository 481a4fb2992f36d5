package vn.loa.calendar;

/** How prominent an anniversary is. */
public enum Tier {

	/**
	 * One of the seven "ngày lễ lớn" of Decree 145/2013/ND-CP art. 4 (code {@code L}).
	 */
	LE_LON,

	/** Another commemoration regularly listed in annual guidance (code {@code K}). */
	KHAC

}
