package vn.loa.channels.email;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the email bulletins ({@code loa.email.*}); the SMTP server itself is
 * {@code spring.mail.*}.
 *
 * @param from the {@code From} of every bulletin
 * @param unsubscribeMailto an address for {@code mailto:} unsubscribes, or empty for none
 * @param batchSize how many messages one SMTP connection carries at most
 * @param pollInterval how often the sender looks for due deliveries when not woken
 * @param lease how long a claimed batch belongs to its sender before another may take it
 * over; the sender renews it after every message, so it only needs to outlast one message
 * (the SMTP timeouts are 10 s to connect and 30 s to answer); a dead node's rows wait
 * this long
 * @param retryInitial the wait after the first temporary failure, doubled after each
 * @param retryMax the longest wait between two attempts
 * @param maxAttempts attempts before a temporarily failing delivery is given up
 * @param connections how many bulletin batches go out at once, each over its own SMTP
 * connection (a local relay takes several; confirmation mails have one more of their own)
 */
@ConfigurationProperties("loa.email")
record EmailProperties(@DefaultValue("Loa <loa@localhost>") String from, @DefaultValue("") String unsubscribeMailto,
		@DefaultValue("100") int batchSize, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("1m") Duration lease, @DefaultValue("1m") Duration retryInitial,
		@DefaultValue("1h") Duration retryMax, @DefaultValue("8") int maxAttempts, @DefaultValue("4") int connections) {

	EmailProperties {
		if (connections < 1 || connections > 64) {
			throw new IllegalArgumentException("loa.email.connections must be 1 to 64, was " + connections);
		}
	}

	/** The wait before the next attempt once {@code attempts} have failed. */
	Duration backoff(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), 30);
		Duration wait = this.retryInitial.multipliedBy(1L << doublings);
		return (wait.compareTo(this.retryMax) > 0) ? this.retryMax : wait;
	}

}
