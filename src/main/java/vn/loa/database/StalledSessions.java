package vn.loa.database;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, ends any Loa connection that has sat inside a transaction waiting for
 * its node for longer than {@code loa.database.stalled-after}, so that a node frozen
 * (stopped, paused VM, cut off) while it holds rows cannot hold up the others until it
 * wakes.
 * <p>
 * The server's own {@code idle_in_transaction_session_timeout} (the {@code postgresql}
 * profile sets 20 s) covers a node frozen between statements, but not one frozen in the
 * middle of a batch: the JDBC driver sends a batch's statements one after another and the
 * closing Sync last, and until the Sync the server counts the session as active, not
 * idle, and arms no timeout; it waits for the rest of the batch for as long as the
 * connection lives, with the claimed items' rows locked. A burst of due items is decided
 * in batched statements, so this is where a frozen node is most likely to stop. Every
 * node therefore looks every {@code loa.database.stalled-check-interval} for sessions
 * that name themselves {@code loa} (or {@code loa-…}: the {@code postgresql} profile sets
 * {@code ApplicationName}), are in a transaction, and have waited on their client for
 * longer than the limit, and terminates them: the transaction rolls back and its locks
 * go; the frozen node, on waking, finds its connection gone, as it does after the
 * server's timeout. A node that is alive never waits that long on itself inside a
 * transaction (the server's timeout would end it anyway), so nothing it does is cut
 * short; sessions of other programs (psql, a backup) are never touched.
 */
@Component
class StalledSessions {

	private static final Log logger = LogFactory.getLog(StalledSessions.class);

	/**
	 * Sessions waiting on their client inside a transaction for longer than the limit,
	 * each terminated as it is listed.
	 */
	static final String END_STALLED = """
			SELECT pid, application_name, COALESCE(host(client_addr), 'local') AS client, state, wait_event,
			       EXTRACT(EPOCH FROM now() - state_change) AS waited, pg_terminate_backend(pid) AS ended
			FROM pg_stat_activity
			WHERE datname = current_database() AND pid <> pg_backend_pid()
			  AND (application_name = 'loa' OR application_name LIKE 'loa-%')
			  AND xact_start IS NOT NULL AND wait_event_type = 'Client'
			  AND wait_event IN ('ClientRead', 'ClientWrite')
			  AND state_change < now() - make_interval(secs => ?)""";

	private final JdbcTemplate jdbc;

	private final Duration after;

	/** Whether the database is PostgreSQL; null until the first look. */
	private volatile @org.jspecify.annotations.Nullable Boolean postgres;

	StalledSessions(JdbcTemplate jdbc, @Value("${loa.database.stalled-after:PT20S}") Duration after) {
		if (after.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("loa.database.stalled-after must be at least 1 s, was " + after);
		}
		this.jdbc = jdbc;
		this.after = after;
	}

	@Scheduled(fixedDelayString = "${loa.database.stalled-check-interval:PT5S}",
			initialDelayString = "${loa.database.stalled-check-interval:PT5S}")
	void endStalled() {
		try {
			if (!isPostgres()) {
				return;
			}
			List<Map<String, Object>> ended = this.jdbc.queryForList(END_STALLED, this.after.toMillis() / 1000.0);
			for (Map<String, Object> session : ended) {
				logger.warn("Ended database session " + session.get("pid") + " (" + session.get("application_name")
						+ " from " + session.get("client") + "): it waited on its node for "
						+ String.valueOf(session.get("waited")).replaceFirst("\\..*", "") + " s inside a transaction ("
						+ session.get("state") + ", " + session.get("wait_event")
						+ "), holding its locks; that node has stalled"
						+ (Boolean.TRUE.equals(session.get("ended")) ? "" : " (the server refused to end it)"));
			}
		}
		catch (DataAccessException ex) {
			// The database is away or restarting: the next look tries again.
			logger.debug("Could not look for stalled database sessions", ex);
		}
	}

	private boolean isPostgres() {
		Boolean known = this.postgres;
		if (known == null) {
			String product = this.jdbc.execute(
					(ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName());
			known = "PostgreSQL".equals(product);
			this.postgres = known;
		}
		return known;
	}

}
