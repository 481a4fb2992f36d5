package vn.loa.subscribers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.organisations.Organisations;

/**
 * Adds, finds, confirms and unsubscribes the people who receive email bulletins. An
 * address is unique per organisation whatever its case.
 */
@Service
public class Subscribers {

	/**
	 * The actor of what residents do themselves on the public pages and from their mail.
	 */
	public static final String RESIDENT = "resident";

	private static final String COLUMNS = "id, organisation, email, name, status, created_at, updated_at";

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate savepoint;

	private final Organisations organisations;

	Subscribers(NamedParameterJdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Organisations organisations) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.clock = clock;
		this.events = events;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Adds a subscriber.
	 * @param organisation whose bulletins they receive; {@code null} or blank for
	 * {@code default}
	 * @param email their address
	 * @param name their name, may be {@code null}
	 * @param status {@code PENDING} or {@code CONFIRMED} (consent given elsewhere);
	 * {@code null} for pending
	 * @param actor who adds them (a username, or {@code api}); announced as a
	 * {@link SubscriberChanged}
	 * @return the stored subscriber
	 * @throws InvalidSubscriberException if a field is invalid or the address is taken
	 */
	@Transactional
	public Subscriber add(@Nullable String organisation, String email, @Nullable String name,
			@Nullable SubscriberStatus status, String actor) {
		Subscriber added = insert(organisation, email, name, status);
		this.events.publishEvent(new SubscriberChanged(actor, "subscriber.add", added.id(), null, describe(added)));
		return added;
	}

	/**
	 * Asks a pending subscriber to confirm: the same confirmation mail as a sign-up on
	 * the public form (announced as {@link ConfirmationRequested} in this transaction).
	 * Nothing happens for one who is not pending.
	 * @param id the subscriber
	 * @return whether a confirmation was requested
	 */
	@Transactional
	public boolean requestConfirmation(long id) {
		Optional<Subscriber> pending = find(id).filter((s) -> s.status() == SubscriberStatus.PENDING);
		pending.ifPresent((s) -> this.events.publishEvent(new ConfirmationRequested(s.id())));
		return pending.isPresent();
	}

	/**
	 * Adds the rows of a list (a CSV file, say) one by one, each on its own: a refused
	 * row keeps none of the others out. Each added subscriber is announced, and the
	 * import as a whole.
	 * @param rows the rows that could be read
	 * @param unreadable how many rows of the file could not be read, for the record
	 * @param actor who imports them
	 */
	@Transactional
	public Imported importAll(List<NewSubscriber> rows, int unreadable, String actor) {
		return importAll(null, rows, unreadable, actor);
	}

	/**
	 * As {@link #importAll(List, int, String)}, every row for {@code organisation}
	 * ({@code default} when {@code null}).
	 */
	@Transactional
	public Imported importAll(@Nullable String organisation, List<NewSubscriber> rows, int unreadable, String actor) {
		int added = 0;
		int duplicates = 0;
		List<Refused> refused = new ArrayList<>();
		for (NewSubscriber row : rows) {
			try {
				this.savepoint.executeWithoutResult(
						(status) -> add(organisation, row.email(), row.name(), status(row.status()), actor));
				added++;
			}
			catch (InvalidSubscriberException ex) {
				if (ex.isConflict()) {
					duplicates++;
				}
				else {
					refused.add(new Refused(row.line(), ex));
				}
			}
		}
		this.events.publishEvent(new SubscriberChanged(actor, "subscriber.import", "subscribers", null,
				"added " + added + ", duplicates " + duplicates + ", refused " + (refused.size() + unreadable)));
		return new Imported(added, duplicates, refused);
	}

	private Subscriber insert(@Nullable String organisation, String email, @Nullable String name,
			@Nullable SubscriberStatus status) {
		String org = SubscriberValidation.organisation(organisation);
		if (!this.organisations.accepts(org)) {
			throw new InvalidSubscriberException("organisation",
					"there is no organisation '" + org + "', or it is disabled: nobody sends its bulletins",
					SubscriberError.ORGANISATION_UNKNOWN, org);
		}
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
		return find(java.util.Objects.requireNonNull(keys.getKey(), "the new subscriber's id").longValue())
			.orElseThrow();
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
	public Subscriber signUp(String email, @Nullable String name) {
		return signUp(SubscriberValidation.DEFAULT_ORGANISATION, email, name);
	}

	/**
	 * A resident signs up for one organisation's bulletins (a resident may follow
	 * several: each is its own subscription, and a bulletin for several of them comes
	 * once).
	 * @throws InvalidSubscriberException as {@link #signUp(String, String)}, and for an
	 * unknown or disabled organisation
	 */
	@Transactional
	public Subscriber signUp(String organisation, String email, @Nullable String name) {
		Subscriber subscriber = signUpOrFind(organisation, email, name);
		if (subscriber.status() == SubscriberStatus.PENDING) {
			this.events.publishEvent(new ConfirmationRequested(subscriber.id()));
			this.events.publishEvent(
					new SubscriberChanged(RESIDENT, "subscriber.sign-up", subscriber.id(), null, describe(subscriber)));
		}
		return subscriber;
	}

	private Subscriber signUpOrFind(String organisation, String email, @Nullable String name) {
		String address = SubscriberValidation.email(email);
		String cleanName = SubscriberValidation.name(name);
		Optional<Subscriber> existing = this.jdbc
			.query("SELECT " + COLUMNS + " FROM subscriber WHERE organisation = :organisation AND email_key = :key",
					Map.of("organisation", organisation, "key", SubscriberValidation.key(address)), this::mapRow)
			.stream()
			.findFirst();
		if (existing.isEmpty()) {
			// Two requests for one new address at once: the second is refused as a
			// conflict.
			return insert(organisation, address, cleanName, SubscriberStatus.PENDING);
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
	 * Hands one confirmed subscriber per mailbox of the given organisations to
	 * {@code batch}, at most {@code size} at a time in address order: a resident who
	 * follows several of them is handed over once (as their earliest subscription), and a
	 * bulletin to tens of thousands never holds them all in memory.
	 * @return how many mailboxes were handed over
	 */
	public int forEachMailbox(Collection<String> organisations, int size, Consumer<List<Mailbox>> batch) {
		if (organisations.isEmpty()) {
			return 0;
		}
		List<String> ids = List.copyOf(organisations);
		String after = "";
		int total = 0;
		while (true) {
			List<Mailbox> mailboxes = this.jdbc.query(
					"SELECT MIN(id) AS id, email_key FROM subscriber WHERE organisation IN (:organisations) "
							+ "AND status = 'CONFIRMED' AND email_key > :after GROUP BY email_key ORDER BY email_key "
							+ "FETCH FIRST " + size + " ROWS ONLY",
					Map.of("organisations", ids, "after", after),
					(rs, n) -> new Mailbox(rs.getLong("id"), rs.getString("email_key")));
			if (mailboxes.isEmpty()) {
				return total;
			}
			batch.accept(mailboxes);
			total += mailboxes.size();
			if (mailboxes.size() < size) {
				return total;
			}
			after = mailboxes.get(mailboxes.size() - 1).emailKey();
		}
	}

	/**
	 * The mailboxes confirmed in each of these organisations, each as its earliest
	 * subscription there: for bulletins of many small audiences (every commune's own item
	 * at 06:00) queued with one query. Nothing when there are more than {@code limit}
	 * subscriptions, so a caller never holds a large list in memory (it hands the
	 * mailboxes over in batches instead, {@link #forEachMailbox}).
	 */
	public java.util.Optional<Map<String, List<Mailbox>>> mailboxesByOrganisation(Collection<String> organisations,
			int limit) {
		if (organisations.isEmpty()) {
			return java.util.Optional.of(Map.of());
		}
		Map<String, List<Mailbox>> mailboxes = new java.util.HashMap<>();
		int[] rows = { 0 };
		this.jdbc.query(
				"SELECT organisation, MIN(id), email_key FROM subscriber WHERE organisation IN (:organisations) "
						+ "AND status = 'CONFIRMED' GROUP BY organisation, email_key ORDER BY organisation, email_key "
						+ "FETCH FIRST " + (limit + 1) + " ROWS ONLY",
				Map.of("organisations", List.copyOf(organisations)),
				(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> {
					rows[0]++;
					mailboxes.computeIfAbsent(rs.getString(1), (organisation) -> new java.util.ArrayList<>())
						.add(new Mailbox(rs.getLong(2), rs.getString(3)));
				});
		return (rows[0] > limit) ? java.util.Optional.empty() : java.util.Optional.of(mailboxes);
	}

	/** How many subscribers each of these organisations has confirmed; absent is none. */
	public Map<String, Integer> confirmedByOrganisation(Collection<String> organisations) {
		if (organisations.isEmpty()) {
			return Map.of();
		}
		Map<String, Integer> counts = new java.util.HashMap<>();
		this.jdbc.query(
				"SELECT organisation, COUNT(*) FROM subscriber WHERE organisation IN (:organisations) "
						+ "AND status = 'CONFIRMED' GROUP BY organisation",
				Map.of("organisations", List.copyOf(organisations)),
				(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> counts.put(rs.getString(1), rs.getInt(2)));
		return counts;
	}

	/** How many mailboxes are confirmed in at least one of these organisations. */
	public int countMailboxes(Collection<String> organisations) {
		if (organisations.isEmpty()) {
			return 0;
		}
		Integer count = this.jdbc.queryForObject(
				"SELECT COUNT(DISTINCT email_key) FROM subscriber WHERE organisation IN (:organisations) "
						+ "AND status = 'CONFIRMED'",
				Map.of("organisations", List.copyOf(organisations)), Integer.class);
		return (count != null) ? count : 0;
	}

	/**
	 * One mailbox that receives bulletins.
	 *
	 * @param subscriberId the subscription it receives them as
	 * @param emailKey the address in lower case
	 */
	public record Mailbox(long subscriberId, String emailKey) {

	}

	/**
	 * Subscribers by address.
	 * @param organisation only this organisation's, or {@code null} for all
	 * @param status only those in this status, or {@code null} for all
	 * @return matching subscribers, by organisation and address
	 */
	public List<Subscriber> list(@Nullable String organisation, @Nullable SubscriberStatus status) {
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
	 * may sign up again. Of two confirmations racing (a double click on the mail's link),
	 * only the one that made the change is announced as a {@link SubscriberChanged}.
	 * @param id the subscriber's id
	 * @param actor {@link #RESIDENT} from the mail's link, or who confirms for them
	 * @return the subscriber as it now is, or empty if unknown
	 */
	@Transactional
	public Optional<Subscriber> confirm(long id, String actor) {
		return step(id, "subscriber.confirm", actor,
				"UPDATE subscriber SET status = 'CONFIRMED', confirmed_at = :now, updated_at = :now "
						+ "WHERE id = :id AND status = 'PENDING'");
	}

	/**
	 * Stops all bulletins to a subscriber; repeating it changes nothing and announces
	 * nothing.
	 * @param id the subscriber's id
	 * @param actor {@link #RESIDENT} from a link or the page, or who unsubscribes them
	 * @return the subscriber as it now is, or empty if unknown
	 */
	@Transactional
	public Optional<Subscriber> unsubscribe(long id, String actor) {
		return step(id, "subscriber.unsubscribe", actor,
				"UPDATE subscriber SET status = 'UNSUBSCRIBED', unsubscribed_at = :now, updated_at = :now "
						+ "WHERE id = :id AND status <> 'UNSUBSCRIBED'");
	}

	private Optional<Subscriber> step(long id, String action, String actor, String update) {
		Optional<Subscriber> before = find(id);
		boolean changed = this.jdbc.update(update, Map.of("id", id, "now", Timestamp.from(this.clock.instant()))) == 1;
		Optional<Subscriber> after = find(id);
		if (changed && before.isPresent() && after.isPresent()) {
			this.events
				.publishEvent(new SubscriberChanged(actor, action, id, describe(before.get()), describe(after.get())));
		}
		return after;
	}

	private static @Nullable SubscriberStatus status(@Nullable String text) {
		return (text != null && !text.isBlank()) ? SubscriberStatus.parse(text) : null;
	}

	/** A short text, without the address: the audit log is no second subscriber list. */
	private static String describe(Subscriber subscriber) {
		return subscriber.organisation() + ", " + subscriber.status().name().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * A row to import.
	 *
	 * @param line where it is in its file, for the refusals
	 * @param email address
	 * @param name name, may be empty
	 * @param status pending or confirmed, as written; blank for pending
	 */
	public record NewSubscriber(int line, String email, String name, String status) {

	}

	/** A row of an import that was refused, and why. */
	public record Refused(int line, InvalidSubscriberException reason) {

	}

	/**
	 * What an import did.
	 *
	 * @param added subscribers added
	 * @param duplicates rows whose address was already a subscriber
	 * @param refused rows refused for another reason, by line
	 */
	public record Imported(int added, int duplicates, List<Refused> refused) {

	}

	private Subscriber mapRow(ResultSet rs, int row) throws SQLException {
		return new Subscriber(rs.getLong("id"), rs.getString("organisation"), rs.getString("email"),
				rs.getString("name"), SubscriberStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
