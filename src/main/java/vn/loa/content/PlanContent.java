package vn.loa.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.Phase;
import vn.loa.calendar.Plan;

/**
 * Which content items carry out a plan: those scheduled against one of its phases
 * ({@code start of phase 2 of 443-KH/TU}), and those scheduled against an anniversary or
 * event the plan names that go out while one of its phases runs. An item with an absolute
 * time belongs to no plan: nothing in it says which.
 */
final class PlanContent {

	private PlanContent() {
	}

	/**
	 * Whether an item scheduled by {@code when}, due at {@code dueAt}, carries out
	 * {@code plan}.
	 */
	public static boolean carriesOut(String when, Instant dueAt, Plan plan, CalendarBook book, ZoneId zone) {
		if (Schedule.planOf(when).filter(plan::isNamedBy).isPresent()) {
			return true;
		}
		boolean named = Schedule.anniversaryOf(when)
			.map((anchor) -> plan.anniversaries().contains(anchor.id()))
			.or(() -> Schedule.eventOf(when).map(plan.events()::contains))
			.orElse(false);
		return named && duringAPhase(dueAt, plan, book, zone);
	}

	/**
	 * Whether an instant falls in one of the plan's phases; a plan that names no phases
	 * runs in the year it is dated.
	 */
	private static boolean duringAPhase(Instant at, Plan plan, CalendarBook book, ZoneId zone) {
		if (at == null) {
			return false;
		}
		LocalDate day = at.atZone(zone).toLocalDate();
		if (plan.phases().isEmpty()) {
			return plan.date() != null && plan.date().getYear() == day.getYear();
		}
		return plan.phases().stream().anyMatch((Phase phase) -> phase.overlaps(day, day, book));
	}

}
