package vn.loa.channels.email;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.organisations.Organisations;

/**
 * Each organisation's e-mail identity: the From (display name and address) and Reply-To
 * its bulletins and confirmation mails carry, with the configured sender as the fallback.
 * Read by the senders for every message, so kept in memory for a few seconds; a change on
 * another node is seen within that time.
 */
@Service
public class EmailIdentities {

	private static final Duration FRESH = Duration.ofSeconds(10);

	private final NamedParameterJdbcTemplate jdbc;

	private final Organisations organisations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	private final String defaultFrom;

	EmailIdentities(NamedParameterJdbcTemplate jdbc, Organisations organisations, ApplicationEventPublisher events,
			Clock clock, EmailProperties properties) {
		this.defaultFrom = properties.from();
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.events = events;
		this.clock = clock;
	}

	/** The sender of an organisation that set none: {@code loa.email.from}. */
	public String defaultFrom() {
		return this.defaultFrom;
	}

	/** The identity an organisation set, if it set one. */
	public Optional<Identity> of(String organisation) {
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(organisation);
		if (cached != null && cached.until().isAfter(now)) {
			return Optional.ofNullable(cached.identity());
		}
		Identity identity = this.jdbc
			.query("SELECT from_address, reply_to FROM email_identity WHERE organisation = :organisation",
					Map.of("organisation", organisation), (rs, n) -> new Identity(rs.getString(1), rs.getString(2)))
			.stream()
			.findFirst()
			.orElse(null);
		this.cache.put(organisation, new Cached(identity, now.plus(FRESH)));
		return Optional.ofNullable(identity);
	}

	/**
	 * Sets an organisation's identity; a blank From removes it (the configured sender
	 * again).
	 * @throws InvalidIdentityException naming the field that is not an address
	 */
	@Transactional
	public Optional<Identity> set(String organisation, @Nullable String from, @Nullable String replyTo, String actor) {
		if (this.organisations.find(organisation).isEmpty()) {
			throw new InvalidIdentityException("organisation", "there is no organisation '" + organisation + "'");
		}
		Optional<Identity> before = of(organisation);
		this.cache.remove(organisation);
		if (from == null || from.isBlank()) {
			this.jdbc.update("DELETE FROM email_identity WHERE organisation = :organisation",
					Map.of("organisation", organisation));
			this.events.publishEvent(new EmailIdentityChanged(actor, organisation,
					before.map(Identity::describe).orElse(null), "the configured sender"));
			return Optional.empty();
		}
		Identity identity = new Identity(address("from", from).toUnicodeString(),
				(replyTo != null && !replyTo.isBlank()) ? address("replyTo", replyTo).toUnicodeString() : null);
		MapSqlParameterSource row = new MapSqlParameterSource("organisation", organisation)
			.addValue("from", identity.from())
			.addValue("replyTo", identity.replyTo())
			.addValue("now", Timestamp.from(this.clock.instant()));
		if (this.jdbc.update("UPDATE email_identity SET from_address = :from, reply_to = :replyTo, updated_at = :now "
				+ "WHERE organisation = :organisation", row) == 0) {
			this.jdbc.update("INSERT INTO email_identity (organisation, from_address, reply_to, updated_at) "
					+ "VALUES (:organisation, :from, :replyTo, :now)", row);
		}
		this.events.publishEvent(new EmailIdentityChanged(actor, organisation,
				before.map(Identity::describe).orElse(null), identity.describe()));
		return Optional.of(identity);
	}

	/** One address, with or without a display name; no line breaks, one address only. */
	private static InternetAddress address(String field, String written) {
		String text = written.strip();
		if (text.chars().anyMatch((c) -> c < 0x20 || c == 0x7f) || text.length() > 400) {
			throw new InvalidIdentityException(field, "'" + written + "' is not one e-mail address");
		}
		try {
			InternetAddress[] parsed = InternetAddress.parse(text, true);
			if (parsed.length != 1 || parsed[0].getAddress() == null || !parsed[0].getAddress().contains("@")) {
				throw new AddressException(text);
			}
			parsed[0].validate();
			return parsed[0];
		}
		catch (AddressException ex) {
			throw new InvalidIdentityException(field,
					"'" + written + "' is not one e-mail address, such as " + "Ban Tuyên giáo <btg@thainguyen.gov.vn>");
		}
	}

	/**
	 * An organisation's identity.
	 *
	 * @param from its From, a display name and an address ("Xã Bằng Thành
	 * &lt;ubnd@bangthanh.gov.vn&gt;")
	 * @param replyTo where replies go, or {@code null} for the From
	 */
	public record Identity(String from, @Nullable String replyTo) {

		String describe() {
			return "From " + this.from + ((this.replyTo != null) ? ", Reply-To " + this.replyTo : "");
		}

		InternetAddress fromAddress() {
			return address("from", this.from);
		}

		@Nullable InternetAddress replyToAddress() {
			return (this.replyTo != null) ? address("replyTo", this.replyTo) : null;
		}

	}

	private record Cached(@Nullable Identity identity, Instant until) {

	}

	/** An identity refused: which field, and why. */
	public static class InvalidIdentityException extends RuntimeException {

		private final String field;

		InvalidIdentityException(String field, String message) {
			super(message);
			this.field = field;
		}

		public String field() {
			return this.field;
		}

	}

}
