package vn.loa.subscribers;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Signs and checks the tokens in confirmation links: {@code <id>.<expiry>.<HMAC-SHA256>}
 * over the subscriber id and the expiry (epoch seconds), with the key of
 * {@link UnsubscribeTokens}. A link is valid for {@link #VALIDITY}.
 */
@Component
public class ConfirmationTokens {

	/** How long a confirmation link works. */
	public static final Duration VALIDITY = Duration.ofHours(48);

	private static final Pattern TOKEN = Pattern.compile("([1-9][0-9]{0,17})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");

	private final UnsubscribeTokens keys;

	private final Clock clock;

	ConfirmationTokens(UnsubscribeTokens keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	/** A token for a subscriber's confirmation link, valid for {@link #VALIDITY}. */
	public String issue(long subscriberId) {
		return issue(subscriberId, this.clock.instant().plus(VALIDITY));
	}

	/**
	 * A token for a subscriber's confirmation link that stops working at {@code expiry}.
	 */
	public String issue(long subscriberId, Instant expiry) {
		long seconds = expiry.getEpochSecond();
		return subscriberId + "." + seconds + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(sign(subscriberId, seconds));
	}

	/** What a presented token is worth. */
	public Verdict verify(String token) {
		var matcher = (token != null) ? TOKEN.matcher(token) : null;
		if (matcher == null || !matcher.matches()) {
			return Verdict.INVALID;
		}
		long id = Long.parseLong(matcher.group(1));
		long expiry = Long.parseLong(matcher.group(2));
		byte[] presented = Base64.getUrlDecoder().decode(matcher.group(3));
		if (!MessageDigest.isEqual(sign(id, expiry), presented)) {
			return Verdict.INVALID;
		}
		if (!this.clock.instant().isBefore(Instant.ofEpochSecond(expiry))) {
			return new Verdict(Status.EXPIRED, Optional.empty());
		}
		return new Verdict(Status.VALID, Optional.of(id));
	}

	private byte[] sign(long subscriberId, long expiry) {
		return this.keys.mac("confirm:" + subscriberId + ":" + expiry);
	}

	/** Whether a token may be used. */
	public enum Status {

		/** Signed by Loa and not expired. */
		VALID,

		/** Signed by Loa, but too old. */
		EXPIRED,

		/** Malformed or not signed by Loa. */
		INVALID

	}

	/**
	 * A checked token.
	 *
	 * @param status whether it may be used
	 * @param subscriberId the subscriber it confirms, when valid
	 */
	public record Verdict(Status status, Optional<Long> subscriberId) {

		static final Verdict INVALID = new Verdict(Status.INVALID, Optional.empty());

	}

}
