package vn.loa.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.loa.organisations.Audience;

/**
 * Stores content items in the database and announces {@link ContentScheduled} whenever an
 * item's time is set or changed. The module's own: other modules read through
 * {@link ContentCatalog} and {@link ContentQueries}, change items through
 * {@link ContentWorkflow}, and publishing claims them through {@link ContentHandOff}.
 */

@Service
class ContentStore implements ContentQueries, ContentHandOff {

	private static final String COLUMNS = "id, organisation, title, summary, body, radio_script, outlets, when_spec, "
			+ "due_at, stale_after, status, source, updated_at, audience, priority";

	private final NamedParameterJdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();

	ContentStore(NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public long localWrites() {
		return this.writes.get();
	}

	@Override
	public ContentStamp stamp() {
		return Objects.requireNonNull(this.jdbc.getJdbcTemplate()
			.queryForObject("SELECT COUNT(*), MAX(updated_at) FROM content_item", (rs, n) -> {
				Timestamp last = rs.getTimestamp(2);
				return new ContentStamp(rs.getLong(1), (last != null) ? last.toInstant() : null);
			}));
	}

	/**
	 * Counts a write once its transaction commits (at once outside one): a reader that
	 * saw the count move reads the committed rows.
	 */
	private void written() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					ContentStore.this.writes.incrementAndGet();
				}
			});
		}
		else {
			this.writes.incrementAndGet();
		}
	}

	@Override
	public Optional<ContentItem> find(String id) {
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM content_item WHERE id = :id", Map.of("id", id), this::mapRow)
			.stream()
			.findFirst();
	}

	@Override
	public List<ContentItem> findAll(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query("SELECT " + COLUMNS + " FROM content_item WHERE id IN (:ids)", Map.of("ids", ids),
				this::mapRow);
	}

	/** Items in a status, by due time (unresolved last). */
	@Override
	public List<ContentItem> findByStatus(ContentStatus status) {
		return this.jdbc.query(
				"SELECT " + COLUMNS + " FROM content_item WHERE status = :status ORDER BY due_at NULLS LAST, id",
				Map.of("status", status.name()), this::mapRow);
	}

	/**
	 * Scheduled items whose time is at or before {@code instant}, oldest first, at most
	 * {@code limit}.
	 */
	@Override
	public List<ContentItem> findDue(Instant instant, int limit) {
		return this.jdbc.query(
				"SELECT " + COLUMNS + " FROM content_item WHERE status = 'SCHEDULED' AND due_at <= :at "
						+ "ORDER BY due_at, id FETCH FIRST " + limit + " ROWS ONLY",
				Map.of("at", Timestamp.from(instant)), this::mapRow);
	}

	/**
	 * Distinct future due instants of scheduled items: what the scheduler must hold
	 * triggers for.
	 */
	@Override
	public List<Instant> scheduledInstantsAfter(Instant instant) {
		return this.jdbc.queryForList(
				"SELECT DISTINCT due_at FROM content_item WHERE status = 'SCHEDULED' AND due_at > :at ORDER BY due_at",
				Map.of("at", Timestamp.from(instant)), Timestamp.class)
			.stream()
			.map(Timestamp::toInstant)
			.toList();
	}

	/** Items due at or after {@code from} and before {@code to}, by due time. */
	@Override
	public List<ContentItem> findDueBetween(Instant from, Instant to) {
		return this.jdbc.query(
				"SELECT " + COLUMNS + " FROM content_item WHERE due_at >= :from AND due_at < :to ORDER BY due_at, id",
				Map.of("from", Timestamp.from(from), "to", Timestamp.from(to)), this::mapRow);
	}

	/**
	 * Stores a new item or replaces the stored one with the same id. Returns whether
	 * anything changed. An item that already went out keeps its status: editing its text
	 * never sends it again.
	 */
	@Transactional
	boolean save(ContentItem item) {
		String checksum = checksum(item);
		Optional<Stored> stored = this.jdbc
			.query("SELECT status, checksum FROM content_item WHERE id = :id", Map.of("id", item.id()),
					(rs, n) -> new Stored(ContentStatus.valueOf(rs.getString(1)), rs.getString(2)))
			.stream()
			.findFirst();
		if (stored.isPresent() && stored.get().checksum().equals(checksum)) {
			return false;
		}
		written();
		ContentStatus status = item.status();
		if (stored.isPresent() && stored.get().status().hasGoneOut()) {
			status = stored.get().status();
		}
		MapSqlParameterSource params = parameters(item, status, checksum);
		if (stored.isPresent()) {
			this.jdbc
				.update("UPDATE content_item SET organisation = :organisation, audience = :audience, title = :title, "
						+ "summary = :summary, "
						+ "body = :body, radio_script = :radioScript, outlets = :outlets, when_spec = :when, due_at = :dueAt, "
						+ "stale_after = :staleAfter, status = :status, source = :source, checksum = :checksum, "
						+ "anchor_kind = :anchorKind, anchor_ref = :anchorRef, priority = :priority, "
						+ "revision = revision + 1, updated_at = :now WHERE id = :id", params);
		}
		else {
			this.jdbc
				.update("INSERT INTO content_item (id, organisation, audience, title, summary, body, radio_script, "
						+ "outlets, when_spec, due_at, stale_after, status, source, checksum, anchor_kind, anchor_ref, "
						+ "priority, created_at, updated_at) VALUES (:id, :organisation, :audience, :title, :summary, :body, "
						+ ":radioScript, :outlets, :when, "
						+ ":dueAt, :staleAfter, :status, :source, :checksum, :anchorKind, :anchorRef, :priority, :now, :now)",
						params);
		}
		if (status == ContentStatus.SCHEDULED && item.dueAt() != null) {
			this.events.publishEvent(new ContentScheduled(item.id(), item.dueAt()));
		}
		return true;
	}

	/**
	 * Moves an item from one status to another if, and only if, it is still in the
	 * expected one: publishing's claim of a scheduled item. The compare-and-set is what
	 * keeps two publishers from sending the same item.
	 */
	@Transactional
	@Override
	public boolean transition(String id, ContentStatus expected, ContentStatus next) {
		written();
		return this.jdbc.update(
				"UPDATE content_item SET status = :next, updated_at = :now WHERE id = :id AND status = :expected",
				Map.of("id", id, "expected", expected.name(), "next", next.name(), "now",
						Timestamp.from(this.clock.instant()))) == 1;
	}

	/**
	 * The same compare-and-set for many items as one batch of statements: one round trip
	 * for a chunk of items due at 06:00, and each statement's count says which were
	 * claimed.
	 */
	@Transactional
	@Override
	public java.util.Set<String> transitionAll(Map<String, ContentStatus> next, ContentStatus expected) {
		written();
		Timestamp now = Timestamp.from(this.clock.instant());
		List<String> ids = new java.util.ArrayList<>();
		List<MapSqlParameterSource> rows = new java.util.ArrayList<>();
		next.forEach((id, status) -> {
			ids.add(id);
			rows.add(new MapSqlParameterSource("id", id).addValue("expected", expected.name())
				.addValue("next", status.name())
				.addValue("now", now));
		});
		int[] changed = this.jdbc.batchUpdate(
				"UPDATE content_item SET status = :next, updated_at = :now WHERE id = :id AND status = :expected",
				rows.toArray(MapSqlParameterSource[]::new));
		java.util.Set<String> moved = new java.util.LinkedHashSet<>();
		for (int i = 0; i < ids.size(); i++) {
			if (changed[i] == java.sql.Statement.SUCCESS_NO_INFO) {
				// A driver that cannot count batched statements (H2 and PostgreSQL do):
				// nothing tells who claimed what. The caller's transaction is undone and
				// it claims one by one.
				throw new IllegalStateException("the database did not count the claims of a batch");
			}
			if (changed[i] == 1) {
				moved.add(ids.get(i));
			}
		}
		return moved;
	}

	/**
	 * Takes back an item in any state, even one that went out, and announces
	 * {@link ContentWithdrawn} so the outlets stop carrying it; returns false when it was
	 * already withdrawn (or does not exist).
	 */
	@Transactional
	boolean withdraw(String id) {
		Optional<ContentStatus> previous = this.jdbc
			.queryForList("SELECT status FROM content_item WHERE id = :id FOR UPDATE", Map.of("id", id), String.class)
			.stream()
			.map(ContentStatus::valueOf)
			.findFirst();
		if (previous.isEmpty() || previous.get() == ContentStatus.WITHDRAWN) {
			return false;
		}
		written();
		boolean changed = this.jdbc.update(
				"UPDATE content_item SET status = 'WITHDRAWN', updated_at = :now WHERE id = :id "
						+ "AND status <> 'WITHDRAWN'",
				Map.of("id", id, "now", Timestamp.from(this.clock.instant()))) == 1;
		if (changed) {
			this.events.publishEvent(new ContentWithdrawn(id, previous.get()));
		}
		return changed;
	}

	/**
	 * Moves an item from one status to another if it is still in the expected one, and
	 * records who did it: {@code submitted} sets the submitter, anything else the
	 * approver.
	 */
	@Transactional
	boolean transition(String id, ContentStatus expected, ContentStatus next, String actor) {
		return transition(id, expected, next, actor, null);
	}

	/**
	 * As {@link #transition(String, ContentStatus, ContentStatus, String)}, and only if
	 * the item's text is still at revision {@code seen}: an approval must approve what
	 * the approver read, not an edit that landed in between.
	 */
	@Transactional
	boolean transition(String id, ContentStatus expected, ContentStatus next, String actor, @Nullable Integer seen) {
		String column = (next == ContentStatus.SUBMITTED) ? "submitted_by" : "approved_by";
		MapSqlParameterSource params = new MapSqlParameterSource("id", id).addValue("expected", expected.name())
			.addValue("next", next.name())
			.addValue("actor", actor)
			.addValue("now", Timestamp.from(this.clock.instant()));
		written();
		String unchanged = "";
		if (seen != null) {
			unchanged = " AND revision = :seen";
			params.addValue("seen", seen);
		}
		return this.jdbc.update(
				"UPDATE content_item SET status = :next, " + column
						+ " = :actor, updated_at = :now WHERE id = :id AND status = :expected" + unchanged,
				params) == 1;
	}

	/**
	 * Replaces an item's text and status only if its status is still {@code expected} and
	 * its text is still at revision {@code seen}: an edit at the desk must not race the
	 * publisher or overwrite a colleague's edit. An edit that leaves the item under
	 * review makes its author the submitter, so they cannot approve it.
	 */
	@Transactional
	boolean replace(ContentItem item, ContentStatus expected, String actor, int seen) {
		MapSqlParameterSource params = parameters(item, item.status(), checksum(item))
			.addValue("expected", expected.name())
			.addValue("actor", actor)
			.addValue("seen", seen);
		written();
		String submitter = (item.status() == ContentStatus.SUBMITTED) ? "submitted_by = :actor, " : "";
		return this.jdbc.update("UPDATE content_item SET organisation = :organisation, audience = :audience, "
				+ "title = :title, "
				+ "summary = :summary, body = :body, radio_script = :radioScript, outlets = :outlets, "
				+ "when_spec = :when, due_at = :dueAt, stale_after = :staleAfter, status = :status, source = :source, "
				+ "checksum = :checksum, anchor_kind = :anchorKind, anchor_ref = :anchorRef, priority = :priority, "
				+ submitter + "revision = revision + 1, updated_at = :now WHERE id = :id AND status = :expected "
				+ "AND revision = :seen", params) == 1;
	}

	/**
	 * Gives an item that went out (published or late) its corrected text; returns whether
	 * it was still out to correct.
	 */
	@Transactional
	boolean correct(String id, String title, String summary, String body, @Nullable String radioScript) {
		written();
		MapSqlParameterSource params = new MapSqlParameterSource("id", id).addValue("title", title)
			.addValue("summary", summary)
			.addValue("body", body)
			.addValue("radioScript", radioScript)
			.addValue("now", Timestamp.from(this.clock.instant()));
		return this.jdbc.update("UPDATE content_item SET title = :title, summary = :summary, body = :body, "
				+ "radio_script = :radioScript, revision = revision + 1, updated_at = :now WHERE id = :id "
				+ "AND status IN ('PUBLISHED', 'LATE')", params) == 1;
	}

	@Override
	public Map<String, List<ContentCorrection>> corrections(Collection<String> ids) {
		Map<String, List<ContentCorrection>> applied = new java.util.LinkedHashMap<>();
		if (ids.isEmpty()) {
			return applied;
		}
		this.jdbc
			.query("SELECT " + ContentCorrections.COLUMNS + " FROM content_correction WHERE item_id IN (:items) "
					+ "AND status = 'APPLIED' ORDER BY item_id, seq", Map.of("items", List.copyOf(ids)),
					ContentCorrections::row)
			.forEach((correction) -> applied.computeIfAbsent(correction.itemId(), (id) -> new java.util.ArrayList<>())
				.add(correction));
		return applied;
	}

	/** Locks an item's row until the transaction ends; returns whether it exists. */
	boolean lock(String id) {
		return !this.jdbc
			.queryForList("SELECT id FROM content_item WHERE id = :id FOR UPDATE", Map.of("id", id), String.class)
			.isEmpty();
	}

	/**
	 * The revision of an item's text: 1 when stored, raised by every change to what it
	 * says. Forms carry it so a step lands only on the version its author read.
	 */
	@Override
	public Optional<Integer> revision(String id) {
		return this.jdbc
			.queryForList("SELECT revision FROM content_item WHERE id = :id", Map.of("id", id), Integer.class)
			.stream()
			.findFirst();
	}

	/** Records who created an item, unless it is already known. */
	void createdBy(String id, String actor) {
		this.jdbc.update("UPDATE content_item SET created_by = :actor WHERE id = :id AND created_by IS NULL",
				Map.of("id", id, "actor", actor));
	}

	/** Who created, submitted and approved an item, as far as known. */
	@Override
	public Optional<ContentPeople> people(String id) {
		return this.jdbc
			.query("SELECT created_by, submitted_by, approved_by FROM content_item WHERE id = :id", Map.of("id", id),
					(rs, n) -> new ContentPeople(rs.getString(1), rs.getString(2), rs.getString(3)))
			.stream()
			.findFirst();
	}

	/**
	 * What the desk's list needs to filter and order every item matching its filters,
	 * without their text: items without a time first (they need one), then the latest due
	 * first.
	 * @param status only this status, or {@code null}
	 * @param outlet only items going to this outlet, or {@code null}
	 * @param from only items due at or after, or {@code null}
	 * @param to only items due before, or {@code null}
	 */
	List<ContentKey> search(@Nullable ContentStatus status, @Nullable Outlet outlet, @Nullable Instant from,
			@Nullable Instant to) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return this.jdbc.query("SELECT id, when_spec, due_at, status FROM content_item"
				+ where(status, outlet, from, to, params) + " ORDER BY due_at DESC NULLS FIRST, id", params,
				ContentStore::key);
	}

	private static String where(@Nullable ContentStatus status, @Nullable Outlet outlet, @Nullable Instant from,
			@Nullable Instant to, MapSqlParameterSource params) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (status != null) {
			where.append(" AND status = :status");
			params.addValue("status", status.name());
		}
		if (outlet != null) {
			// outlets holds sorted keys joined by commas: "email,feed,radio".
			where.append(" AND (',' || outlets || ',') LIKE :outlet");
			params.addValue("outlet", "%," + outlet.key() + ",%");
		}
		if (from != null) {
			where.append(" AND due_at >= :from");
			params.addValue("from", Timestamp.from(from));
		}
		if (to != null) {
			where.append(" AND due_at < :to");
			params.addValue("to", Timestamp.from(to));
		}
		return where.toString();
	}

	private static ContentKey key(ResultSet rs, int row) throws SQLException {
		return new ContentKey(rs.getString(1), rs.getString(2),
				(rs.getTimestamp(3) != null) ? rs.getTimestamp(3).toInstant() : null,
				ContentStatus.valueOf(rs.getString(4)));
	}

	/**
	 * One page of what the desk's list shows, filtered and ordered as {@link #search}
	 * does and, when {@code plan} is given, only the items that carry out that plan (see
	 * {@link PlanContent}), all in SQL.
	 * @param page from 1; past the last page, the last page
	 * @param size items per page
	 */
	@Override
	public KeyPage page(@Nullable ContentStatus status, @Nullable Outlet outlet, @Nullable Instant from,
			@Nullable Instant to, @Nullable PlanScope plan, java.util.@Nullable Collection<String> organisations,
			int page, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(status, outlet, from, to, params) + ((plan != null) ? plan.where(params) : "");
		if (organisations != null) {
			where += " AND organisation IN (:scopeOrganisations)";
			params.addValue("scopeOrganisations", organisations.isEmpty() ? List.of("") : organisations);
		}
		long total = Objects.requireNonNullElse(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM content_item" + where, params, Long.class), 0L);
		int pages = (int) Math.max(1, (total + size - 1) / size);
		int shown = Math.max(1, Math.min(page, pages));
		params.addValue("limit", size).addValue("offset", (long) (shown - 1) * size);
		List<ContentKey> keys = this.jdbc.query(
				"SELECT id, when_spec, due_at, status FROM content_item" + where
						+ " ORDER BY due_at DESC NULLS FIRST, id LIMIT :limit OFFSET :offset",
				params, ContentStore::key);
		return new KeyPage(keys, shown, pages, total);
	}

	/**
	 * Fills in the schedule anchor of rows stored before it was kept.
	 * @return how many rows were filled in
	 */
	@Transactional
	int fillAnchors() {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("SELECT id, when_spec FROM content_item WHERE anchor_kind IS NULL", Map.of());
		for (Map<String, Object> row : rows) {
			Anchor anchor = Anchor.of((String) row.get("when_spec"));
			this.jdbc.update("UPDATE content_item SET anchor_kind = :kind, anchor_ref = :ref WHERE id = :id",
					new MapSqlParameterSource("kind", anchor.kind()).addValue("ref", anchor.ref())
						.addValue("id", row.get("id")));
		}
		return rows.size();
	}

	private MapSqlParameterSource parameters(ContentItem item, ContentStatus status, String checksum) {
		return new MapSqlParameterSource().addValue("id", item.id())
			.addValue("organisation", item.organisation())
			.addValue("audience", item.audience().key())
			.addValue("title", item.title())
			.addValue("summary", (item.summary() != null) ? item.summary() : "")
			.addValue("body", item.body())
			.addValue("radioScript", item.radioScript())
			.addValue("outlets", item.outlets().stream().map(Outlet::key).sorted().collect(Collectors.joining(",")))
			.addValue("when", item.when())
			.addValue("dueAt", (item.dueAt() != null) ? Timestamp.from(item.dueAt()) : null)
			.addValue("staleAfter", StaleAfter.format(item.staleAfter()))
			.addValue("status", status.name())
			.addValue("source", item.source())
			.addValue("checksum", checksum)
			.addValue("anchorKind", Anchor.of(item.when()).kind())
			.addValue("anchorRef", Anchor.of(item.when()).ref())
			.addValue("priority", item.priority().name())
			.addValue("now", Timestamp.from(this.clock.instant()));
	}

	private ContentItem mapRow(ResultSet rs, int row) throws SQLException {
		Set<Outlet> outlets = EnumSet.noneOf(Outlet.class);
		Arrays.stream(rs.getString("outlets").split(","))
			.filter((s) -> !s.isBlank())
			.map(Outlet::parse)
			.forEach(outlets::add);
		Timestamp due = rs.getTimestamp("due_at");
		return new ContentItem(rs.getString("id"), rs.getString("organisation"), rs.getString("title"),
				rs.getString("summary"), rs.getString("body"), rs.getString("radio_script"), outlets,
				rs.getString("when_spec"), (due != null) ? due.toInstant() : null,
				StaleAfter.parse(rs.getString("stale_after")), ContentStatus.valueOf(rs.getString("status")),
				rs.getString("source"), rs.getTimestamp("updated_at").toInstant(),
				Audience.parse(rs.getString("audience")), Priority.valueOf(rs.getString("priority")));
	}

	private static String checksum(ContentItem item) {
		String text = String.join("\u0000", item.id(), item.organisation(), item.title(),
				String.valueOf(item.summary()), item.body(), String.valueOf(item.radioScript()),
				item.outlets().toString(), item.when(), String.valueOf(item.dueAt()),
				StaleAfter.format(item.staleAfter()), item.status().name())
				// Items for their own organisation keep the checksum they had before
				// audiences.
				+ (item.audience().isOwn() ? "" : "\u0000" + item.audience().key())
				+ ((item.priority() == Priority.NORMAL) ? "" : "\u0000" + item.priority().name());
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Stored(ContentStatus status, String checksum) {

	}

	/**
	 * Reads and writes the per-outlet stale-after overrides
	 * ({@code email=PT24H;feed=P7D}).
	 */
	static final class StaleAfter {

		private StaleAfter() {
		}

		static String format(Map<Outlet, Duration> staleAfter) {
			return staleAfter.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.map((e) -> e.getKey().key() + "=" + e.getValue())
				.collect(Collectors.joining(";"));
		}

		static Map<Outlet, Duration> parse(String text) {
			Map<Outlet, Duration> result = new EnumMap<>(Outlet.class);
			for (String part : text.split(";")) {
				if (!part.isBlank()) {
					String[] pair = part.split("=", 2);
					result.put(Outlet.parse(pair[0]), Duration.parse(pair[1]));
				}
			}
			return result;
		}

	}

}
