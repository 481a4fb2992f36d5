package vn.loa.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The daily moment to delete what is no longer kept, announced synchronously so that each
 * module's listener prunes its own tables and reports how many rows went; the announcing
 * job logs them in one line.
 */
public final class RetentionDue {

	private final Instant at;

	private static final Log logger = LogFactory.getLog(RetentionDue.class);

	private final Map<String, Integer> pruned = Collections.synchronizedMap(new LinkedHashMap<>());

	private final List<String> failed = Collections.synchronizedList(new ArrayList<>());

	RetentionDue(Instant at) {
		this.at = at;
	}

	/** When the clean-up runs. */
	public Instant at() {
		return this.at;
	}

	/** The instant before which whatever is kept for {@code retention} may go. */
	public Instant before(Duration retention) {
		return this.at.minus(retention);
	}

	/** Reports that {@code rows} of {@code what} were deleted. */
	public void pruned(String what, int rows) {
		this.pruned.merge(what, rows, Integer::sum);
	}

	/**
	 * Runs one module's pruning of {@code what} and reports the rows it deleted. A
	 * failure is logged and reported as such, and never keeps the other modules from
	 * pruning theirs: one broken table must not let every other one grow.
	 */
	public void prune(String what, IntSupplier deleting) {
		try {
			pruned(what, deleting.getAsInt());
		}
		catch (RuntimeException ex) {
			logger.warn("Retention could not delete old " + what + "; the other tables are pruned", ex);
			this.failed.add(what);
		}
	}

	/** What could not be pruned this time. */
	List<String> failed() {
		synchronized (this.failed) {
			return List.copyOf(this.failed);
		}
	}

	/** What was reported, in the order it was. */
	Map<String, Integer> pruned() {
		synchronized (this.pruned) {
			return Collections.unmodifiableMap(new LinkedHashMap<>(this.pruned));
		}
	}

	@Override
	public String toString() {
		return "RetentionDue[at=" + this.at + "]";
	}

}
