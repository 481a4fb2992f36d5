package vn.loa.subscribers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, finds, confirms and unsubscribes the people who receive email bulletins. An
 * address is unique per organisation whatever its case.
 */
@Service
public class Subscribers {

	private static final String COLUMNS = "id, organisation, email, name, status, created_at, updated_at";

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Subscribers(NamedParameterJdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Adds a subscriber.
	 * @param organisation whose bulletins they receive; {@code null} or blank for
	 * {@code default}
	 * @param email their address
	 * @param name their name, may be {@code null}
	 * @param status {@code PENDING} or {@code CONFIRMED} (consent given elsewhere);
	 * {@code null} for pending
	 * @return the stored subscriber
	 * @throws InvalidSubscriberException if a field is invalid or the address is taken
	 */
	@Transactional
	public Subscriber add(String organisation, String email, String name, SubscriberStatus status) {
		String org = SubscriberValidation.organisation(organisation);
		String address = SubscriberValidation.email(email);
		String cleanName = SubscriberValidation.name(name);
		SubscriberStatus initial = (status != null) ? status : SubscriberStatus.PENDING;
		if (initial == SubscriberStatus.UNSUBSCRIBED) {
			throw new InvalidSubscriberException("status", "a new subscriber is pending or confirmed",
					SubscriberError.STATUS_NEW_UNSUBSCRIBED);
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("organisation", org)
			.addValue("email", address)
			.addValue("key", SubscriberValidation.key(address))
			.addValue("name", cleanName)
			.addValue("status", initial.name())
			.addValue("now", now)
			.addValue("confirmedAt", (initial == SubscriberStatus.CONFIRMED) ? now : null);
		KeyHolder keys = new GeneratedKeyHolder();
		try {
			this.jdbc.update("INSERT INTO subscriber (organisation, email, email_key, name, status, created_at, "
					+ "updated_at, confirmed_at) VALUES (:organisation, :email, :key, :name, :status, :now, :now, "
					+ ":confirmedAt)", params, keys, new String[] { "id" });
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidSubscriberException("email", "'" + address + "' is already a subscriber of '" + org + "'",
					true, SubscriberError.EMAIL_TAKEN, address, org);
		}
		return find(keys.getKey().longValue()).orElseThrow();
	}

	/**
	 * Checks an address as {@link #signUp} would.
	 * @param email the address as typed
	 * @return the address without surrounding blanks
	 * @throws InvalidSubscriberException if it is not a valid address
	 */
	public static String checkEmail(String email) {
		return SubscriberValidation.email(email);
	}

	/**
	 * Someone asks, on the public form, to receive the default organisation's bulletins.
	 * A new address is added as pending; a pending one stays pending and an unsubscribed
	 * one becomes pending again, both to be sent a fresh confirmation (announced as
	 * {@link ConfirmationRequested} in this transaction); a confirmed one is left as it
	 * is.
	 * @param email their address
	 * @param name their name, may be {@code null}
	 * @return the subscriber as it now is
	 * @throws InvalidSubscriberException if a field is invalid, or (a conflict) the same
	 * new address was signed up by another request at the same moment
	 */
	@Transactional
	public Subscriber signUp(String email, String name) {
		Subscriber subscriber = signUpOrFind(email, name);
		if (subscriber.status() == SubscriberStatus.PENDING) {
			this.events.publishEvent(new ConfirmationRequested(subscriber.id()));
		}
		return subscriber;
	}

	private Subscriber signUpOrFind(String email, String name) {
		String address = SubscriberValidation.email(email);
		String cleanName = SubscriberValidation.name(name);
		Optional<Subscriber> existing = this.jdbc
			.query("SELECT " + COLUMNS + " FROM subscriber WHERE organisation = :organisation AND email_key = :key",
					Map.of("organisation", SubscriberValidation.DEFAULT_ORGANISATION, "key",
							SubscriberValidation.key(address)),
					this::mapRow)
			.stream()
			.findFirst();
		if (existing.isEmpty()) {
			// Two requests for one new address at once: the second is refused as a
			// conflict.
			return add(null, address, cleanName, SubscriberStatus.PENDING);
		}
		Subscriber subscriber = existing.get();
		if (subscriber.status() == SubscriberStatus.UNSUBSCRIBED) {
			this.jdbc.update(
					"UPDATE subscriber SET status = 'PENDING', unsubscribed_at = NULL, updated_at = :now "
							+ "WHERE id = :id AND status = 'UNSUBSCRIBED'",
					Map.of("id", subscriber.id(), "now", Timestamp.from(this.clock.instant())));
			return find(subscriber.id()).orElseThrow();
		}
		return subscriber;
	}

	public Optional<Subscriber> find(long id) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM subscriber WHERE id = :id", Map.of("id", id), this::mapRow)
			.stream()
			.findFirst();
	}

	/** Subscribers by id, in no particular order; unknown ids are left out. */
	public List<Subscriber> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query("SELECT " + COLUMNS + " FROM subscriber WHERE id IN (:ids)", Map.of("ids", ids),
				this::mapRow);
	}

	/**
	 * Subscribers by address.
	 * @param organisation only this organisation's, or {@code null} for all
	 * @param status only those in this status, or {@code null} for all
	 * @return matching subscribers, by organisation and address
	 */
	public List<Subscriber> list(String organisation, SubscriberStatus status) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM subscriber WHERE 1 = 1");
		MapSqlParameterSource params = new MapSqlParameterSource();
		if (organisation != null) {
			sql.append(" AND organisation = :organisation");
			params.addValue("organisation", organisation);
		}
		if (status != null) {
			sql.append(" AND status = :status");
			params.addValue("status", status.name());
		}
		return this.jdbc.query(sql.append(" ORDER BY organisation, email_key").toString(), params, this::mapRow);
	}

	/**
	 * Confirms a pending subscriber. An unsubscribed one stays unsubscribed: only they
	 * may sign up again.
	 * @param id the subscriber's id
	 * @return the subscriber as it now is, or empty if unknown
	 */
	@Transactional
	public Optional<Subscriber> confirm(long id) {
		return confirmOnce(id).map(Step::subscriber);
	}

	/**
	 * As {@link #confirm(long)}, saying whether this call confirmed them: of two
	 * confirmations racing, one made the change and the other found it made.
	 */
	@Transactional
	public Optional<Step> confirmOnce(long id) {
		return step(id, "UPDATE subscriber SET status = 'CONFIRMED', confirmed_at = :now, updated_at = :now "
				+ "WHERE id = :id AND status = 'PENDING'");
	}

	/**
	 * Stops all bulletins to a subscriber; repeating it changes nothing.
	 * @param id the subscriber's id
	 * @return the subscriber as it now is, or empty if unknown
	 */
	@Transactional
	public Optional<Subscriber> unsubscribe(long id) {
		return unsubscribeOnce(id).map(Step::subscriber);
	}

	/** As {@link #unsubscribe(long)}, saying whether this call unsubscribed them. */
	@Transactional
	public Optional<Step> unsubscribeOnce(long id) {
		return step(id, "UPDATE subscriber SET status = 'UNSUBSCRIBED', unsubscribed_at = :now, updated_at = :now "
				+ "WHERE id = :id AND status <> 'UNSUBSCRIBED'");
	}

	private Optional<Step> step(long id, String update) {
		Optional<SubscriberStatus> before = find(id).map(Subscriber::status);
		boolean changed = this.jdbc.update(update, Map.of("id", id, "now", Timestamp.from(this.clock.instant()))) == 1;
		return find(id).map((now) -> new Step(now, before.orElse(null), changed));
	}

	/**
	 * What one confirmation or unsubscription did.
	 *
	 * @param subscriber the subscriber as it now is
	 * @param before their status before this call
	 * @param changed whether this call changed it
	 */
	public record Step(Subscriber subscriber, SubscriberStatus before, boolean changed) {

	}

	private Subscriber mapRow(ResultSet rs, int row) throws SQLException {
		return new Subscriber(rs.getLong("id"), rs.getString("organisation"), rs.getString("email"),
				rs.getString("name"), SubscriberStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
