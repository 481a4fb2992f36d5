package vn.loa.organisations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code organisation} table. */
@Repository
class OrganisationStore {

	private static final String COLUMNS = "id, name, kind, parent_id, code, enabled, version";

	private final JdbcTemplate jdbc;

	OrganisationStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Organisation> all() {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM organisation", OrganisationStore::organisation);
	}

	Optional<Organisation> find(String id) {
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM organisation WHERE id = ?", OrganisationStore::organisation, id)
			.stream()
			.findFirst();
	}

	Optional<Organisation> findByCode(String code) {
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM organisation WHERE code = ?", OrganisationStore::organisation, code)
			.stream()
			.findFirst();
	}

	/**
	 * What changes with any change to the table: its row count and the sum of the rows'
	 * versions (a version only ever grows). Two numbers, whatever the size of the
	 * country.
	 */
	Stamp stamp() {
		return this.jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(version), 0) FROM organisation",
				(rs, n) -> new Stamp(rs.getLong(1), rs.getLong(2)));
	}

	void insert(Organisation organisation, String source, Instant now) {
		this.jdbc.update(
				"INSERT INTO organisation (id, name, kind, parent_id, code, enabled, source, version, updated_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)",
				organisation.id(), organisation.name(), organisation.kind().name(), organisation.parentId(),
				organisation.code(), organisation.enabled(), source, Timestamp.from(now));
	}

	/** Inserts many at once, parents before their children. */
	void insertAll(List<Organisation> organisations, String source, Instant now) {
		this.jdbc.batchUpdate(
				"INSERT INTO organisation (id, name, kind, parent_id, code, enabled, source, version, updated_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)",
				organisations, 500, (statement, organisation) -> {
					statement.setString(1, organisation.id());
					statement.setString(2, organisation.name());
					statement.setString(3, organisation.kind().name());
					statement.setString(4, organisation.parentId());
					statement.setString(5, organisation.code());
					statement.setBoolean(6, organisation.enabled());
					statement.setString(7, source);
					statement.setTimestamp(8, Timestamp.from(now));
				});
	}

	/**
	 * Writes the organisation's name, kind, parent, code and state if it is still at
	 * {@code version}; returns whether it was.
	 */
	boolean update(Organisation organisation, long version, Instant now) {
		return this.jdbc.update(
				"UPDATE organisation SET name = ?, kind = ?, parent_id = ?, code = ?, enabled = ?, "
						+ "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
				organisation.name(), organisation.kind().name(), organisation.parentId(), organisation.code(),
				organisation.enabled(), Timestamp.from(now), organisation.id(), version) == 1;
	}

	private static Organisation organisation(ResultSet rs, int row) throws SQLException {
		return new Organisation(rs.getString("id"), rs.getString("name"),
				OrganisationKind.valueOf(rs.getString("kind")), rs.getString("parent_id"), rs.getString("code"),
				rs.getBoolean("enabled"), rs.getLong("version"));
	}

	/**
	 * The table's row count and version sum.
	 *
	 * @param rows how many organisations there are
	 * @param versions the sum of their versions
	 */
	record Stamp(long rows, long versions) {

		static final Stamp NONE = new Stamp(-1, -1);

	}

}
