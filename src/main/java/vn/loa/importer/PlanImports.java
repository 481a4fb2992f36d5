package vn.loa.importer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.calendar.CalendarService;
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

	PlanImports(NamedParameterJdbcTemplate jdbc, CalendarService calendar, Clock clock) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * Reads a document into a draft plan without storing anything in the calendar.
	 * @throws UnreadableDocumentException when the file is not a readable plan
	 */
	public static PlanDraft read(String fileName, byte[] bytes, vn.loa.calendar.CalendarBook book) {
		PlanDraft draft = new PlanParser().parse(PlanDocuments.read(fileName, bytes), book);
		if (draft.kind() == null && (draft.title() == null || draft.title().isBlank())) {
			throw new UnreadableDocumentException(
					fileName + " does not look like a plan: it has no KẾ HOẠCH or HƯỚNG DẪN heading and no title");
		}
		return draft;
	}

	/** Reads a document and keeps its draft for review. */
	public Draft upload(String fileName, byte[] bytes) {
		PlanDraft draft = read(fileName, bytes, this.calendar.book());
		String id = UUID.randomUUID().toString();
		this.jdbc.update(
				"INSERT INTO plan_import (id, file_name, plan_id, draft_yaml, report, created_at) "
						+ "VALUES (:id, :file, :plan, :yaml, :report, :now)",
				new MapSqlParameterSource("id", id).addValue("file", fileName)
					.addValue("plan", draft.id())
					.addValue("yaml", draft.toYaml())
					.addValue("report", draft.report())
					.addValue("now", Timestamp.from(this.clock.instant())));
		return find(id).orElseThrow();
	}

	public Optional<Draft> find(String id) {
		return this.jdbc.query(
				"SELECT id, file_name, plan_id, draft_yaml, report, created_at, confirmed_at FROM plan_import "
						+ "WHERE id = :id",
				Map.of("id", id),
				(rs, n) -> new Draft(rs.getString("id"), rs.getString("file_name"), rs.getString("plan_id"),
						rs.getString("draft_yaml"), rs.getString("report"), rs.getTimestamp("created_at").toInstant(),
						(rs.getTimestamp("confirmed_at") != null) ? rs.getTimestamp("confirmed_at").toInstant() : null))
			.stream()
			.findFirst();
	}

	/**
	 * Stores a draft's plan in the calendar, in the database that every node reads, in
	 * the same transaction as marking the draft confirmed. Refuses when a plan of that id
	 * exists in the files or the database (unless {@code replace}) or when the calendar
	 * would not load the plan cleanly; in both cases the calendar is left exactly as it
	 * was.
	 */
	@Transactional
	public Draft confirm(String id, boolean replace) {
		Draft draft = find(id).orElseThrow(() -> new ImportConflictException("no draft with id '" + id + "'"));
		if (draft.confirmedAt() != null) {
			throw new ImportConflictException("draft '" + id + "' was already confirmed");
		}
		try {
			this.calendar.storePlan(draft.planId(), draft.yaml(), actor(), replace);
		}
		catch (PlanNotStoredException ex) {
			throw new ImportConflictException(ex.getMessage());
		}
		int confirmed = this.jdbc.update(
				"UPDATE plan_import SET confirmed_at = :now WHERE id = :id AND confirmed_at IS NULL",
				Map.of("id", id, "now", Timestamp.from(this.clock.instant())));
		if (confirmed == 0) {
			// Confirmed meanwhile by another request: the plan stored above is rolled
			// back.
			throw new ImportConflictException("draft '" + id + "' was already confirmed");
		}
		return find(id).orElseThrow();
	}

	/** The person confirming, as the audit names them. */
	private static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()) ? authentication.getName() : "anonymous";
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
	 */
	public record Draft(String id, String fileName, String planId, String yaml, String report, Instant createdAt,
			Instant confirmedAt) {

	}

	/** A confirmation that cannot be carried out, with the reason. */
	public static class ImportConflictException extends RuntimeException {

		public ImportConflictException(String message) {
			super(message);
		}

	}

}
