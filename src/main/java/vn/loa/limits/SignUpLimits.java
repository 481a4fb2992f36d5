package vn.loa.limits;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

import vn.loa.limits.RateLimitAttempts.Window;

/**
 * How often the public sign-up form may be used: at most 5 requests per 10 minutes from
 * one address on the network and 3 per hour for one mailbox, so the form cannot be used
 * to flood someone with confirmation mails. The requests are counted in the database, so
 * every node counts them all and a restart forgets none.
 */
@Component
public class SignUpLimits {

	static final Window PER_CLIENT = new Window("sign-up.client", 5, Duration.ofMinutes(10));

	static final Window PER_MAILBOX = new Window("sign-up.mailbox", 3, Duration.ofHours(1));

	private final RateLimitAttempts attempts;

	private final Clock clock;

	SignUpLimits(RateLimitAttempts attempts, Clock clock) {
		this.attempts = attempts;
		this.clock = clock;
	}

	/** Counts a request from {@code client}; whether it is still within its limit. */
	public boolean allowClient(String client) {
		return this.attempts.tryAdd(PER_CLIENT, client, RateLimitAttempts.now(this.clock));
	}

	/**
	 * Counts a sign-up for {@code email}, whatever its case; whether it is still within
	 * its limit.
	 */
	public boolean allowMailbox(String email) {
		return this.attempts.tryAdd(PER_MAILBOX, email, RateLimitAttempts.now(this.clock));
	}

}
