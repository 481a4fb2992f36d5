package vn.loa.calendar;

import org.jspecify.annotations.Nullable;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A one-off dated happening (a party congress, an election), whose date may not be known
 * yet.
 *
 * @param id stable id ({@code dai-hoi-xiv})
 * @param name Vietnamese name
 * @param start first day, or {@code null} while not known
 * @param end last day for a range, or {@code null} for a single day or an unknown date
 * @param organisation the organisation that owns it
 * @param nameEn the conventional English name, or {@code null} when none has been entered
 */
public record Event(String id, String name, @Nullable LocalDate start, @Nullable LocalDate end, String organisation,
		@Nullable String nameEn) {

	/** An event with a Vietnamese name only. */
	public Event(String id, String name, @Nullable LocalDate start, @Nullable LocalDate end, String organisation) {
		this(id, name, start, end, organisation, null);
	}

	/** The name in a language: English when asked for and entered, else Vietnamese. */
	public String nameIn(Locale locale) {
		return CalendarLanguage.english(locale) && this.nameEn != null ? this.nameEn : this.name;
	}

	public Optional<LocalDate> startDate() {
		return Optional.ofNullable(this.start);
	}

	/** The last day: the end of the range, the single date, or empty when not known. */
	public Optional<LocalDate> endDate() {
		return Optional.ofNullable((this.end != null) ? this.end : this.start);
	}

	public boolean dateKnown() {
		return this.start != null;
	}

}
