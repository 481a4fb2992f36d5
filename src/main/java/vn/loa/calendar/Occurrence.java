package vn.loa.calendar;

import java.time.LocalDate;

/**
 * An anniversary in one year: "Kỷ niệm 80 năm Ngày Quốc khánh ... (02/9/1945 -
 * 02/9/2025)".
 *
 * @param anniversary what is commemorated
 * @param date the local date it falls on
 */
public record Occurrence(Anniversary anniversary, LocalDate date) {

	/**
	 * N = year − origin year, or {@code null} when the anniversary has no origin year.
	 */
	public Integer ordinal() {
		Integer origin = this.anniversary.originYear();
		return (origin != null) ? this.date.getYear() - origin : null;
	}

	public OccurrenceClass occurrenceClass() {
		return OccurrenceClass.of(ordinal());
	}

	/** The conventional title used in plans and on air. */
	public String title() {
		Integer ordinal = ordinal();
		if (ordinal == null) {
			return this.anniversary.name() + " " + this.date.getYear();
		}
		return "Kỷ niệm " + ordinal + " năm " + this.anniversary.name() + " ("
				+ VietnameseDates.format(this.anniversary.origin().orElseThrow()) + " - "
				+ VietnameseDates.format(this.date) + ")";
	}

}
