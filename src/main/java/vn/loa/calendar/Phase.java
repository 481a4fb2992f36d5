package vn.loa.calendar;

import org.jspecify.annotations.Nullable;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A phase of a plan ("Giai đoạn từ năm 2025 đến Đại hội XIV của Đảng").
 *
 * @param number 1-based position in the plan
 * @param name the plan's wording
 * @param start first day
 * @param end last day, or {@code null} when the phase ends at an event
 * @param untilEvent id of the event the phase ends at, or {@code null}
 */
public record Phase(int number, String name, LocalDate start, @Nullable LocalDate end, @Nullable String untilEvent) {

	/**
	 * The last day: the fixed end, else the first day of the event it runs until, if
	 * known.
	 */
	public Optional<LocalDate> endIn(CalendarBook book) {
		if (this.end != null) {
			return Optional.of(this.end);
		}
		if (this.untilEvent == null) {
			return Optional.empty();
		}
		return book.event(this.untilEvent).flatMap(Event::startDate);
	}

	/**
	 * Whether the phase is running on any day from {@code from} to {@code to}, inclusive.
	 */
	public boolean overlaps(LocalDate from, LocalDate to, CalendarBook book) {
		if (this.start.isAfter(to)) {
			return false;
		}
		return endIn(book).map((last) -> !last.isBefore(from)).orElse(true);
	}

}
