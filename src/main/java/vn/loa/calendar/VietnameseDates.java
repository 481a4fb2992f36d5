package vn.loa.calendar;

import java.time.LocalDate;

/** Dates written the way Vietnamese administrative documents write them. */
public final class VietnameseDates {

	private VietnameseDates() {
	}

	/**
	 * Day/month/year with a leading zero on days below 10 and on months 1 and 2 only
	 * (Decree 30/2020/ND-CP): 02/9/1945, 03/02/1930, 30/4/1975.
	 */
	public static String format(LocalDate date) {
		int month = date.getMonthValue();
		String monthText = (month <= 2) ? "0" + month : Integer.toString(month);
		return String.format("%02d/%s/%d", date.getDayOfMonth(), monthText, date.getYear());
	}

	/** Plain dd/MM/yyyy as shown in the user interface. */
	public static String display(LocalDate date) {
		return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
	}

}
