package vn.loa.calendar;

import org.jspecify.annotations.Nullable;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * An anniversary in one year: "Kỷ niệm 80 năm Ngày Quốc khánh ... (02/9/1945 -
 * 02/9/2025)".
 *
 * @param anniversary what is commemorated
 * @param date the local date it falls on
 */
public record Occurrence(Anniversary anniversary, LocalDate date) {

	/**
	 * N = year − origin year, or {@code null} when the anniversary has no origin year;
	 * lunar anniversaries count lunar years.
	 */
	public @Nullable Integer ordinal() {
		Integer origin = this.anniversary.originYear();
		if (origin == null) {
			return null;
		}
		return year() - origin;
	}

	public OccurrenceClass occurrenceClass() {
		return OccurrenceClass.of(ordinal());
	}

	/**
	 * The lunar date of the day it falls on, for a lunar anniversary; empty for a solar
	 * one.
	 */
	public Optional<LunarDate> lunarDate() {
		return this.anniversary.lunar() ? Optional.of(LunarCalendar.toLunar(this.date)) : Optional.empty();
	}

	/**
	 * The date as shown in the user interface: “26/04/2026”, or “10/3 âm lịch,
	 * 26/04/2026” for a lunar anniversary.
	 */
	public String displayDate() {
		String solar = VietnameseDates.display(this.date);
		return lunarDate().map((lunar) -> lunar.dayAndMonth() + " âm lịch, " + solar).orElse(solar);
	}

	/**
	 * The date as shown to a reader of {@code locale}: “10/3 lunar, 26/04/2026” in
	 * English, {@link #displayDate()} otherwise.
	 */
	public String displayDate(Locale locale) {
		if (!CalendarLanguage.english(locale)) {
			return displayDate();
		}
		String solar = VietnameseDates.display(this.date);
		return lunarDate().map((lunar) -> lunar.dayAndMonth() + " lunar, " + solar).orElse(solar);
	}

	/** The conventional title used in plans and on air. */
	public String title() {
		Integer ordinal = ordinal();
		if (ordinal == null) {
			return this.anniversary.name() + " " + year();
		}
		return "Kỷ niệm " + ordinal + " năm " + this.anniversary.name() + " " + span();
	}

	/**
	 * The title for a reader of {@code locale}: in English "80th anniversary of National
	 * Day (02/9/1945 - 02/9/2025)", with the Vietnamese name when no English one has been
	 * entered; {@link #title()} in any other language.
	 */
	public String title(Locale locale) {
		if (!CalendarLanguage.english(locale)) {
			return title();
		}
		String name = this.anniversary.nameIn(locale);
		Integer ordinal = ordinal();
		if (ordinal == null) {
			return name + " " + year();
		}
		return CalendarLanguage.ordinal(ordinal) + " anniversary of " + name + " " + span();
	}

	/** "(02/9/1945 - 02/9/2025)", the dates as plans write them. */
	private String span() {
		return "(" + VietnameseDates.format(this.anniversary.origin().orElseThrow()) + " - "
				+ VietnameseDates.format(this.date) + ")";
	}

	/**
	 * The year it belongs to, as {@code anniversary ID YEAR} names it: the lunar year for
	 * a lunar anniversary.
	 */
	public int year() {
		return lunarDate().map(LunarDate::year).orElse(this.date.getYear());
	}

}
