package vn.loa.organisations;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.text.PlainText;

/**
 * The organisations and their hierarchy: who exists, who is within whom, and the one way
 * they change. Questions are answered from a reading of the whole table kept in memory (a
 * few thousand rows for the whole country); every change made here is read again at once,
 * and a change made on another node within {@code loa.organisations.refresh-interval}.
 * <p>
 * On start it seeds what {@code calendar/organisations.yaml} declares and the table lacks
 * (see {@link OrganisationFile}); from then on the database is the truth, so a rename at
 * the desk is never undone by the file.
 */
@Service
public class Organisations {

	/**
	 * The organisation content, subscribers and stations belong to when they name none:
	 * Loa's own, which always exists.
	 */
	public static final String DEFAULT = "default";

	private static final Log logger = LogFactory.getLog(Organisations.class);

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final OrganisationStore store;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private volatile OrganisationTree tree;

	Organisations(OrganisationStore store, TransactionTemplate transactions, ApplicationEventPublisher events,
			Clock clock, @Value("${loa.calendar-dir:calendar}") Path calendarDir) {
		this.store = store;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		seed(OrganisationFile.read(calendarDir));
		this.tree = read();
	}

	/**
	 * The ids {@code calendar/organisations.yaml} seeds, with the units it names and the
	 * default: what a check of the files without the database can know to exist.
	 */
	public static Set<String> declaredIn(Path calendarDir) {
		Set<String> ids = new HashSet<>();
		declared(calendarDir).forEach((organisation) -> ids.add(organisation.id()));
		return ids;
	}

	/**
	 * The organisations {@code calendar/organisations.yaml} seeds (the units it names,
	 * those it declares, the default), as a command without the database knows them:
	 * enabled, at their first version. An entry that would not be seeded is left out.
	 */
	public static List<Organisation> declared(Path calendarDir) {
		OrganisationFile.Seed seed = OrganisationFile.read(calendarDir);
		Map<String, Organisation> found = new LinkedHashMap<>();
		if (!seed.units().isEmpty()) {
			AdministrativeUnits.shipped(seed.units())
				.forEach((unit) -> found.put(unit.id(),
						new Organisation(unit.id(), unit.name(), unit.kind(), unit.parentId(), unit.code(), true, 1)));
		}
		for (OrganisationFile.Entry entry : seed.organisations()) {
			Organisation organisation = fromFile(entry);
			if (organisation != null) {
				found.putIfAbsent(organisation.id(), organisation);
			}
		}
		found.putIfAbsent(DEFAULT, defaultOrganisation());
		return List.copyOf(found.values());
	}

	private static Organisation defaultOrganisation() {
		return new Organisation(DEFAULT, "Loa — đơn vị mặc định", OrganisationKind.OTHER, null, null, true, 1);
	}

	/** The organisation with this id, enabled or not. */
	public Optional<Organisation> find(String id) {
		return this.tree.find(id);
	}

	/** Whether an organisation with this id exists and is enabled. */
	public boolean accepts(String id) {
		return find(id).map(Organisation::enabled).orElse(false);
	}

	/** How many organisations there are. */
	public int count() {
		return this.tree.size();
	}

	/** The organisations at the top, by name. */
	public List<Organisation> roots() {
		return this.tree.roots();
	}

	/** The organisations directly below {@code id}, by name. */
	public List<Organisation> children(String id) {
		return this.tree.children(id);
	}

	/** The organisations above {@code id}, nearest first; empty for one at the top. */
	public List<Organisation> ancestors(String id) {
		return this.tree.ancestors(id);
	}

	/** Every organisation below {@code id}, nearest levels first, each level by name. */
	public List<Organisation> descendants(String id) {
		return this.tree.descendants(id);
	}

	/** Whether {@code id} is {@code ancestor} itself or lies anywhere below it. */
	public boolean isWithin(String id, String ancestor) {
		return this.tree.isWithin(id, ancestor);
	}

	/**
	 * Whether a caller of {@code scope} may see and change what belongs to {@code id}:
	 * always for the whole installation, else when {@code id} is the scope's organisation
	 * or lies below it. A row of no organisation ({@code null}) is the installation's.
	 */
	public boolean covers(Scope scope, @Nullable String id) {
		String own = scope.organisation();
		if (own == null) {
			return true;
		}
		return id != null && isWithin(id, own);
	}

	/**
	 * The organisation a caller of {@code scope} writes a row for: the one it names, else
	 * its own ({@code default} for the whole installation).
	 * @throws OutsideScopeException when the one named is outside the scope
	 */
	public String ownerFor(Scope scope, @Nullable String named) {
		String owner = (named != null && !named.isBlank()) ? named.strip() : scope.organisationOr(DEFAULT);
		if (!covers(scope, owner)) {
			throw new OutsideScopeException(owner, scope);
		}
		return owner;
	}

	/**
	 * The organisations a caller of {@code scope} reaches: its own and every one below
	 * it; {@code null} for the whole installation, which reaches rows of any or none.
	 */
	public @Nullable List<String> reach(Scope scope) {
		String own = scope.organisation();
		if (own == null) {
			return null;
		}
		List<String> ids = new java.util.ArrayList<>();
		ids.add(own);
		descendants(own).forEach((organisation) -> ids.add(organisation.id()));
		return ids;
	}

	/**
	 * Whether an item of {@code owner} for {@code audience} concerns a caller of
	 * {@code scope}: it is within the scope, or it comes from above and its audience
	 * reaches the scope's organisation (a province's item for all its communes concerns
	 * each commune, which reads it but does not change it).
	 */
	public boolean concerns(Scope scope, @Nullable String owner, Audience audience) {
		if (covers(scope, owner)) {
			return true;
		}
		String own = scope.organisation();
		if (own == null || owner == null || !isWithin(own, owner)) {
			return false;
		}
		return switch (audience.reach()) {
			case OWN -> false;
			case ALL -> true;
			case CHOSEN -> audience.chosen().contains(own);
		};
	}

	/**
	 * Whether a caller of {@code scope} may read what belongs to {@code id}: what it
	 * {@link #covers(Scope, String) covers}, and what belongs to an organisation above it
	 * (a commune reads its province's plans, which apply to it).
	 */
	public boolean sees(Scope scope, @Nullable String id) {
		if (covers(scope, id)) {
			return true;
		}
		String own = scope.organisation();
		return own != null && id != null && isWithin(own, id);
	}

	/**
	 * Whether a caller of {@code scope} may add an organisation under {@code parent}:
	 * anywhere for the whole installation, else under its own organisation or one below.
	 */
	public boolean mayCreateUnder(Scope scope, @Nullable String parent) {
		return scope.everywhere() || (parent != null && !parent.isBlank() && covers(scope, parent.strip()));
	}

	/**
	 * Whether a caller of {@code scope} may make {@code change} to {@code id}: anything
	 * for the whole installation; else to organisations within its own, moving them only
	 * within it, and its own organisation only renamed, never moved, retyped or disabled
	 * (that is for whoever holds the level above).
	 */
	public boolean mayChange(Scope scope, String id, OrganisationChange change) {
		String own = scope.organisation();
		if (own == null) {
			return true;
		}
		if (!covers(scope, id)) {
			return false;
		}
		Organisation before = find(id).orElse(null);
		if (before == null) {
			return false;
		}
		String parent = (change.parent() != null) ? change.parent().strip() : null;
		boolean moves = parent != null && !parent.equals((before.parentId() != null) ? before.parentId() : "");
		if (id.equals(own)) {
			boolean retypes = change.kind() != null && !change.kind().isBlank()
					&& !change.kind().strip().equals(before.kind().key());
			boolean disables = change.enabled() != null && change.enabled() != before.enabled();
			return !moves && !retypes && !disables;
		}
		if (!moves) {
			return true;
		}
		return parent != null && !parent.isEmpty() && covers(scope, parent);
	}

	/**
	 * The ids an audience names that an item of {@code owner} cannot reach: unknown,
	 * disabled, or not {@code owner} nor below it. Empty when the audience is fine.
	 */
	public List<String> outsideOf(String owner, Audience audience) {
		return audience.chosen().stream().filter((id) -> !accepts(id) || !isWithin(id, owner)).toList();
	}

	/**
	 * Whom an item of {@code owner} goes to now: the enabled organisations of its
	 * audience, the owner first, then those below it level by level. Decided once when
	 * the item goes out and recorded with its publication, so that a later change to the
	 * hierarchy does not change what was sent.
	 */
	public List<String> resolve(String owner, Audience audience) {
		OrganisationTree tree = this.tree;
		List<String> members = new ArrayList<>();
		if (audience.reach() != Audience.Reach.CHOSEN) {
			tree.find(owner).filter(Organisation::enabled).ifPresent((o) -> members.add(o.id()));
		}
		if (audience.reach() == Audience.Reach.ALL) {
			tree.descendants(owner).stream().filter(Organisation::enabled).forEach((o) -> members.add(o.id()));
		}
		else if (audience.reach() == Audience.Reach.CHOSEN) {
			audience.chosen()
				.stream()
				.filter((id) -> tree.find(id).map(Organisation::enabled).orElse(false) && tree.isWithin(id, owner))
				.forEach(members::add);
		}
		return List.copyOf(members);
	}

	/**
	 * How a resident finds their commune: the enabled organisations whose name, with
	 * their parent's, holds every word of {@code query} (tone marks and case aside);
	 * those named exactly first, then those whose own name holds every word, then the
	 * rest, by name; at most {@code limit}.
	 */
	public List<Organisation> search(String query, int limit) {
		String wanted = folded(query);
		if (wanted.isEmpty() || limit < 1) {
			return List.of();
		}
		List<String> words = List.of(wanted.split(" "));
		OrganisationTree tree = this.tree;
		List<Map.Entry<Integer, Organisation>> found = new ArrayList<>();
		for (Organisation organisation : tree.all()) {
			if (!organisation.enabled()) {
				continue;
			}
			String own = folded(organisation.name());
			String parent = (organisation.parentId() != null)
					? tree.find(organisation.parentId()).map((p) -> folded(p.name())).orElse("") : "";
			String both = own + " " + parent;
			if (words.stream().allMatch(both::contains)) {
				String proper = own.replaceFirst("^(xa|phuong|dac khu|tinh|thanh pho) ", "");
				int rank = own.equals(wanted) || proper.equals(wanted) ? 0
						: words.stream().allMatch(own::contains) ? 1 : 2;
				found.add(Map.entry(rank, organisation));
			}
		}
		return found.stream()
			.sorted(Map.Entry.<Integer, Organisation>comparingByKey()
				.thenComparing((entry) -> entry.getValue().name(),
						java.text.Collator.getInstance(Locale.forLanguageTag("vi"))))
			.limit(limit)
			.map(Map.Entry::getValue)
			.toList();
	}

	private static String folded(String text) {
		return PlainText.withoutMarks(text).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
	}

	/** Every organisation, each followed by those below it, siblings by name. */
	public List<Organisation> all() {
		List<Organisation> ordered = new ArrayList<>(this.tree.size());
		for (Organisation root : this.tree.roots()) {
			ordered.add(root);
			ordered.addAll(depthFirst(root.id()));
		}
		return ordered;
	}

	private List<Organisation> depthFirst(String id) {
		List<Organisation> below = new ArrayList<>();
		for (Organisation child : this.tree.children(id)) {
			below.add(child);
			below.addAll(depthFirst(child.id()));
		}
		return below;
	}

	/**
	 * Adds an organisation.
	 * @throws InvalidOrganisationException naming the field: an id that is not lower-case
	 * letters and digits joined by dashes or is in use, an empty name, an unknown kind or
	 * parent
	 */
	public Organisation create(NewOrganisation draft, String actor) {
		String id = draft.id().strip();
		if (!ID.matcher(id).matches() || id.length() > 120) {
			throw new InvalidOrganisationException("id", "id",
					"the id '" + id + "' must be lower-case ASCII letters and digits joined by '-', at most 120", id);
		}
		Organisation organisation = new Organisation(id, name(draft.name()), kind(draft.kind()),
				parent(draft.parent(), null), null, true, 1);
		return changed(() -> {
			if (this.store.find(id).isPresent()) {
				throw InvalidOrganisationException.conflict("id", "taken",
						"an organisation with id '" + id + "' exists", id);
			}
			try {
				this.store.insert(organisation, "desk", this.clock.instant());
			}
			catch (DuplicateKeyException ex) {
				// Another node added the same id a moment before.
				throw InvalidOrganisationException.conflict("id", "taken",
						"an organisation with id '" + id + "' exists", id);
			}
			this.events.publishEvent(
					new OrganisationChanged(actor, "organisation.create", subject(id), null, describe(organisation)));
			return organisation;
		});
	}

	/**
	 * Renames, retypes, moves, disables or enables an organisation: what {@code change}
	 * gives, the rest as it is.
	 * @throws InvalidOrganisationException naming the field: an unknown organisation or
	 * parent, a move below itself, a version another change has passed (a conflict)
	 */
	public Organisation update(String id, OrganisationChange change, String actor) {
		return changed(() -> {
			Organisation before = this.store.find(id)
				.orElseThrow(() -> new InvalidOrganisationException("id", "unknown",
						"there is no organisation '" + id + "'", id));
			if (change.version() != null && change.version() != before.version()) {
				throw InvalidOrganisationException.conflict("version", "changed", "organisation '" + id
						+ "' was changed meanwhile (version " + before.version() + ", not " + change.version() + ")",
						id);
			}
			String parent = (change.parent() == null) ? before.parentId() : parent(change.parent(), id);
			if (DEFAULT.equals(id) && change.enabled() != null && !change.enabled()) {
				throw new InvalidOrganisationException("enabled", "default",
						"the default organisation cannot be disabled", id);
			}
			Organisation after = new Organisation(id, (change.name() == null) ? before.name() : name(change.name()),
					(change.kind() == null) ? before.kind() : kind(change.kind()), parent, before.code(),
					(change.enabled() == null) ? before.enabled() : change.enabled(), before.version() + 1);
			if (after.equals(new Organisation(before.id(), before.name(), before.kind(), before.parentId(),
					before.code(), before.enabled(), before.version() + 1))) {
				return before;
			}
			if (!this.store.update(after, before.version(), this.clock.instant())) {
				throw InvalidOrganisationException.conflict("version", "changed",
						"organisation '" + id + "' was changed meanwhile", id);
			}
			this.events.publishEvent(new OrganisationChanged(actor, "organisation.update", subject(id),
					describe(before), describe(after)));
			return after;
		});
	}

	/**
	 * Loads provinces and their communes from a list of administrative units in the CSV
	 * format of the 2025 dataset. A unit already loaded (known by its code, or by its id
	 * when it was declared before it had one) is updated, never added twice; a unit's
	 * enabled state is never changed by a list.
	 * @param provinces the provinces to load (codes or slugs), or empty for all
	 * @throws InvalidOrganisationException naming the file and line that cannot be read,
	 * or a unit whose id another organisation already has; nothing is stored then
	 */
	public Imported importUnits(String provincesCsv, String communesCsv, Collection<String> provinces, String actor) {
		return load(AdministrativeUnits.read(provincesCsv, communesCsv, provinces), actor, true);
	}

	/** As {@link #importUnits}, from the list Loa ships. */
	public Imported importShipped(Collection<String> provinces, String actor) {
		return load(AdministrativeUnits.shipped(provinces), actor, true);
	}

	private Imported load(List<AdministrativeUnits.Unit> units, String actor, boolean update) {
		return changed(() -> {
			Map<String, Organisation> byId = new HashMap<>();
			Map<String, Organisation> byCode = new HashMap<>();
			for (Organisation organisation : this.store.all()) {
				byId.put(organisation.id(), organisation);
				if (organisation.code() != null) {
					byCode.put(organisation.code(), organisation);
				}
			}
			List<Organisation> added = new ArrayList<>();
			int updated = 0;
			int unchanged = 0;
			Map<String, String> idOfCode = new HashMap<>();
			for (AdministrativeUnits.Unit unit : units) {
				Organisation existing = byCode.get(unit.code());
				if (existing == null) {
					Organisation sameId = byId.get(unit.id());
					if (sameId != null && sameId.code() != null) {
						throw new InvalidOrganisationException(unit.file(), "line.idTaken",
								unit.file() + " line " + unit.line() + ": the id '" + unit.id()
										+ "' belongs to another unit (code " + sameId.code() + ")",
								unit.file(), unit.line(), unit.id());
					}
					existing = sameId;
				}
				String parent = (unit.parentId() != null) ? idOfCode.getOrDefault(unit.parentId(), unit.parentId())
						: null;
				if (existing == null) {
					Organisation created = new Organisation(unit.id(), unit.name(), unit.kind(), parent, unit.code(),
							true, 1);
					added.add(created);
					byId.put(created.id(), created);
					idOfCode.put(unit.id(), unit.id());
					continue;
				}
				idOfCode.put(unit.id(), existing.id());
				Organisation wanted = new Organisation(existing.id(), unit.name(), unit.kind(), parent, unit.code(),
						existing.enabled(), existing.version());
				if (!update || wanted.equals(existing)) {
					unchanged++;
				}
				else {
					this.store.update(wanted, existing.version(), this.clock.instant());
					updated++;
				}
			}
			this.store.insertAll(added, update ? "import" : "file", this.clock.instant());
			Imported imported = new Imported(added.size(), updated, unchanged);
			if (imported.created() + imported.updated() > 0) {
				this.events.publishEvent(new OrganisationChanged(actor, "organisation.import", "organisations", null,
						imported.created() + " created, " + imported.updated() + " updated, " + imported.unchanged()
								+ " unchanged"));
			}
			return imported;
		});
	}

	/**
	 * What an import did.
	 *
	 * @param created organisations added
	 * @param updated organisations whose name, kind or parent changed
	 * @param unchanged organisations already as the list has them
	 */
	public record Imported(int created, int updated, int unchanged) {

	}

	/**
	 * Reads the table again if another node changed it since it was last read.
	 * @return whether it was read again
	 */
	boolean refreshIfChanged() {
		if (this.store.stamp().equals(this.tree.stamp())) {
			return false;
		}
		this.tree = read();
		return true;
	}

	private OrganisationTree read() {
		// The stamp first: a change between the two readings is then read again next
		// time.
		OrganisationStore.Stamp stamp = this.store.stamp();
		return new OrganisationTree(this.store.all(), stamp);
	}

	private <T> T changed(java.util.function.Supplier<T> change) {
		T result = this.transactions.execute((status) -> change.get());
		this.tree = read();
		return java.util.Objects.requireNonNull(result);
	}

	/**
	 * Adds what the file declares and the table lacks: the provinces its {@code units:}
	 * names with their communes, then its organisations, parents first. Nodes starting
	 * together may race; the one that loses reads what the other stored.
	 */
	private void seed(OrganisationFile.Seed seed) {
		for (int attempt = 1;; attempt++) {
			try {
				this.transactions.executeWithoutResult((status) -> seedOnce(seed));
				return;
			}
			catch (DataIntegrityViolationException ex) {
				if (attempt == 3) {
					throw ex;
				}
				logger.info("Organisations: another node seeded meanwhile; seeding again");
			}
		}
	}

	private void seedOnce(OrganisationFile.Seed seed) {
		Set<String> known = new HashSet<>();
		this.store.all().forEach((organisation) -> known.add(organisation.id()));
		if (!seed.units().isEmpty()) {
			load(AdministrativeUnits.shipped(seed.units()), "file", false);
			this.store.all().forEach((organisation) -> known.add(organisation.id()));
		}
		List<Organisation> adding = new ArrayList<>();
		if (!known.contains(DEFAULT) && seed.organisations().stream().noneMatch((e) -> e.id().equals(DEFAULT))) {
			adding.add(defaultOrganisation());
		}
		Map<String, OrganisationFile.Entry> declared = new LinkedHashMap<>();
		seed.organisations().forEach((entry) -> declared.putIfAbsent(entry.id(), entry));
		Set<String> placed = new HashSet<>(known);
		boolean progress = true;
		while (progress) {
			progress = false;
			for (OrganisationFile.Entry entry : List.copyOf(declared.values())) {
				String parent = entry.parent();
				if (placed.contains(entry.id())) {
					declared.remove(entry.id());
					continue;
				}
				if (parent != null && !placed.contains(parent)) {
					continue;
				}
				Organisation organisation = fromFile(entry);
				if (organisation != null) {
					adding.add(organisation);
					placed.add(entry.id());
				}
				declared.remove(entry.id());
				progress = true;
			}
		}
		declared.values()
			.forEach((entry) -> logger.warn("Organisations: " + OrganisationFile.NAME + " gives '" + entry.id()
					+ "' the parent '" + entry.parent() + "', which does not exist; it is not added"));
		this.store.insertAll(adding, "file", this.clock.instant());
	}

	private static @Nullable Organisation fromFile(OrganisationFile.Entry entry) {
		try {
			if (!ID.matcher(entry.id()).matches() || entry.id().length() > 120) {
				throw new IllegalArgumentException("the id is not lower-case letters and digits joined by '-'");
			}
			OrganisationKind kind = (entry.kind() != null) ? OrganisationKind.parse(entry.kind())
					: OrganisationKind.OTHER;
			return new Organisation(entry.id(), name(entry.name()), kind, entry.parent(), null, true, 1);
		}
		catch (IllegalArgumentException | InvalidOrganisationException ex) {
			logger.warn("Organisations: '" + entry.id() + "' in " + OrganisationFile.NAME + " is not added: "
					+ ex.getMessage());
			return null;
		}
	}

	private static String name(String name) {
		String normalised = PlainText.normaliseLine(name).strip();
		if (normalised.isEmpty()) {
			throw new InvalidOrganisationException("name", "name", "an organisation needs a name");
		}
		if (normalised.length() > 300) {
			throw new InvalidOrganisationException("name", "nameLength", "the name is longer than 300 characters",
					normalised.length());
		}
		PlainText.firstForbidden(normalised).ifPresent((found) -> {
			throw new InvalidOrganisationException("name", "control",
					"the name contains the control character " + found.character(), found.character());
		});
		return normalised;
	}

	private static OrganisationKind kind(@Nullable String kind) {
		if (kind == null || kind.isBlank()) {
			return OrganisationKind.OTHER;
		}
		try {
			return OrganisationKind.parse(kind);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidOrganisationException("kind", "kind", String.valueOf(ex.getMessage()), kind.strip());
		}
	}

	/**
	 * The parent an organisation is given: none for a blank one, otherwise one that
	 * exists and is not {@code self} nor below it.
	 */
	private @Nullable String parent(@Nullable String parent, @Nullable String self) {
		if (parent == null || parent.isBlank()) {
			return null;
		}
		String id = parent.strip().toLowerCase(Locale.ROOT);
		if (this.store.find(id).isEmpty()) {
			throw new InvalidOrganisationException("parent", "parent", "there is no organisation '" + id + "'", id);
		}
		if (self != null && (id.equals(self) || read().isWithin(id, self))) {
			throw new InvalidOrganisationException("parent", "cycle",
					"'" + self + "' cannot move below itself ('" + id + "' is within it)", self, id);
		}
		return id;
	}

	private static String subject(String id) {
		return "organisation:" + id;
	}

	private static String describe(Organisation organisation) {
		return organisation.name() + ", " + organisation.kind().key() + ", parent "
				+ ((organisation.parentId() != null) ? organisation.parentId() : "none") + ", "
				+ (organisation.enabled() ? "enabled" : "disabled");
	}

}
