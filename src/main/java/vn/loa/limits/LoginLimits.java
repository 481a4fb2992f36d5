package vn.loa.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import vn.loa.limits.RateLimitAttempts.Window;

/**
 * How many failed desk logins are tolerated: 5 per username and 20 per address on the
 * network in 15 minutes. Over either limit, attempts are refused until the oldest failure
 * is 15 minutes old, even with the right password. Failures are counted in the database,
 * so every node counts them all and a restart forgets none.
 * <p>
 * The check comes before the password is verified and the failure is counted after, so
 * attempts that are already past the check when the limit is reached still count but are
 * not refused: a burst of simultaneous attempts may overshoot by those in flight, as it
 * could when the counts were kept in memory. Sequential guessing, the attack the limit is
 * for, stops at the limit on every node.
 */
@Component
public class LoginLimits {

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Window PER_USERNAME = new Window("login.username", 5, WINDOW);

	static final Window PER_CLIENT = new Window("login.client", 20, WINDOW);

	private final RateLimitAttempts attempts;

	private final Clock clock;

	LoginLimits(RateLimitAttempts attempts, Clock clock) {
		this.attempts = attempts;
		this.clock = clock;
	}

	/** Whether an attempt for {@code username} from {@code client} is refused. */
	public boolean blocked(String username, String client) {
		Instant now = RateLimitAttempts.now(this.clock);
		return this.attempts.count(PER_USERNAME, username, now) >= PER_USERNAME.limit()
				|| this.attempts.count(PER_CLIENT, client, now) >= PER_CLIENT.limit();
	}

	/** Counts a failed attempt. */
	public void failed(String username, String client) {
		Instant now = RateLimitAttempts.now(this.clock);
		this.attempts.add(PER_USERNAME, username, now);
		this.attempts.add(PER_CLIENT, client, now);
	}

	/** Forgets the failures of a user who just logged in. */
	public void succeeded(String username) {
		this.attempts.clear(PER_USERNAME, username);
	}

}
