package vn.loa.database;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells a failure of the storage (a full or failing disk, a database that closed itself
 * after one) from every other error, and remembers the last one, so that the request gets
 * a 503 that says nothing was saved and the dashboard can still show it after the fact.
 */
@Component
public class StorageFailures {

	/**
	 * H2: I/O errors, a database closed (after a failed write), a damaged file, a
	 * connection broken.
	 */
	private static final Set<Integer> H2_CODES = Set.of(90028, 90031, 90098, 90121, 90030, 90067);

	private final Clock clock;

	private final ObjectProvider<DataSource> dataSource;

	private volatile @Nullable Failure last;

	StorageFailures(Clock clock, ObjectProvider<DataSource> dataSource) {
		this.clock = clock;
		this.dataSource = dataSource;
	}

	/** Whether {@code failure}, or one of its causes, is the storage failing. */
	public static boolean isStorageFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				String state = (sql.getSQLState() != null) ? sql.getSQLState() : "";
				// PostgreSQL: 53xxx insufficient resources (53100 disk full), 58xxx
				// system
				// errors, 08xxx connection failures.
				if (H2_CODES.contains(sql.getErrorCode()) || state.startsWith("53") || state.startsWith("58")
						|| state.startsWith("08")) {
					return true;
				}
			}
			if (cause.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
				return true;
			}
			if (cause instanceof IOException io && io.getMessage() != null) {
				String message = io.getMessage().toLowerCase(Locale.ROOT);
				if (message.contains("no space left") || message.contains("file too large")
						|| message.contains("disk quota")) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Remembers a storage failure for the dashboard and health, and drops the pooled
	 * connections: after a failed write H2 closes the database, and a connection opened
	 * afterwards opens it again, so Loa stores again as soon as space comes back, without
	 * a restart.
	 */
	public void record(Throwable failure) {
		if (this.dataSource.getIfAvailable() instanceof HikariDataSource pool && pool.getHikariPoolMXBean() != null) {
			pool.getHikariPoolMXBean().softEvictConnections();
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		this.last = new Failure(this.clock.instant(), root.getClass().getSimpleName() + ": " + root.getMessage());
	}

	/** The last storage failure this node saw since it started, if any. */
	public Optional<Failure> last() {
		return Optional.ofNullable(this.last);
	}

	/**
	 * A storage failure.
	 *
	 * @param at when it happened
	 * @param message what the database or the system said
	 */
	public record Failure(Instant at, String message) {

	}

}
