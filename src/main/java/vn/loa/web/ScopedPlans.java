package vn.loa.web;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.loa.calendar.CalendarService;
import vn.loa.calendar.Plan;
import vn.loa.importer.PlanImports;
import vn.loa.organisations.Organisations;
import vn.loa.organisations.Scope;

/**
 * Plans as a caller of one scope may reach them: it reads the plans of its organisation,
 * of those below and of those above (a province's plan applies to its communes); it
 * removes, reviews and confirms only its own and those below. Anything else is not found.
 */
@Component
class ScopedPlans {

	private final CalendarService calendar;

	private final PlanImports imports;

	private final Organisations organisations;

	ScopedPlans(CalendarService calendar, PlanImports imports, Organisations organisations) {
		this.calendar = calendar;
		this.imports = imports;
		this.organisations = organisations;
	}

	/** Whether {@code scope} reads {@code plan}. */
	boolean sees(Scope scope, Plan plan) {
		return this.organisations.sees(scope, plan.organisation());
	}

	/** The plan {@code scope} reads, or a {@code 404}. */
	Plan readable(Scope scope, String id) {
		return this.calendar.book()
			.plan(id)
			.filter((plan) -> sees(scope, plan))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no plan " + id));
	}

	/** A {@code 404} unless the plan is {@code scope}'s own or below it. */
	void requireOwn(Scope scope, String id) {
		Optional<Plan> plan = this.calendar.book().plan(id);
		if (plan.isPresent() && !this.organisations.covers(scope, plan.get().organisation())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no plan " + id);
		}
	}

	/** The draft, when the plan it reads will belong within {@code scope}. */
	Optional<PlanImports.Draft> draft(Scope scope, String id) {
		return this.imports.find(id)
			.filter((draft) -> scope.everywhere() || this.organisations.covers(scope, draft.organisation()));
	}

}
