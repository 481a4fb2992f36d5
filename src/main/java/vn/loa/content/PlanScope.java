package vn.loa.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.Phase;
import vn.loa.calendar.Plan;

/**
 * The items that carry out a plan, as a condition the store can put in SQL: the same rule
 * as {@link PlanContent#carriesOut}, on the schedule anchor kept with each item.
 */
public final class PlanScope {

	private final List<String> names;

	private final List<String> anniversaries;

	private final List<String> events;

	private final List<Instant[]> periods;

	private PlanScope(List<String> names, List<String> anniversaries, List<String> events, List<Instant[]> periods) {
		this.names = names;
		this.anniversaries = anniversaries;
		this.events = events;
		this.periods = periods;
	}

	/**
	 * The scope of {@code plan}: the days its phases run in {@code book} (a plan without
	 * phases runs in the year it is dated), read in {@code zone}.
	 */
	public static PlanScope of(Plan plan, CalendarBook book, ZoneId zone) {
		List<String> names = Stream.of(plan.id(), plan.number())
			.filter((name) -> name != null && !name.isBlank())
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.distinct()
			.toList();
		List<Instant[]> periods = new ArrayList<>();
		if (plan.phases().isEmpty()) {
			if (plan.date() != null) {
				LocalDate first = LocalDate.of(plan.date().getYear(), 1, 1);
				periods.add(new Instant[] { first.atStartOfDay(zone).toInstant(),
						first.plusYears(1).atStartOfDay(zone).toInstant() });
			}
		}
		else {
			for (Phase phase : plan.phases()) {
				periods.add(new Instant[] { phase.start().atStartOfDay(zone).toInstant(),
						phase.endIn(book)
							.map((last) -> last.plusDays(1).atStartOfDay(zone).toInstant())
							.orElse(null) });
			}
		}
		return new PlanScope(names, List.copyOf(plan.anniversaries()), List.copyOf(plan.events()), periods);
	}

	/** The condition, starting with {@code AND}, its values added to {@code params}. */
	String where(MapSqlParameterSource params) {
		StringBuilder where = new StringBuilder(" AND ((anchor_kind = 'plan' AND anchor_ref IN (:scopePlan))");
		params.addValue("scopePlan", this.names);
		List<String> named = new ArrayList<>();
		if (!this.anniversaries.isEmpty()) {
			named.add("(anchor_kind = 'anniversary' AND anchor_ref IN (:scopeAnniversaries))");
			params.addValue("scopeAnniversaries", this.anniversaries);
		}
		if (!this.events.isEmpty()) {
			named.add("(anchor_kind = 'event' AND anchor_ref IN (:scopeEvents))");
			params.addValue("scopeEvents", this.events);
		}
		List<String> during = new ArrayList<>();
		for (int i = 0; i < this.periods.size(); i++) {
			Instant[] period = this.periods.get(i);
			params.addValue("scopeFrom" + i, java.sql.Timestamp.from(period[0]));
			if (period[1] != null) {
				params.addValue("scopeTo" + i, java.sql.Timestamp.from(period[1]));
				during.add("(due_at >= :scopeFrom" + i + " AND due_at < :scopeTo" + i + ")");
			}
			else {
				during.add("due_at >= :scopeFrom" + i);
			}
		}
		if (!named.isEmpty() && !during.isEmpty()) {
			where.append(" OR ((").append(String.join(" OR ", named)).append(") AND (");
			where.append(String.join(" OR ", during)).append("))");
		}
		return where.append(")").toString();
	}

}
