package vn.loa.calendar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import vn.loa.organisations.Organisations;
import vn.loa.transactions.AfterCommit;

/**
 * The calendar Loa runs on: the {@code loa.calendar-dir} files plus the plans confirmed
 * at run time and stored in the database, a stored plan taking the place of a file plan
 * with the same id. Read at start-up, again on the node that stores or removes a plan,
 * and on every node when {@link CalendarRefresh} sees that another node did.
 */
@Service
public class CalendarService {

	private static final Log logger = LogFactory.getLog(CalendarService.class);

	private final Path directory;

	// Null when the calendar is read from files alone.
	private final @Nullable StoredPlans stored;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private volatile Loaded current;

	/** Whether an organisation exists, for the references in plans and anniversaries. */
	private final Predicate<String> knownOrganisation;

	/** A calendar of the files alone, with no database. */
	public CalendarService(Path directory) {
		this(directory, null, Clock.systemUTC());
	}

	/** A calendar whose changes nobody listens to. */
	CalendarService(Path directory, @Nullable StoredPlans stored, Clock clock) {
		this(directory, stored, clock, (event) -> {
		}, Organisations.declaredIn(directory)::contains);
	}

	@Autowired
	CalendarService(@Value("${loa.calendar-dir:calendar}") Path directory, @Nullable StoredPlans stored, Clock clock,
			ApplicationEventPublisher events, Organisations organisations) {
		this(directory, stored, clock, events, (id) -> organisations.find(id).isPresent());
	}

	private CalendarService(Path directory, @Nullable StoredPlans stored, Clock clock, ApplicationEventPublisher events,
			Predicate<String> knownOrganisation) {
		this.knownOrganisation = knownOrganisation;
		this.directory = directory;
		this.stored = stored;
		this.clock = clock;
		this.events = events;
		this.current = read();
	}

	/**
	 * Reads the files and the stored plans again; entries with problems are skipped and
	 * their problems kept.
	 */
	public synchronized CalendarLoad reload() {
		Loaded loaded = read();
		this.current = loaded;
		return loaded.load();
	}

	private Loaded read() {
		List<StoredPlan> plans = (this.stored != null) ? this.stored.all() : List.of();
		CalendarLoad load = CalendarLoader.load(this.directory, plans, this.knownOrganisation);
		load.problems().forEach((problem) -> logger.warn("Calendar: " + problem));
		Map<String, StoredPlans.Stamp> versions = new HashMap<>();
		plans.forEach((plan) -> versions.put(plan.planId(), StoredPlans.Stamp.of(plan)));
		return new Loaded(load, versions);
	}

	/**
	 * Reads the calendar again if the stored plans changed since it was last read
	 * (another node stored, replaced or removed one).
	 * @return whether it was read again
	 */
	boolean refreshIfChanged() {
		if (this.stored == null || this.stored.versions().equals(this.current.versions())) {
			return false;
		}
		reload();
		return true;
	}

	public CalendarBook book() {
		return this.current.load().book();
	}

	public List<CalendarProblem> problems() {
		return this.current.load().problems();
	}

	/**
	 * Stores a plan in the database, in the caller's transaction if there is one; this
	 * node reads the calendar again once it is committed, the others within
	 * {@code loa.calendar.refresh-interval}.
	 * @param planId the plan's id, which its YAML must hold
	 * @param yaml the plan in the {@code calendar/} format
	 * @param storedBy who confirmed it
	 * @param replace whether a plan of that id (a file's or a stored one) may be replaced
	 * @return what was stored
	 * @throws PlanNotStoredException when a plan of that id exists and {@code replace} is
	 * false, or when the calendar would not load the plan without a problem; nothing is
	 * changed then
	 */
	public StoredPlan storePlan(String planId, String yaml, String storedBy, boolean replace) {
		if (this.stored == null) {
			throw new IllegalStateException("this calendar is read from files alone and cannot store plans");
		}
		String fileName = planId + ".yaml";
		Optional<StoredPlan> previous = this.stored.find(planId);
		if (!replace) {
			existing(planId, fileName, previous).ifPresent((where) -> {
				throw new PlanNotStoredException(PlanNotStoredException.Reason.EXISTS, planId,
						"the calendar already holds plan '" + planId + "' (" + where
								+ "); confirm with replace to overwrite it");
			});
		}
		StoredPlan plan = new StoredPlan(planId, fileName, yaml, storedBy, this.clock.instant(),
				previous.map((p) -> p.version() + 1).orElse(1L));
		List<StoredPlan> trial = new ArrayList<>(
				this.stored.all().stream().filter((p) -> !p.planId().equals(planId)).toList());
		trial.add(plan);
		CalendarLoad load = CalendarLoader.load(this.directory, trial, this.knownOrganisation);
		List<CalendarProblem> own = load.problems()
			.stream()
			.filter((problem) -> problem.file().equals(plan.location()))
			.toList();
		if (!own.isEmpty()) {
			throw new PlanNotStoredException(PlanNotStoredException.Reason.WOULD_NOT_LOAD, own.toString(),
					"the calendar would not load the plan: " + own);
		}
		if (load.book().plans().stream().noneMatch((p) -> p.id().equals(planId))) {
			String problem = plan.location() + ": holds no plan with id '" + planId + "'";
			throw new PlanNotStoredException(PlanNotStoredException.Reason.WOULD_NOT_LOAD, problem, problem);
		}
		this.stored.save(plan);
		reloadWhenCommitted();
		return plan;
	}

	/** The plan stored in the database with that id, if one is. */
	public Optional<StoredPlan> storedPlan(String planId) {
		return (this.stored != null) ? this.stored.find(planId) : Optional.empty();
	}

	/**
	 * The calendar as it would be without the stored plan {@code planId}: with the file
	 * plan of that id, if {@code calendar/} has one, in its place. Nothing changes.
	 */
	public CalendarBook bookWithout(String planId) {
		List<StoredPlan> others = (this.stored != null)
				? this.stored.all().stream().filter((p) -> !p.planId().equals(planId)).toList() : List.of();
		return CalendarLoader.load(this.directory, others, this.knownOrganisation).book();
	}

	/**
	 * Removes a stored plan, in the caller's transaction if there is one; as with
	 * {@link #storePlan}, this node reads the calendar again once it is committed, the
	 * others within {@code loa.calendar.refresh-interval}. A file plan of the same id
	 * comes back. Files of {@code calendar/} are never removed: they change by deploying.
	 * @param planId the stored plan's id
	 * @param version the version the caller looked at
	 * @param actor who removes it; the removal is announced as a {@link PlanRemoved}
	 * @return whether it was removed; {@code false} when no stored plan of that id is at
	 * that version any more (removed or replaced meanwhile), and nothing changed
	 */
	public boolean removePlan(String planId, long version, String actor) {
		Optional<StoredPlan> removed = storedPlan(planId).filter((plan) -> plan.version() == version);
		StoredPlans store = this.stored;
		if (removed.isEmpty() || store == null || !store.delete(planId, version)) {
			return false;
		}
		boolean shippedComesBack = bookWithout(planId).plan(planId).isPresent();
		this.events.publishEvent(new PlanRemoved(actor, removed.get(), shippedComesBack));
		reloadWhenCommitted();
		return true;
	}

	private void reloadWhenCommitted() {
		AfterCommit.run(this::reload);
	}

	/** Where a plan of that id already is, if anywhere. */
	private Optional<String> existing(String planId, String fileName, Optional<StoredPlan> stored) {
		if (stored.isPresent()) {
			return Optional.of(stored.get().location());
		}
		Path file = this.directory.resolve("plans").resolve(fileName);
		if (Files.exists(file)) {
			// Even when it does not load: the file is the editor's, and the stored plan
			// would silently hide it.
			return Optional.of(CalendarLoader.name(this.directory, file));
		}
		return book().plans().stream().filter((p) -> p.id().equals(planId)).findFirst().map((p) -> "a calendar file");
	}

	/** A load and the stored plans' versions it read. */
	private record Loaded(CalendarLoad load, Map<String, StoredPlans.Stamp> versions) {

	}

}
