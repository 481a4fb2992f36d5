package vn.loa.calendar;

import org.jspecify.annotations.Nullable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A date commemorated every year, counted from its origin, in the solar or the lunar
 * calendar.
 *
 * @param id stable id used by plans and content ({@code quoc-khanh})
 * @param name the Vietnamese name ("Ngày Quốc khánh nước CHXHCN Việt Nam")
 * @param day day of month of the origin
 * @param month month of the origin
 * @param originYear year of the origin, or {@code null} when it has no ordinal; for a
 * lunar anniversary the lunar year, numbered as the solar year in which its Tết fell
 * @param tier how prominent it is
 * @param organisation the organisation that owns it
 * @param lunar whether day and month are a day of the lunar calendar (âm lịch)
 * @param nameEn the conventional English name ("National Day"), or {@code null} when none
 * has been entered
 */
public record Anniversary(String id, String name, int day, int month, @Nullable Integer originYear, Tier tier,
		String organisation, boolean lunar, @Nullable String nameEn) {

	/** An anniversary with a Vietnamese name only. */
	public Anniversary(String id, String name, int day, int month, @Nullable Integer originYear, Tier tier,
			String organisation, boolean lunar) {
		this(id, name, day, month, originYear, tier, organisation, lunar, null);
	}

	/** A solar anniversary with a Vietnamese name only. */
	public Anniversary(String id, String name, int day, int month, @Nullable Integer originYear, Tier tier,
			String organisation) {
		this(id, name, day, month, originYear, tier, organisation, false);
	}

	/**
	 * The name in a language: the English name for English when there is one, else the
	 * Vietnamese name, which is what the plans themselves use.
	 */
	public String nameIn(Locale locale) {
		return CalendarLanguage.english(locale) && this.nameEn != null ? this.nameEn : this.name;
	}

	/**
	 * The occurrence in a year, or empty when that year is before the origin or the date
	 * does not exist that year (29/02 outside leap years). A lunar anniversary falls in
	 * the lunar year that begins in {@code year} (so 20/12 âm lịch of 2025 is in January
	 * 2026), in its regular month even when the year repeats that month, and on day 29
	 * when its day 30 is missing from the month that year.
	 */
	public Optional<Occurrence> occurrenceIn(int year) {
		if (this.originYear != null && year <= this.originYear) {
			return Optional.empty();
		}
		if (this.lunar) {
			return observedLunar(year).map((date) -> new Occurrence(this, date));
		}
		try {
			return Optional.of(new Occurrence(this, LocalDate.of(year, this.month, this.day)));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** The origin date, when the year is known, as a solar date. */
	public Optional<LocalDate> origin() {
		if (this.originYear == null) {
			return Optional.empty();
		}
		if (this.lunar) {
			return LunarCalendar.toSolar(new LunarDate(this.day, this.month, this.originYear, false));
		}
		return Optional.of(LocalDate.of(this.originYear, this.month, this.day));
	}

	private Optional<LocalDate> observedLunar(int year) {
		Optional<LocalDate> date = LunarCalendar.toSolar(new LunarDate(this.day, this.month, year, false));
		if (date.isEmpty() && this.day == 30) {
			// A month has 29 or 30 days; the usual practice keeps the 30th on the 29th.
			return LunarCalendar.toSolar(new LunarDate(29, this.month, year, false));
		}
		return date;
	}

}
