package vn.loa.importer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.calendar.CalendarService;
import vn.loa.organisations.Organisation;
import vn.loa.organisations.Organisations;
import vn.loa.organisations.Scope;
import vn.loa.calendar.PlanNotStoredException;

/**
 * Reads uploaded plan documents into drafts kept until an editor confirms one; confirming
 * stores the plan in the database through the calendar, which every node then reads, and
 * only if the calendar loads it without a problem. Nothing in the calendar changes before
 * that. No file is written to {@code calendar/}: that directory holds what is shipped.
 */
@Service
public class PlanImports {

	private final NamedParameterJdbcTemplate jdbc;

	private final CalendarService calendar;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Organisations organisations;

	PlanImports(NamedParameterJdbcTemplate jdbc, CalendarService calendar, Clock clock,
			ApplicationEventPublisher events, Organisations organisations) {
		this.organisations = organisations;
		this.jdbc = jdbc;
		this.events = events;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * Reads a document into a draft plan without storing anything in the calendar. Any
	 * readable text gets a draft, however little of a plan it holds: what was found, and
	 * warnings for what is missing (no heading, no title, no number...), for the editor
	 * to complete.
	 * @throws UnreadableDocumentException when the file cannot be read as text (empty,
	 * binary, a scanned PDF, an encoding that cannot be told, over the size limit)
	 */
	public static PlanDraft read(String fileName, byte[] bytes, vn.loa.calendar.CalendarBook book) {
		return new PlanParser().parse(PlanDocuments.read(fileName, bytes), book);
	}

	/** Reads a document and keeps its draft, with its values and warnings, for review. */
	@Transactional
	public Draft upload(String fileName, byte[] bytes) {
		return upload(fileName, bytes, Scope.EVERYWHERE);
	}

	/**
	 * The draft belonging to the organisation that issued it, when it is one of
	 * {@code known} beyond doubt (see {@link PlanOwner}); else as it was.
	 */
	public static PlanDraft ownedByIssuer(PlanDraft draft, List<Organisation> known) {
		String issuer = draft.issuer();
		return (issuer != null) ? PlanOwner.of(issuer, known).map(draft::withOrganisation).orElse(draft) : draft;
	}

	/**
	 * Reads a document uploaded by a caller of {@code scope} and keeps its draft: the
	 * plan belongs to the organisation that issued it when Loa knows it and it is within
	 * the caller's, else to the caller's own organisation.
	 */
	@Transactional
	public Draft upload(String fileName, byte[] bytes, Scope scope) {
		PlanDraft read = read(fileName, bytes, this.calendar.book());
		PlanDraft owned = ownedByIssuer(read, this.organisations.all());
		String own = scope.organisation();
		PlanDraft draft = (own != null && !this.organisations.covers(scope, owned.organisation()))
				? owned.withOrganisation(own) : owned;
		String id = UUID.randomUUID().toString();
		this.jdbc.update(
				"INSERT INTO plan_import (id, file_name, plan_id, draft_yaml, report, created_at, organisation) "
						+ "VALUES (:id, :file, :plan, :yaml, :report, :now, :organisation)",
				new MapSqlParameterSource("id", id).addValue("file", fileName)
					.addValue("plan", draft.id())
					.addValue("yaml", draft.toYaml())
					.addValue("report", draft.report())
					.addValue("now", Timestamp.from(this.clock.instant()))
					.addValue("organisation", draft.organisation()));
		List<PlanDraft.Recognised> values = draft.recognised();
		for (int i = 0; i < values.size(); i++) {
			PlanDraft.Recognised value = values.get(i);
			note(id, "value", i, value.line(), value.code(), value.arguments(), "");
		}
		for (int i = 0; i < draft.warnings().size(); i++) {
			PlanDraft.Warning warning = draft.warnings().get(i);
			note(id, "warning", i, warning.line(), warning.code(), warning.arguments(), warning.message());
		}
		return find(id).orElseThrow();
	}

	private void note(String id, String kind, int seq, int line, String code, List<String> arguments, String message) {
		StringBuilder joined = new StringBuilder();
		// One line each: the arguments quote single lines of the document.
		arguments.forEach((argument) -> joined.append(argument.replaceAll("[\\r\\n]+", " ")).append('\n'));
		this.jdbc.update(
				"INSERT INTO plan_import_note (import_id, kind, seq, line_number, code, arguments, message) "
						+ "VALUES (:id, :kind, :seq, :line, :code, :arguments, :message)",
				new MapSqlParameterSource("id", id).addValue("kind", kind)
					.addValue("seq", seq)
					.addValue("line", line)
					.addValue("code", code)
					.addValue("arguments", joined.toString())
					.addValue("message", message));
	}

	/**
	 * What the review page shows of a draft: its values and its warnings, each as a code
	 * with arguments and its line; both empty for a draft read before they were kept.
	 */
	public Notes notes(String id) {
		List<Note> all = this.jdbc.query(
				"SELECT kind, line_number, code, arguments, message FROM plan_import_note WHERE import_id = :id "
						+ "ORDER BY kind, seq",
				Map.of("id", id), (rs, n) -> new Note(rs.getString("kind"), rs.getInt("line_number"),
						rs.getString("code"), arguments(rs.getString("arguments")), rs.getString("message")));
		return new Notes(all.stream().filter((note) -> note.kind().equals("value")).toList(),
				all.stream().filter((note) -> note.kind().equals("warning")).toList());
	}

	private static List<String> arguments(String joined) {
		return joined.isEmpty() ? List.of() : List.of(joined.substring(0, joined.length() - 1).split("\n", -1));
	}

	public Optional<Draft> find(String id) {
		return this.jdbc
			.query("SELECT id, file_name, plan_id, draft_yaml, report, created_at, confirmed_at, organisation "
					+ "FROM plan_import WHERE id = :id", Map.of("id", id),
					(rs, n) -> new Draft(rs.getString("id"), rs.getString("file_name"), rs.getString("plan_id"),
							rs.getString("draft_yaml"), rs.getString("report"),
							rs.getTimestamp("created_at").toInstant(), (rs.getTimestamp("confirmed_at") != null)
									? rs.getTimestamp("confirmed_at").toInstant() : null,
							rs.getString("organisation")))
			.stream()
			.findFirst();
	}

	/**
	 * Stores a draft's plan in the calendar, in the database that every node reads, in
	 * the same transaction as marking the draft confirmed. Refuses when a plan of that id
	 * exists in the files or the database (unless {@code replace}) or when the calendar
	 * would not load the plan cleanly; in both cases the calendar is left exactly as it
	 * was. Announced as a {@link PlanImportConfirmed}.
	 * @param actor who confirms it
	 */
	@Transactional
	public Draft confirm(String id, boolean replace, String actor) {
		Draft draft = find(id).orElseThrow(() -> new ImportConflictException(ImportMessage.CONFLICT_NO_DRAFT,
				"no draft with id '" + id + "'", id));
		if (draft.confirmedAt() != null) {
			throw new ImportConflictException(ImportMessage.CONFLICT_CONFIRMED,
					"draft '" + id + "' was already confirmed", id);
		}
		try {
			this.calendar.storePlan(draft.planId(), draft.yaml(), actor, replace);
		}
		catch (PlanNotStoredException ex) {
			throw switch (ex.reason()) {
				case EXISTS -> new ImportConflictException(ImportMessage.CONFLICT_EXISTS, ex.getMessage(), ex.detail());
				case WOULD_NOT_LOAD ->
					new ImportConflictException(ImportMessage.CONFLICT_CALENDAR, ex.getMessage(), ex.detail());
				case CHANGED_MEANWHILE ->
					new ImportConflictException(ImportMessage.CONFLICT_MEANWHILE, ex.getMessage(), ex.detail());
			};
		}
		int confirmed = this.jdbc.update(
				"UPDATE plan_import SET confirmed_at = :now WHERE id = :id AND confirmed_at IS NULL",
				Map.of("id", id, "now", Timestamp.from(this.clock.instant())));
		if (confirmed == 0) {
			// Confirmed meanwhile by another request: the plan stored above is rolled
			// back.
			throw new ImportConflictException(ImportMessage.CONFLICT_CONFIRMED,
					"draft '" + id + "' was already confirmed", id);
		}
		this.events.publishEvent(new PlanImportConfirmed(actor, id, draft.planId(), replace));
		return find(id).orElseThrow();
	}

	/**
	 * A plan read from a document, waiting for review.
	 *
	 * @param id the draft's id
	 * @param fileName the uploaded file's name
	 * @param planId the id the plan will have in the calendar
	 * @param yaml the draft in the calendar/ format
	 * @param report each extracted value with its line, then the warnings
	 * @param createdAt when it was read
	 * @param confirmedAt when it was stored in the calendar (the database), or
	 * {@code null}
	 * @param organisation the organisation the plan will belong to; {@code null} for a
	 * draft read before drafts kept it
	 */
	public record Draft(String id, String fileName, String planId, String yaml, String report, Instant createdAt,
			@Nullable Instant confirmedAt, @Nullable String organisation) {

	}

	/**
	 * What the review page shows of one value or warning.
	 *
	 * @param kind {@code value} or {@code warning}
	 * @param line the 1-based line, 0 for the whole plan
	 * @param code the message, as a key under {@code importer.} in the messages
	 * @param arguments the message's arguments
	 * @param message a warning's English text, empty for a value
	 */
	public record Note(String kind, int line, String code, List<String> arguments, String message) {

	}

	/**
	 * A draft's values and warnings, in the order the report lists them.
	 *
	 * @param values number, issuer, date, title, phases, anniversaries, events, outlets
	 * @param warnings what a person should check
	 */
	public record Notes(List<Note> values, List<Note> warnings) {

	}

	/**
	 * A confirmation that cannot be carried out, with the reason in English and as a code
	 * with arguments.
	 */
	public static class ImportConflictException extends RuntimeException {

		private final String code;

		private final List<String> arguments;

		ImportConflictException(ImportMessage code, @Nullable String message, Object... arguments) {
			super(message);
			this.code = code.code();
			this.arguments = ImportMessage.arguments(arguments);
		}

		/** The reason, as a key under {@code importer.} in the messages. */
		public String code() {
			return this.code;
		}

		/** The reason's arguments. */
		public List<String> arguments() {
			return this.arguments;
		}

	}

	/**
	 * Deletes the drafts never confirmed that were uploaded before {@code before}, with
	 * their notes; confirmed drafts stay, since the audit refers to them.
	 * @return how many drafts were deleted
	 */
	@Transactional
	int prune(Instant before) {
		Map<String, Timestamp> old = Map.of("before", Timestamp.from(before));
		String drafts = "FROM plan_import WHERE confirmed_at IS NULL AND created_at < :before";
		// Locked first, so a draft confirmed meanwhile cannot lose its notes.
		this.jdbc.queryForList("SELECT id " + drafts + " FOR UPDATE", old, String.class);
		this.jdbc.update("DELETE FROM plan_import_note WHERE import_id IN (SELECT id " + drafts + ")", old);
		return this.jdbc.update("DELETE " + drafts, old);
	}

}
