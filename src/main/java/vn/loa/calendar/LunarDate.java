package vn.loa.calendar;

/**
 * A day of the Vietnamese lunar calendar (âm lịch): 10/3 of lunar year 2026 is Giỗ Tổ
 * Hùng Vương 2026.
 *
 * @param day day of the lunar month, 1 to 30
 * @param month lunar month, 1 to 12
 * @param year the lunar year, numbered as the solar year in which its first day (Tết)
 * falls
 * @param leap whether the month is the leap month (tháng nhuận) that repeats
 * {@code month}
 */
public record LunarDate(int day, int month, int year, boolean leap) {

	public LunarDate {
		if (day < 1 || day > 30 || month < 1 || month > 12) {
			throw new IllegalArgumentException("impossible lunar date " + day + "/" + month);
		}
	}

	/** Day and month as calendars print them: "10/3", or "15/6 nhuận" in a leap month. */
	public String dayAndMonth() {
		return this.day + "/" + this.month + (this.leap ? " nhuận" : "");
	}

	@Override
	public String toString() {
		return this.leap ? dayAndMonth() + " năm " + this.year + " âm lịch"
				: this.day + "/" + this.month + "/" + this.year + " âm lịch";
	}

}
