package vn.loa.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code calendar_plan} table: plans confirmed at run time, shared by every node. */
@Repository
class StoredPlans {

	private static final String COLUMNS = "plan_id, file_name, yaml, stored_by, stored_at, version";

	private final JdbcTemplate jdbc;

	StoredPlans(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<StoredPlan> all() {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM calendar_plan ORDER BY file_name, plan_id",
				StoredPlans::plan);
	}

	Optional<StoredPlan> find(String planId) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM calendar_plan WHERE plan_id = ?", StoredPlans::plan, planId)
			.stream()
			.findFirst();
	}

	/**
	 * Each plan's version and when it was stored: what a node compares with what it
	 * loaded, a few short rows even with many plans. The version alone would not do: a
	 * plan removed and imported again starts over at version 1.
	 */
	Map<String, Stamp> versions() {
		Map<String, Stamp> versions = new HashMap<>();
		this.jdbc.query("SELECT plan_id, version, stored_at FROM calendar_plan", (ResultSet rs) -> {
			versions.put(rs.getString(1), new Stamp(rs.getLong(2), rs.getTimestamp(3).toInstant()));
		});
		return versions;
	}

	/**
	 * Removes a plan if it is still at {@code version}.
	 * @return whether it was removed; {@code false} when another node removed or replaced
	 * it meanwhile
	 */
	boolean delete(String planId, long version) {
		return this.jdbc.update("DELETE FROM calendar_plan WHERE plan_id = ? AND version = ?", planId, version) == 1;
	}

	/**
	 * Stores a plan at version 1, or a later version over the one before it; a concurrent
	 * confirmation that got there first is refused rather than overwritten.
	 */
	void save(StoredPlan plan) {
		Timestamp at = Timestamp.from(plan.storedAt());
		if (plan.version() == 1) {
			try {
				this.jdbc.update("INSERT INTO calendar_plan (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", plan.planId(),
						plan.fileName(), plan.yaml(), plan.storedBy(), at, plan.version());
			}
			catch (DuplicateKeyException ex) {
				throw new PlanNotStoredException(PlanNotStoredException.Reason.CHANGED_MEANWHILE, plan.planId(),
						"plan '" + plan.planId()
								+ "' was stored meanwhile by another confirmation; confirm with replace to overwrite it");
			}
			return;
		}
		int updated = this.jdbc.update(
				"UPDATE calendar_plan SET file_name = ?, yaml = ?, stored_by = ?, stored_at = ?, version = ? "
						+ "WHERE plan_id = ? AND version = ?",
				plan.fileName(), plan.yaml(), plan.storedBy(), at, plan.version(), plan.planId(), plan.version() - 1);
		if (updated == 0) {
			throw new PlanNotStoredException(PlanNotStoredException.Reason.CHANGED_MEANWHILE, plan.planId(),
					"plan '" + plan.planId() + "' was changed meanwhile by another confirmation; confirm again");
		}
	}

	/** A stored plan's version and when it was stored. */
	record Stamp(long version, Instant storedAt) {

		static Stamp of(StoredPlan plan) {
			return new Stamp(plan.version(), plan.storedAt());
		}

	}

	private static StoredPlan plan(ResultSet rs, int row) throws SQLException {
		return new StoredPlan(rs.getString("plan_id"), rs.getString("file_name"), rs.getString("yaml"),
				rs.getString("stored_by"), rs.getTimestamp("stored_at").toInstant(), rs.getLong("version"));
	}

}
