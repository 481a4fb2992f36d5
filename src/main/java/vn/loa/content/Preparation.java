package vn.loa.content;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;

import vn.loa.calendar.CalendarService;
import vn.loa.calendar.Occurrence;

/**
 * Which coming anniversaries nobody has prepared content for yet, most urgent first. An
 * occurrence counts as prepared when some item (not withdrawn) is scheduled relative to
 * it ({@code when: anniversary quoc-khanh 2025, ...}).
 */
@Service
public class Preparation {

	private final CalendarService calendar;

	private final ContentStore store;

	private final LeadTimes leadTimes;

	Preparation(CalendarService calendar, ContentStore store, LeadTimes leadTimes) {
		this.calendar = calendar;
		this.store = store;
		this.leadTimes = leadTimes;
	}

	/**
	 * Occurrences from {@code today} to {@code today + days} without content, by when
	 * preparation must start.
	 */
	public List<Unprepared> unprepared(LocalDate today, int days) {
		return unprepared(today, days, (item) -> true);
	}

	/**
	 * Occurrences from {@code today} to {@code today + days} without content that
	 * {@code counts}, by when preparation must start: a commune's list counts its own
	 * items and those its province sends it.
	 */
	public List<Unprepared> unprepared(LocalDate today, int days, Predicate<ContentItem> counts) {
		Map<String, Schedule.AnniversaryAnchor> anchored = new HashMap<>();
		for (ContentQueries.ContentKey item : this.store.search(null, null, null, null)) {
			if (item.status() != ContentStatus.WITHDRAWN) {
				Schedule.anniversaryOf(item.when()).ifPresent((anchor) -> anchored.put(item.id(), anchor));
			}
		}
		Set<Schedule.AnniversaryAnchor> covered = new HashSet<>();
		for (ContentItem item : this.store.findAll(anchored.keySet())) {
			Schedule.AnniversaryAnchor anchor = anchored.get(item.id());
			if (anchor != null && counts.test(item)) {
				covered.add(anchor);
			}
		}
		return this.calendar.book()
			.occurrencesBetween(today, today.plusDays(days))
			.stream()
			// By the year the occurrence belongs to, as "anniversary ID YEAR" names it:
			// the
			// lunar year for a lunar anniversary, which may end in the next January.
			.filter((o) -> !covered.contains(new Schedule.AnniversaryAnchor(o.anniversary().id(), o.year())))
			.map((o) -> new Unprepared(o, this.leadTimes.daysFor(o),
					ChronoUnit.DAYS.between(today, o.date().minusDays(this.leadTimes.daysFor(o)))))
			.sorted(Comparator.comparingLong(Unprepared::daysUntilPreparation)
				.thenComparing((u) -> u.occurrence().date()))
			.toList();
	}

	/**
	 * An occurrence with no content yet.
	 *
	 * @param occurrence the anniversary in its year
	 * @param leadDays days of preparation it deserves
	 * @param daysUntilPreparation days until preparation should start; negative when it
	 * is already late
	 */
	public record Unprepared(Occurrence occurrence, int leadDays, long daysUntilPreparation) {

	}

}
