package vn.loa.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.calendar.WrittenOrdinals;
import vn.loa.settings.LoaSettings;

/**
 * Corrections (đính chính) of items that went out, under the desk's review: an editor
 * proposes the corrected text with a note saying what changed, and an approver other than
 * the editor applies or refuses it; the API, trusted, applies at once. Applying keeps the
 * item's identity (its id, so its feed guid and page) and announces a
 * {@link ContentCorrected} for the outlets. When the editor asks for it, the item's
 * subscribers get a short correction bulletin: an email-only item of its own, published
 * at once by the usual path, so it is sent once and only once.
 */
@Service
public class ContentCorrections {

	/** The longest note readers are shown. */
	static final int NOTE_MAX = 2000;

	static final String COLUMNS = "item_id, seq, status, note, title, summary, body, radio_script, "
			+ "before_title, before_summary, before_body, before_radio_script, notify_email, email_item_id, "
			+ "proposed_by, proposed_at, decided_by, decided_at";

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final NamedParameterJdbcTemplate jdbc;

	private final ContentStore store;

	private final ContentEditor editor;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	private final LoaSettings settings;

	private final boolean selfApproval;

	ContentCorrections(NamedParameterJdbcTemplate jdbc, ContentStore store, ContentEditor editor,
			ApplicationEventPublisher events, Clock clock, ZoneId zone, LoaSettings settings,
			@Value("${loa.content.self-approval:false}") boolean selfApproval) {
		this.jdbc = jdbc;
		this.store = store;
		this.editor = editor;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
		this.settings = settings;
		this.selfApproval = selfApproval;
	}

	/**
	 * Proposes a correction of an item that went out. From the desk it waits for an
	 * approver; from a trusted actor (the API) it is applied at once.
	 * @throws InvalidContentException when the item did not go out, a correction is
	 * already waiting, the note is missing or the text is invalid or unchanged
	 */
	@Transactional
	public ContentCorrection propose(String itemId, CorrectionDraft draft, ContentActor actor) {
		if (!this.store.lock(itemId)) {
			throw unknownItem(itemId);
		}
		ContentItem item = this.store.find(itemId).orElseThrow(() -> unknownItem(itemId));
		if (item.status() != ContentStatus.PUBLISHED && item.status() != ContentStatus.LATE) {
			throw InvalidContentException.conflict("status",
					"item '" + itemId + "' is " + item.status().key() + ": only an item that went out is corrected",
					ContentError.CORRECTION_NOT_OUT, itemId, item.status());
		}
		Optional<ContentCorrection> waiting = all(itemId).stream().filter(ContentCorrection::pending).findFirst();
		if (waiting.isPresent()) {
			throw InvalidContentException.conflict("correction",
					"correction " + waiting.get().seq() + " of item '" + itemId + "' is still waiting for review",
					ContentError.CORRECTION_PENDING, waiting.get().seq());
		}
		String title = ContentEditor.requireText("title", ContentEditor.text("title", draft.title(), true), 500);
		String summary = strip(ContentEditor.text("summary", draft.summary(), false));
		String body = ContentEditor.requireText("body", ContentEditor.text("body", draft.body(), false), 200_000);
		String radioScript = ContentCorrection
			.blankAsNull(ContentEditor.text("radioScript", draft.radioScript(), false));
		String note = note(draft.note());
		for (String[] field : new String[][] { { "title", title }, { "summary", summary }, { "body", body },
				{ "radioScript", radioScript }, { "note", note } }) {
			List<WrittenOrdinals.Finding> findings = (field[1] != null) ? WrittenOrdinals.check(field[1]) : List.of();
			if (!findings.isEmpty()) {
				throw OrdinalProblems.refusal(field[0], findings.get(0));
			}
		}
		if (draft.notifies() && !item.goesTo(Outlet.EMAIL)) {
			throw new InvalidContentException("notifyEmail",
					"item '" + itemId + "' does not go out by email: there is no one to send a correction to",
					ContentError.CORRECTION_NO_EMAIL);
		}
		int seq = 1 + Optional
			.ofNullable(this.jdbc.queryForObject("SELECT MAX(seq) FROM content_correction WHERE item_id = :item",
					Map.of("item", itemId), Integer.class))
			.orElse(0);
		ContentCorrection correction = new ContentCorrection(itemId, seq, ContentCorrection.Status.PENDING, note, title,
				summary, body, radioScript, item.title(), item.summary(), item.body(),
				ContentCorrection.blankAsNull(item.radioScript()), draft.notifies(), null, actor.username(),
				this.clock.instant(), null, null);
		if (correction.changed().isEmpty()) {
			throw new InvalidContentException("body",
					"the correction leaves the item's title, summary, body and radio script as they are",
					ContentError.CORRECTION_UNCHANGED);
		}
		insert(correction);
		this.events.publishEvent(
				ContentChanged.of(actor, "content.correction.propose", item, corrected(item, correction), this.zone));
		return actor.trusted() ? apply(item, correction, actor) : correction;
	}

	/**
	 * Applies a pending correction: only an approver, and not the one who proposed it
	 * (unless self-approval is on).
	 */
	@Transactional
	public ContentCorrection approve(String itemId, int seq, ContentActor actor) {
		this.store.lock(itemId);
		ContentCorrection correction = pending(itemId, seq);
		Review.checkApprover(actor, new ContentPeople(correction.proposedBy(), correction.proposedBy(), ""),
				this.selfApproval);
		ContentItem item = this.store.find(itemId).orElseThrow(() -> unknownItem(itemId));
		if (item.status() != ContentStatus.PUBLISHED && item.status() != ContentStatus.LATE) {
			throw InvalidContentException.conflict("status",
					"item '" + itemId + "' is " + item.status().key() + ": only an item that went out is corrected",
					ContentError.CORRECTION_NOT_OUT, itemId, item.status());
		}
		return apply(item, correction, actor);
	}

	/** Turns a pending correction down: the item stays as it is. Approvers only. */
	@Transactional
	public ContentCorrection refuse(String itemId, int seq, ContentActor actor) {
		this.store.lock(itemId);
		ContentCorrection correction = pending(itemId, seq);
		if (!actor.mayApprove()) {
			throw new ReviewRefusedException(ContentError.APPROVER_ONLY, "only an approver may refuse a correction");
		}
		decide(correction, ContentCorrection.Status.REFUSED, actor, null);
		ContentItem item = this.store.find(itemId).orElseThrow(() -> unknownItem(itemId));
		this.events.publishEvent(
				ContentChanged.of(actor, "content.correction.refuse", corrected(item, correction), item, this.zone));
		return find(itemId, seq).orElseThrow();
	}

	/** An item's corrections, the first first. */
	public List<ContentCorrection> of(String itemId) {
		return all(itemId);
	}

	/** The applied corrections of these items, each item's first first. */
	public Map<String, List<ContentCorrection>> applied(Collection<String> itemIds) {
		return this.store.corrections(itemIds);
	}

	public Optional<ContentCorrection> find(String itemId, int seq) {
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM content_correction WHERE item_id = :item AND seq = :seq",
					Map.of("item", itemId, "seq", seq), ContentCorrections::row)
			.stream()
			.findFirst();
	}

	private ContentCorrection apply(ContentItem item, ContentCorrection correction, ContentActor actor) {
		if (!this.store.correct(item.id(), correction.title(), correction.summary(), correction.body(),
				correction.radioScript())) {
			throw InvalidContentException.conflict("status",
					"item '" + item.id() + "' is no longer out: it cannot be corrected",
					ContentError.CORRECTION_NOT_OUT, item.id(), item.status());
		}
		// The text it replaces is the item's as it stands now.
		ContentCorrection now = new ContentCorrection(correction.itemId(), correction.seq(), correction.status(),
				correction.note(), correction.title(), correction.summary(), correction.body(),
				correction.radioScript(), item.title(), item.summary(), item.body(),
				ContentCorrection.blankAsNull(item.radioScript()), correction.notifyEmail(), null,
				correction.proposedBy(), correction.proposedAt(), null, null);
		String bulletin = correction.notifyEmail() ? bulletin(item, now, actor) : null;
		decide(now, ContentCorrection.Status.APPLIED, actor, bulletin);
		ContentItem after = this.store.find(item.id()).orElseThrow();
		Instant at = this.clock.instant();
		this.events.publishEvent(new ContentCorrected(item.id(), correction.seq(), after.title(), after.script(),
				!after.script().equals(item.script()), correction.note(), at,
				(item.dueAt() != null) ? LocalDate.ofInstant(item.dueAt(), this.zone) : null));
		this.events.publishEvent(ContentChanged.of(actor, "content.correct", item, after, this.zone));
		return find(item.id(), correction.seq()).orElseThrow();
	}

	/**
	 * The correction bulletin: an email-only item in the corrected item's organisation
	 * and audience, due now, which the publisher sends like any other; returns its id.
	 */
	private String bulletin(ContentItem item, ContentCorrection correction, ContentActor actor) {
		String id = ("dinh-chinh-" + correction.seq() + "-" + item.id());
		id = id.substring(0, Math.min(id.length(), 120)).replaceAll("-+$", "");
		String title = "Đính chính: " + correction.title();
		title = (title.length() > 500) ? title.substring(0, 499).strip() + "…" : title;
		StringBuilder body = new StringBuilder("Bài “").append(correction.beforeTitle()).append('”');
		if (item.dueAt() != null) {
			body.append(" phát ngày ").append(DAY.format(item.dueAt().atZone(this.zone)));
		}
		body.append(" đã được đính chính.\n\n").append(correction.note());
		if (item.goesTo(Outlet.FEED)) {
			body.append("\n\nXem bài đã đính chính: ").append(LoaSettings.pageUrl(this.settings.baseUrl(), item.id()));
		}
		ContentDraft draft = new ContentDraft(id, title, "", body.toString(), null, List.of(Outlet.EMAIL.key()),
				LOCAL.format(this.clock.instant().atZone(this.zone)), Map.of(), item.organisation(), "scheduled",
				List.of(item.audience().key()), Priority.NORMAL.key());
		ContentItem bulletin = this.editor.check(draft, id);
		if (this.store.find(id).isPresent()) {
			throw InvalidContentException.conflict("id", "an item with id '" + id + "' already exists",
					ContentError.ID_TAKEN, id);
		}
		this.store.save(new ContentItem(bulletin.id(), bulletin.organisation(), bulletin.title(), bulletin.summary(),
				bulletin.body(), null, bulletin.outlets(), bulletin.when(), bulletin.dueAt(), bulletin.staleAfter(),
				ContentStatus.SCHEDULED, "correction", null, bulletin.audience(), bulletin.priority()));
		this.store.createdBy(id, actor.username());
		this.events.publishEvent(
				ContentChanged.of(actor, "content.create", null, this.store.find(id).orElseThrow(), this.zone));
		return id;
	}

	private void insert(ContentCorrection c) {
		this.jdbc.update(
				"INSERT INTO content_correction (" + COLUMNS + ") VALUES (:item, :seq, :status, :note, "
						+ ":title, :summary, :body, :radioScript, :beforeTitle, :beforeSummary, :beforeBody, "
						+ ":beforeRadioScript, :notifyEmail, NULL, :proposedBy, :proposedAt, NULL, NULL)",
				new MapSqlParameterSource("item", c.itemId()).addValue("seq", c.seq())
					.addValue("status", c.status().name())
					.addValue("note", c.note())
					.addValue("title", c.title())
					.addValue("summary", c.summary())
					.addValue("body", c.body())
					.addValue("radioScript", c.radioScript())
					.addValue("beforeTitle", c.beforeTitle())
					.addValue("beforeSummary", c.beforeSummary())
					.addValue("beforeBody", c.beforeBody())
					.addValue("beforeRadioScript", c.beforeRadioScript())
					.addValue("notifyEmail", c.notifyEmail())
					.addValue("proposedBy", c.proposedBy())
					.addValue("proposedAt", Timestamp.from(c.proposedAt())));
	}

	private void decide(ContentCorrection c, ContentCorrection.Status status, ContentActor actor,
			@Nullable String bulletin) {
		int changed = this.jdbc.update("UPDATE content_correction SET status = :status, decided_by = :actor, "
				+ "decided_at = :now, email_item_id = :bulletin, before_title = :beforeTitle, "
				+ "before_summary = :beforeSummary, before_body = :beforeBody, before_radio_script = :beforeRadioScript "
				+ "WHERE item_id = :item AND seq = :seq AND status = 'PENDING'",
				new MapSqlParameterSource("item", c.itemId()).addValue("seq", c.seq())
					.addValue("status", status.name())
					.addValue("actor", actor.username())
					.addValue("now", Timestamp.from(this.clock.instant()))
					.addValue("bulletin", bulletin)
					.addValue("beforeTitle", c.beforeTitle())
					.addValue("beforeSummary", c.beforeSummary())
					.addValue("beforeBody", c.beforeBody())
					.addValue("beforeRadioScript", c.beforeRadioScript()));
		if (changed != 1) {
			throw decided(c.itemId(), c.seq());
		}
	}

	private ContentCorrection pending(String itemId, int seq) {
		ContentCorrection correction = find(itemId, seq).orElseThrow(() -> new InvalidContentException("correction",
				"item '" + itemId + "' has no correction " + seq, ContentError.CORRECTION_UNKNOWN, itemId, seq));
		if (!correction.pending()) {
			throw decided(itemId, seq);
		}
		return correction;
	}

	private InvalidContentException decided(String itemId, int seq) {
		ContentCorrection now = find(itemId, seq).orElseThrow();
		return InvalidContentException.conflict("correction",
				"correction " + seq + " of item '" + itemId + "' is already " + now.status().key(),
				ContentError.CORRECTION_DECIDED, seq, now.status().key());
	}

	private List<ContentCorrection> all(String itemId) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM content_correction WHERE item_id = :item ORDER BY seq",
				Map.of("item", itemId), ContentCorrections::row);
	}

	private static String note(@Nullable String written) {
		String note = ContentEditor.text("note", written, false);
		if (note == null || note.isBlank()) {
			throw new InvalidContentException("note", "say what the correction changes and why in 'note'",
					ContentError.CORRECTION_NOTE_REQUIRED);
		}
		note = note.strip();
		if (note.length() > NOTE_MAX) {
			throw new InvalidContentException("note", "'note' is longer than " + NOTE_MAX + " characters",
					ContentError.CORRECTION_NOTE_TOO_LONG, String.valueOf(NOTE_MAX), String.valueOf(note.length()));
		}
		return note;
	}

	private static String strip(@Nullable String text) {
		return (text != null) ? text.strip() : "";
	}

	/**
	 * The item as the correction would make it (what the audit log shows as proposed).
	 */
	private static ContentItem corrected(ContentItem item, ContentCorrection c) {
		return new ContentItem(item.id(), item.organisation(), c.title(), c.summary(), c.body(), c.radioScript(),
				item.outlets(), item.when(), item.dueAt(), item.staleAfter(), item.status(), item.source(),
				item.updatedAt(), item.audience(), item.priority());
	}

	private static InvalidContentException unknownItem(String id) {
		return new InvalidContentException("id", "no item with id '" + id + "'", ContentError.ID_UNKNOWN, id);
	}

	static ContentCorrection row(ResultSet rs, int n) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new ContentCorrection(rs.getString("item_id"), rs.getInt("seq"),
				ContentCorrection.Status.valueOf(rs.getString("status")), rs.getString("note"), rs.getString("title"),
				rs.getString("summary"), rs.getString("body"), rs.getString("radio_script"),
				rs.getString("before_title"), rs.getString("before_summary"), rs.getString("before_body"),
				rs.getString("before_radio_script"), rs.getBoolean("notify_email"), rs.getString("email_item_id"),
				rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(), rs.getString("decided_by"),
				(decided != null) ? decided.toInstant() : null);
	}

}
