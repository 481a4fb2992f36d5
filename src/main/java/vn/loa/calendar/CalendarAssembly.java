package vn.loa.calendar;

import org.jspecify.annotations.Nullable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import vn.loa.organisations.Organisations;

/**
 * The second pass of loading: turns parsed entries into calendar data, checking dates and
 * references. An entry with any problem is left out; everything else still loads.
 */
final class CalendarAssembly {

	static final String DEFAULT_ORGANISATION = Organisations.DEFAULT;

	// kind and parent are read by the organisations module, which holds the hierarchy.
	private static final Set<String> ORGANISATION_KEYS = keys("id", "name", "kind", "parent");

	private static final Set<String> ANNIVERSARY_KEYS = keys("id", "name", "name-en", "date", "calendar", "tier",
			"organisation");

	private static final Set<String> EVENT_KEYS = keys("id", "name", "name-en", "date", "from", "to", "organisation");

	private static final Set<String> PLAN_KEYS = keys("id", "number", "issuer", "place", "date", "title", "implements",
			"phases", "anniversaries", "events", "recipients", "organisation");

	private static final Set<String> PHASE_KEYS = keys("name", "start", "end", "until");

	private final List<CalendarProblem> problems;

	// Ids seen, with where first, to report duplicates (even of entries that did not
	// load).
	private final Map<String, String> organisationsSeen = new HashMap<>();

	private final Map<String, String> anniversariesSeen = new HashMap<>();

	private final Map<String, String> eventsSeen = new HashMap<>();

	private final Map<String, String> plansSeen = new HashMap<>();

	// What loaded, which is what references may name.
	private final Set<String> organisations = new HashSet<>();

	private final Set<String> anniversaries = new HashSet<>();

	/** The origin year of each loaded anniversary that has one. */
	private final Map<String, Integer> originYears = new HashMap<>();

	private final Map<String, Event> events = new HashMap<>();

	/** Organisations that exist though the files do not declare them. */
	private final Predicate<String> knownOrganisation;

	CalendarAssembly(List<CalendarProblem> problems, Predicate<String> knownOrganisation) {
		this.problems = problems;
		this.knownOrganisation = knownOrganisation;
	}

	CalendarBook assemble(CalendarLoader.Sections sections) {
		List<Organisation> organisations = new ArrayList<>();
		sections.organisations.forEach((entry) -> keep(entry, organisation(entry), organisations));
		if (organisations.stream().noneMatch((organisation) -> organisation.id().equals(DEFAULT_ORGANISATION))) {
			// Entries without an organisation belong to it, so it always exists.
			organisations.add(0, new Organisation(DEFAULT_ORGANISATION, "Loa — đơn vị mặc định"));
		}
		organisations.forEach((organisation) -> this.organisations.add(organisation.id()));
		List<Anniversary> anniversaries = new ArrayList<>();
		sections.anniversaries.forEach((entry) -> keep(entry, anniversary(entry), anniversaries));
		anniversaries.forEach((anniversary) -> {
			this.anniversaries.add(anniversary.id());
			if (anniversary.originYear() != null) {
				this.originYears.put(anniversary.id(), anniversary.originYear());
			}
		});
		List<Event> events = new ArrayList<>();
		sections.events.forEach((entry) -> keep(entry, event(entry), events));
		events.forEach((event) -> this.events.put(event.id(), event));
		List<Plan> plans = new ArrayList<>();
		sections.plans.forEach((entry) -> keep(entry, plan(entry), plans));
		return new CalendarBook(anniversaries, events, plans, organisations);
	}

	private <T> void keep(YamlEntry entry, @Nullable T value, List<T> into) {
		if (entry.valid() && value != null) {
			into.add(value);
		}
		else {
			this.problems.addAll(entry.problems());
		}
	}

	// Built before the entry is known to be valid (reading it reports its problems);
	// keep() drops an invalid one, so no value with a missing required field leaves here.
	@SuppressWarnings("NullAway")
	private Organisation organisation(YamlEntry entry) {
		entry.allowOnly(ORGANISATION_KEYS);
		String id = unique(entry, "organisation", this.organisationsSeen);
		return new Organisation(id, entry.required("name"));
	}

	// Built before the entry is known to be valid (reading it reports its problems);
	// keep() drops an invalid one, so no value with a missing required field leaves here.
	@SuppressWarnings("NullAway")
	private @Nullable Anniversary anniversary(YamlEntry entry) {
		entry.allowOnly(ANNIVERSARY_KEYS);
		String id = unique(entry, "anniversary", this.anniversariesSeen);
		String name = entry.required("name");
		String nameEn = entry.text("name-en");
		String calendar = entry.text("calendar");
		boolean lunar = "lunar".equals(calendar);
		if (calendar != null && !lunar && !"solar".equals(calendar)) {
			entry.problem("calendar", "unknown calendar '" + calendar + "', expected solar or lunar",
					"problem.calendar.unknown-calendar", calendar);
		}
		WrittenDate date = null;
		String dateText = entry.required("date");
		if (dateText != null) {
			try {
				date = lunar ? WrittenDate.parseLunar(dateText) : WrittenDate.parse(dateText);
			}
			catch (WrittenDate.Unreadable ex) {
				ex.report(entry, "date");
			}
		}
		Tier tier = tier(entry);
		String organisation = organisation(entry, "organisation");
		if (!entry.valid()) {
			return null;
		}
		// A valid entry has its date and tier.
		WrittenDate written = Objects.requireNonNull(date, "date");
		return new Anniversary(id, name, written.day(), written.month(), written.year(),
				Objects.requireNonNull(tier, "tier"), organisation, lunar, nameEn);
	}

	private static @Nullable Tier tier(YamlEntry entry) {
		String tier = entry.required("tier");
		if (tier == null) {
			return null;
		}
		return switch (tier) {
			case "L" -> Tier.LE_LON;
			case "K" -> Tier.KHAC;
			default -> {
				entry.problem("tier", "unknown tier '" + tier + "', expected L (ngày lễ lớn) or K",
						"problem.calendar.unknown-tier", tier);
				yield null;
			}
		};
	}

	// Built before the entry is known to be valid (reading it reports its problems);
	// keep() drops an invalid one, so no value with a missing required field leaves here.
	@SuppressWarnings("NullAway")
	private Event event(YamlEntry entry) {
		entry.allowOnly(EVENT_KEYS);
		String id = unique(entry, "event", this.eventsSeen);
		String name = entry.required("name");
		String nameEn = entry.text("name-en");
		LocalDate start = null;
		LocalDate end = null;
		if (entry.has("date") && (entry.has("from") || entry.has("to"))) {
			entry.problem("from", "an event has either 'date' or 'from' and 'to', not both",
					"problem.calendar.date-and-range");
		}
		else if (entry.has("from") || entry.has("to")) {
			start = entry.date("from");
			end = entry.date("to");
			if (!entry.has("from") || !entry.has("to")) {
				entry.problem(entry.has("from") ? "from" : "to", "a date range needs both 'from' and 'to'",
						"problem.calendar.half-range");
			}
			else if (start != null && end != null && end.isBefore(start)) {
				entry.problem("to",
						"event ends (" + VietnameseDates.display(end) + ") before it starts ("
								+ VietnameseDates.display(start) + ")",
						"problem.calendar.ends-before", VietnameseDates.display(end), VietnameseDates.display(start));
			}
		}
		else if (!"unknown".equals(entry.text("date"))) {
			start = entry.date("date");
		}
		String organisation = organisation(entry, "organisation");
		return new Event(id, name, start, end, organisation, nameEn);
	}

	// Built before the entry is known to be valid (reading it reports its problems);
	// keep() drops an invalid one, so no value with a missing required field leaves here.
	@SuppressWarnings("NullAway")
	private Plan plan(YamlEntry entry) {
		entry.allowOnly(PLAN_KEYS);
		String id = unique(entry, "plan", this.plansSeen);
		String number = entry.text("number");
		if (number != null) {
			String first = this.plansSeen.putIfAbsent(number.toLowerCase(), entry.where("number"));
			if (first != null) {
				entry.problem("number", "duplicate plan number '" + number + "' (first at " + first + ")",
						"problem.calendar.duplicate-plan", number, first);
			}
		}
		String issuer = entry.required("issuer");
		String place = entry.text("place");
		LocalDate date = entry.date("date");
		String title = entry.required("title");
		List<String> implementsDocuments = texts(entry.values("implements"));
		List<Phase> phases = new ArrayList<>();
		for (YamlEntry phase : Objects.requireNonNullElse(entry.parts("phases", "a phase"), List.<YamlEntry>of())) {
			phases.add(phase(phase, phases.size() + 1));
		}
		Map<String, Plan.Occurrence> occurrences = new java.util.LinkedHashMap<>();
		List<String> anniversaries = occurrences(entry, occurrences);
		List<String> events = references(entry, "events", "event", this.events.keySet(), this.eventsSeen);
		List<String> recipients = texts(entry.values("recipients"));
		String organisation = organisation(entry, "organisation");
		return new Plan(id, number, issuer, place, date, title, implementsDocuments, phases, anniversaries, events,
				recipients, organisation, occurrences);
	}

	// Built before the entry is known to be valid (reading it reports its problems);
	// keep() drops an invalid one, so no value with a missing required field leaves here.
	@SuppressWarnings("NullAway")
	private Phase phase(YamlEntry entry, int number) {
		entry.allowOnly(PHASE_KEYS);
		String name = entry.required("name");
		LocalDate start = entry.requiredDate("start");
		LocalDate end = entry.date("end");
		String until = entry.text("until");
		if (entry.has("end") == entry.has("until")) {
			entry.problem("until", entry.has("end") ? "a phase has either 'end' or 'until', not both"
					: "a phase needs 'end' (dd/MM/yyyy) or 'until' (an event id)");
		}
		LocalDate last = end;
		if (until != null) {
			if (this.events.containsKey(until)) {
				last = this.events.get(until).start();
			}
			else {
				unknown(entry, entry.line("until"), "event", until, this.eventsSeen);
			}
		}
		if (start != null && last != null && last.isBefore(start)) {
			entry.problem((end != null) ? "end" : "until", "phase ends (" + VietnameseDates.display(last)
					+ ") before it starts (" + VietnameseDates.display(start) + ")");
		}
		return new Phase(number, name, start, end, until);
	}

	/** The entry's id, reported when another entry of the same kind already has it. */
	private static @Nullable String unique(YamlEntry entry, String kind, Map<String, String> seen) {
		String id = entry.id();
		if (id != null) {
			String first = seen.putIfAbsent(id, entry.where("id"));
			if (first != null) {
				entry.problem("id", "duplicate " + kind + " id '" + id + "' (first at " + first + ")",
						"problem.duplicate." + kind, id, first);
			}
		}
		return id;
	}

	private String organisation(YamlEntry entry, String key) {
		String id = entry.text(key);
		if (id == null) {
			return DEFAULT_ORGANISATION;
		}
		if (!this.organisations.contains(id) && !this.knownOrganisation.test(id)) {
			unknown(entry, entry.line(key), "organisation", id, this.organisationsSeen);
		}
		return id;
	}

	private static List<String> references(YamlEntry entry, String key, String kind, Set<String> loaded,
			Map<String, String> seen) {
		List<String> ids = new ArrayList<>();
		for (YamlEntry.Value value : entry.values(key)) {
			if (!loaded.contains(value.text())) {
				unknown(entry, value.line(), kind, value.text(), seen);
			}
			ids.add(value.text());
		}
		return ids;
	}

	/**
	 * A plan's anniversaries: each an id, or the occurrence it targets ({@code {id:
	 * quoc-khanh, ordinal: 80, year: 2025}}), whose ordinal must agree with its year.
	 */
	private List<String> occurrences(YamlEntry entry, Map<String, Plan.Occurrence> occurrences) {
		List<String> ids = new ArrayList<>();
		for (YamlEntry.Item item : entry.valuesOrParts("anniversaries")) {
			YamlEntry.Value value = item.value();
			if (value != null) {
				if (!this.anniversaries.contains(value.text())) {
					unknown(entry, value.line(), "anniversary", value.text(), this.anniversariesSeen);
				}
				ids.add(value.text());
				continue;
			}
			YamlEntry part = java.util.Objects.requireNonNull(item.part());
			part.allowOnly(keys("id", "ordinal", "year"));
			String id = part.required("id");
			if (id == null) {
				continue;
			}
			if (!this.anniversaries.contains(id)) {
				unknown(part, part.line("id"), "anniversary", id, this.anniversariesSeen);
			}
			Integer ordinal = part.integer("ordinal");
			Integer year = part.integer("year");
			Integer origin = this.originYears.get(id);
			if (ordinal != null && year != null && origin != null && ordinal != year - origin) {
				part.problem("ordinal",
						"anniversary '" + id + "': " + ordinal + " years does not fall in " + year + " (it began in "
								+ origin + ", so " + year + " is its " + (year - origin) + "th)",
						"problem.calendar.ordinal-year", id, ordinal, year, origin, year - origin);
			}
			else if (ordinal != null && year == null && origin != null) {
				year = origin + ordinal;
			}
			else if (ordinal == null && year != null && origin != null) {
				ordinal = year - origin;
			}
			ids.add(id);
			occurrences.put(id, new Plan.Occurrence(ordinal, year));
		}
		return ids;
	}

	/**
	 * A reference to an entry that is not there: unknown, or named but not loaded because
	 * of its own problems (then where it is).
	 */
	private static void unknown(YamlEntry entry, int line, String kind, String id, Map<String, String> seen) {
		String where = seen.get(id);
		if (where != null) {
			entry.problemAt(line, kind + " '" + id + "' did not load (see " + where + ")", "problem.not-loaded." + kind,
					id, where);
		}
		else {
			entry.problemAt(line, "unknown " + kind + " '" + id + "'", "problem.unknown." + kind, id);
		}
	}

	private static List<String> texts(List<YamlEntry.Value> values) {
		return values.stream().map(YamlEntry.Value::text).toList();
	}

	private static Set<String> keys(String... keys) {
		return new LinkedHashSet<>(List.of(keys));
	}

}
