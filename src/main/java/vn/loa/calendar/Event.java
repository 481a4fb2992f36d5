package vn.loa.calendar;

import java.time.LocalDate;
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
 */
public record Event(String id, String name, LocalDate start, LocalDate end, String organisation) {

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
