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
 * How often the public sign-up form may be used, in memory: at most 5 requests per 10
 * minutes from one address on the network and 3 per hour for one mailbox, so the form
 * cannot be used to flood someone with confirmation mails.
 */
@Component
class SignUpLimits {

	private final Window perClient = new Window(5, Duration.ofMinutes(10));

	private final Window perMailbox = new Window(3, Duration.ofHours(1));

	private final Clock clock;

	SignUpLimits(Clock clock) {
		this.clock = clock;
	}

	/** Counts a request from {@code client}; whether it is still within its limit. */
	boolean allowClient(String client) {
		return this.perClient.allow(client, this.clock.instant());
	}

	/** Counts a sign-up for {@code email}; whether it is still within its limit. */
	boolean allowMailbox(String email) {
		return this.perMailbox.allow(email.strip().toLowerCase(Locale.ROOT), this.clock.instant());
	}

	/** A sliding window of the instants each key was seen at. */
	private static final class Window {

		private final int limit;

		private final Duration length;

		private final Map<String, Deque<Instant>> seen = new HashMap<>();

		private int calls;

		Window(int limit, Duration length) {
			this.limit = limit;
			this.length = length;
		}

		synchronized boolean allow(String key, Instant now) {
			Instant since = now.minus(this.length);
			if (++this.calls % 1000 == 0) {
				// Forget keys that went quiet, so memory stays bounded.
				this.seen.values().forEach((times) -> prune(times, since));
				this.seen.values().removeIf(Deque::isEmpty);
			}
			Deque<Instant> times = this.seen.computeIfAbsent(key, (k) -> new ArrayDeque<>());
			prune(times, since);
			if (times.size() >= this.limit) {
				return false;
			}
			times.addLast(now);
			return true;
		}

		private static void prune(Deque<Instant> times, Instant since) {
			while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
				times.removeFirst();
			}
		}

	}

}
