package vn.loa.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A date commemorated every year, counted from its origin.
 *
 * @param id stable id used by plans and content ({@code quoc-khanh})
 * @param name the Vietnamese name ("Ngày Quốc khánh nước CHXHCN Việt Nam")
 * @param day day of month of the origin
 * @param month month of the origin
 * @param originYear year of the origin, or {@code null} when it has no ordinal
 * @param tier how prominent it is
 * @param organisation the organisation that owns it
 */
public record Anniversary(String id, String name, int day, int month, Integer originYear, Tier tier,
		String organisation) {

	/**
	 * The occurrence in a year, or empty when that year is before the origin or the date
	 * does not exist that year (29/02 outside leap years).
	 */
	public Optional<Occurrence> occurrenceIn(int year) {
		if (this.originYear != null && year <= this.originYear) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Occurrence(this, LocalDate.of(year, this.month, this.day)));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** The origin date, when the year is known. */
	public Optional<LocalDate> origin() {
		return Optional.ofNullable(this.originYear).map((year) -> LocalDate.of(year, this.month, this.day));
	}

}
