package vn.loa.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The daily moment to delete what is no longer kept, announced synchronously so that each
 * module's listener prunes its own tables and reports how many rows went; the announcing
 * job logs them in one line.
 */
public final class RetentionDue {

	private final Instant at;

	private final Map<String, Integer> pruned = Collections.synchronizedMap(new LinkedHashMap<>());

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
