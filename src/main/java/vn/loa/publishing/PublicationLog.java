package vn.loa.publishing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import vn.loa.content.Outlet;
import vn.loa.publishing.events.OutletReachedNobody;
import vn.loa.publishing.events.PublishedAudiences;

/**
 * What became of each item on each outlet: the record the API and the command line show.
 */
@Service
public class PublicationLog {

	private static final String SELECT = "SELECT item_id, outlet, due_at, decided_at, outcome FROM publication ";

	private final NamedParameterJdbcTemplate jdbc;

	private final PublishedAudiences audiences;

	PublicationLog(NamedParameterJdbcTemplate jdbc, PublishedAudiences audiences) {
		this.jdbc = jdbc;
		this.audiences = audiences;
	}

	/** The outcomes of one item, one per outlet. */
	public List<Entry> of(String itemId) {
		return this.jdbc.query(SELECT + "WHERE item_id = :id ORDER BY outlet", Map.of("id", itemId), this::map);
	}

	/**
	 * Every outcome of one kind, newest due first; {@code MISSED} lists what never went
	 * out.
	 */
	public List<Entry> withOutcome(Outcome outcome) {
		return this.jdbc.query(SELECT + "WHERE outcome = :outcome ORDER BY due_at DESC, item_id, outlet",
				Map.of("outcome", outcome.name()), this::map);
	}

	/** Outcomes due at or after {@code from} and before {@code to}. */
	public List<Entry> dueBetween(Instant from, Instant to) {
		return this.jdbc.query(SELECT + "WHERE due_at >= :from AND due_at < :to ORDER BY due_at, item_id, outlet",
				Map.of("from", Timestamp.from(from), "to", Timestamp.from(to)), this::map);
	}

	/** The organisations an item went out to, as decided when it went out; by id. */
	public List<String> audienceOf(String itemId) {
		return this.audiences.recorded(itemId);
	}

	/**
	 * An outlet found nobody to take an item to: its outcome says so instead of on time
	 * or late.
	 */
	@ApplicationModuleListener
	void on(OutletReachedNobody event) {
		this.jdbc.update(
				"UPDATE publication SET outcome = 'UNREACHED' WHERE item_id = :item AND outlet = :outlet "
						+ "AND outcome IN ('ON_TIME', 'LATE')",
				Map.of("item", event.itemId(), "outlet", event.outlet().name()));
	}

	private Entry map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Entry(rs.getString("item_id"), Outlet.valueOf(rs.getString("outlet")),
				rs.getTimestamp("due_at").toInstant(), rs.getTimestamp("decided_at").toInstant(),
				Outcome.valueOf(rs.getString("outcome")));
	}

	/**
	 * One item on one outlet.
	 *
	 * @param itemId the item
	 * @param outlet the outlet
	 * @param dueAt when it was due
	 * @param decidedAt when its time was handled
	 * @param outcome on time, late or missed
	 */
	public record Entry(String itemId, Outlet outlet, Instant dueAt, Instant decidedAt, Outcome outcome) {

	}

}
