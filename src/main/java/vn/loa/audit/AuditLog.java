package vn.loa.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records who changed what, when, and the state before and after; lists and searches the
 * record.
 */
@Component
public class AuditLog {

	private static final int MAX_LIMIT = 1000;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	AuditLog(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records one change.
	 * @param actor a username, or {@code api}
	 * @param action what was done, {@code content.create}
	 * @param subject what it was done to, {@code content:ID}
	 * @param before the state before, or {@code null}
	 * @param after the state after, or {@code null}
	 */
	public void record(String actor, String action, String subject, @Nullable String before, @Nullable String after) {
		this.jdbc.update(
				"INSERT INTO audit_entry (at, actor, action, subject, before_state, after_state) "
						+ "VALUES (:at, :actor, :action, :subject, :before, :after)",
				new MapSqlParameterSource().addValue("at", Timestamp.from(this.clock.instant()))
					.addValue("actor", actor)
					.addValue("action", action)
					.addValue("subject", subject)
					.addValue("before", before)
					.addValue("after", after));
	}

	/**
	 * The latest entries, newest first.
	 * @param subject only entries about this subject; {@code null} or blank for all
	 * @param limit at most this many (1 to 1000)
	 */
	public List<AuditEntry> latest(@Nullable String subject, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("subject", subject)
			.addValue("limit", Math.max(1, Math.min(limit, MAX_LIMIT)));
		String where = (subject != null && !subject.isBlank()) ? "WHERE subject = :subject " : "";
		return this.jdbc.query("SELECT id, at, actor, action, subject, before_state, after_state FROM audit_entry "
				+ where + "ORDER BY id DESC LIMIT :limit", params, AuditLog::entry);
	}

	/**
	 * One page of the entries that match {@code filter}, newest first.
	 * @param filter what to keep
	 * @param page the page wanted, from 1; past the last page, the last page
	 * @param size entries per page (1 to 1000)
	 */
	public Page search(Filter filter, int page, int size) {
		int perPage = Math.max(1, Math.min(size, MAX_LIMIT));
		StringBuilder where = new StringBuilder("WHERE 1 = 1");
		MapSqlParameterSource params = new MapSqlParameterSource();
		if (filter.actor() != null && !filter.actor().isBlank()) {
			where.append(" AND actor = :actor");
			params.addValue("actor", filter.actor().strip());
		}
		if (filter.action() != null && !filter.action().isBlank()) {
			where.append(" AND action = :action");
			params.addValue("action", filter.action().strip());
		}
		if (filter.subject() != null && !filter.subject().isBlank()) {
			where.append(" AND LOWER(subject) LIKE :subject ESCAPE '\\'");
			params.addValue("subject", "%" + likeEscaped(filter.subject().strip().toLowerCase(Locale.ROOT)) + "%");
		}
		if (filter.from() != null) {
			where.append(" AND at >= :from");
			params.addValue("from", Timestamp.from(filter.from()));
		}
		if (filter.until() != null) {
			where.append(" AND at < :until");
			params.addValue("until", Timestamp.from(filter.until()));
		}
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry " + where, params, Long.class);
		if (total == null) {
			total = 0L;
		}
		int pages = (int) Math.max(1, (total + perPage - 1) / perPage);
		int shown = Math.max(1, Math.min(page, pages));
		params.addValue("limit", perPage).addValue("offset", (long) (shown - 1) * perPage);
		List<AuditEntry> entries = this.jdbc.query("SELECT id, at, actor, action, subject, before_state, after_state "
				+ "FROM audit_entry " + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset", params,
				AuditLog::entry);
		return new Page(entries, shown, pages, total);
	}

	/** Everyone who has changed something, alphabetically. */
	public List<String> actors() {
		return this.jdbc.queryForList("SELECT DISTINCT actor FROM audit_entry ORDER BY actor", Map.of(), String.class);
	}

	/** Every kind of change recorded so far, alphabetically. */
	public List<String> actions() {
		return this.jdbc.queryForList("SELECT DISTINCT action FROM audit_entry ORDER BY action", Map.of(),
				String.class);
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("subject"), rs.getString("before_state"),
				rs.getString("after_state"));
	}

	/**
	 * Which entries to show; a {@code null} or blank part keeps every entry.
	 *
	 * @param actor exactly this actor
	 * @param action exactly this action
	 * @param subject subjects containing this text, whatever its case
	 * @param from entries made at or after this instant
	 * @param until entries made before this instant
	 */
	public record Filter(@Nullable String actor, @Nullable String action, @Nullable String subject,
			@Nullable Instant from, @Nullable Instant until) {

	}

	/**
	 * A page of entries.
	 *
	 * @param entries the entries, newest first
	 * @param page its number, from 1
	 * @param pages how many pages there are, at least 1
	 * @param total how many entries match
	 */
	public record Page(List<AuditEntry> entries, int page, int pages, long total) {

	}

}
