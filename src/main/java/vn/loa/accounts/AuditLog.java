package vn.loa.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Records who changed what, when, and the state before and after; lists the record. */
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
	public void record(String actor, String action, String subject, String before, String after) {
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
	public List<AuditEntry> latest(String subject, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("subject", subject)
			.addValue("limit", Math.max(1, Math.min(limit, MAX_LIMIT)));
		String where = (subject != null && !subject.isBlank()) ? "WHERE subject = :subject " : "";
		return this.jdbc.query(
				"SELECT id, at, actor, action, subject, before_state, after_state FROM audit_entry " + where
						+ "ORDER BY id DESC LIMIT :limit",
				params,
				(rs, row) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
						rs.getString("action"), rs.getString("subject"), rs.getString("before_state"),
						rs.getString("after_state")));
	}

}
