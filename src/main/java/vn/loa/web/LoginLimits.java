package vn.loa.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * How many failed desk logins are tolerated, in memory: 5 per username and 20 per address
 * on the network in 15 minutes. Over either limit, attempts are refused until the oldest
 * failure is 15 minutes old, even with the right password.
 */
@Component
class LoginLimits {

	static final Duration WINDOW = Duration.ofMinutes(15);

	private final Failures perUsername = new Failures(5);

	private final Failures perClient = new Failures(20);

	private final Clock clock;

	LoginLimits(Clock clock) {
		this.clock = clock;
	}

	/** Whether an attempt for {@code username} from {@code client} is refused. */
	boolean blocked(String username, String client) {
		Instant now = this.clock.instant();
		return this.perUsername.over(key(username), now) || this.perClient.over(key(client), now);
	}

	/** Counts a failed attempt. */
	void failed(String username, String client) {
		Instant now = this.clock.instant();
		this.perUsername.add(key(username), now);
		this.perClient.add(key(client), now);
	}

	/** Forgets the failures of a user who just logged in. */
	void succeeded(String username) {
		this.perUsername.clear(key(username));
	}

	private static String key(String text) {
		return (text != null) ? text.strip().toLowerCase(Locale.ROOT) : "";
	}

	/** The instants of the failures of each key within the window. */
	private static final class Failures {

		private final int limit;

		private final Map<String, Deque<Instant>> seen = new HashMap<>();

		Failures(int limit) {
			this.limit = limit;
		}

		synchronized boolean over(String key, Instant now) {
			Deque<Instant> failures = prune(key, now);
			return failures != null && failures.size() >= this.limit;
		}

		synchronized void add(String key, Instant now) {
			prune(key, now);
			this.seen.computeIfAbsent(key, (k) -> new ArrayDeque<>()).addLast(now);
			if (this.seen.size() > 10_000) {
				Instant since = now.minus(WINDOW);
				this.seen.values().removeIf((failures) -> !failures.peekLast().isAfter(since));
			}
		}

		synchronized void clear(String key) {
			this.seen.remove(key);
		}

		private Deque<Instant> prune(String key, Instant now) {
			Deque<Instant> failures = this.seen.get(key);
			if (failures == null) {
				return null;
			}
			Instant since = now.minus(WINDOW);
			while (!failures.isEmpty() && !failures.peekFirst().isAfter(since)) {
				failures.removeFirst();
			}
			if (failures.isEmpty()) {
				this.seen.remove(key);
				return null;
			}
			return failures;
		}

	}

}
