package vn.loa.database;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * When Loa cannot start because the H2 file is damaged, says so first, with the way back,
 * instead of a chain of bean-creation errors.
 */
class DamagedDatabaseAnalyzer implements FailureAnalyzer {

	/** H2's error code for a damaged file. */
	static final int FILE_CORRUPTED = 90030;

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == FILE_CORRUPTED) {
				return new FailureAnalysis("database file damaged: " + sql.getMessage(),
						"Stop Loa, keep the damaged data directory aside, and restore the latest backup into a "
								+ "fresh one (java -jar loa.jar restore BACKUP.zip --loa.data-dir=DIR; see README, "
								+ "'Backups'). Loa refuses to start on a damaged file rather than guess.",
						failure);
			}
		}
		return null;
	}

}
