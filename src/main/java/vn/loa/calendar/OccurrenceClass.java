package vn.loa.calendar;

import org.jspecify.annotations.Nullable;

/** How round an anniversary's ordinal is, which decides how big its campaign is. */
public enum OccurrenceClass {

	/** Năm tròn: the ordinal is divisible by 10. */
	NAM_TRON,

	/** Năm lẻ 5: the ordinal ends in 5. */
	NAM_LE_5,

	/** Any other ordinal, or none. */
	KHAC;

	public static OccurrenceClass of(@Nullable Integer ordinal) {
		if (ordinal == null || ordinal <= 0) {
			return KHAC;
		}
		if (ordinal % 10 == 0) {
			return NAM_TRON;
		}
		return (ordinal % 10 == 5) ? NAM_LE_5 : KHAC;
	}

}
