package vn.loa.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, finds, lists and changes desk accounts. Passwords are stored as BCrypt hashes
 * and are at least {@value #MIN_PASSWORD_LENGTH} characters long; every change is
 * announced as an {@link AccountChanged}, which the audit log records.
 */
@Service
public class Accounts {

	/** The shortest password accepted. */
	public static final int MIN_PASSWORD_LENGTH = 12;

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");

	private static final int MAX_DISPLAY_NAME_LENGTH = 200;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS = "username, display_name, roles, enabled, created_at, updated_at, password_changed_at, organisation";

	private final NamedParameterJdbcTemplate jdbc;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Accounts(NamedParameterJdbcTemplate jdbc, PasswordEncoder passwords, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates an account.
	 * @param actor who creates it (a username, {@code api}, {@code cli} or {@code env})
	 * @param username the login name; stored in lower case
	 * @param displayName the name shown; the username when blank
	 * @param password the password, at least {@value #MIN_PASSWORD_LENGTH} characters
	 * @param roles at least one role
	 * @return the account
	 * @throws InvalidAccountException if a field is invalid or the username is taken
	 */
	@Transactional
	public Account create(String actor, String username, @Nullable String displayName, String password,
			Set<Role> roles) {
		return create(actor, username, displayName, password, roles, null);
	}

	/**
	 * Creates an account whose roles are held in {@code organisation} and reach every
	 * organisation below it; {@code null} for the whole installation. The caller checks
	 * that the organisation exists and is theirs to give.
	 */
	@Transactional
	public Account create(String actor, String username, @Nullable String displayName, String password, Set<Role> roles,
			@Nullable String organisation) {
		String name = username(username);
		String shown = displayName(displayName, name);
		checkPassword(password);
		checkRoles(roles);
		Timestamp now = Timestamp.from(this.clock.instant());
		try {
			this.jdbc.update(
					"INSERT INTO account (username, display_name, password_hash, roles, enabled, created_at, "
							+ "updated_at, organisation) "
							+ "VALUES (:username, :displayName, :hash, :roles, TRUE, :now, :now, :organisation)",
					new MapSqlParameterSource().addValue("username", name)
						.addValue("displayName", shown)
						.addValue("hash", this.passwords.encode(password))
						.addValue("roles", rolesText(roles))
						.addValue("now", now)
						.addValue("organisation", blankToNull(organisation)));
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidAccountException("username", "taken", "the user '" + name + "' already exists");
		}
		Account account = find(name).orElseThrow();
		this.events.publishEvent(new AccountChanged(actor, "account.create", name, null, describe(account)));
		return account;
	}

	/** The account named {@code username}, whatever its case. */
	public Optional<Account> find(String username) {
		if (username == null) {
			return Optional.empty();
		}
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM account WHERE username = :username",
					new MapSqlParameterSource("username", username.strip().toLowerCase(Locale.ROOT)), Accounts::account)
			.stream()
			.findFirst();
	}

	/** Every account, by username. */
	public List<Account> list() {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM account ORDER BY username", Accounts::account);
	}

	/** Whether an enabled administrator exists. */
	public boolean adminExists() {
		return list().stream().anyMatch(Accounts::administersEverything);
	}

	/**
	 * Changes the name shown and the roles of an account.
	 * @param actor who changes it
	 * @param username the account
	 * @param displayName the name shown; the username when blank
	 * @param roles at least one role
	 * @return the account after the change; empty if there is no such account
	 * @throws InvalidAccountException if a field is invalid, if the actor would remove
	 * their own ADMIN role, or if the last enabled administrator would lose it
	 */
	@Transactional
	public Optional<Account> update(String actor, String username, String displayName, Set<Role> roles) {
		checkRoles(roles);
		return change(actor, "account.update", username,
				(before) -> new Account(before.username(), displayName(displayName, before.username()),
						Set.copyOf(roles), before.enabled(), before.createdAt(), before.updatedAt(),
						before.passwordChangedAt(), before.organisation()));
	}

	/**
	 * Changes the name shown, the roles and the organisation the roles are held in
	 * ({@code null}: the whole installation); as
	 * {@link #update(String, String, String, Set)}.
	 */
	@Transactional
	public Optional<Account> update(String actor, String username, String displayName, Set<Role> roles,
			@Nullable String organisation) {
		checkRoles(roles);
		return change(actor, "account.update", username,
				(before) -> new Account(before.username(), displayName(displayName, before.username()),
						Set.copyOf(roles), before.enabled(), before.createdAt(), before.updatedAt(),
						before.passwordChangedAt(), blankToNull(organisation)));
	}

	/**
	 * Stops an account from logging in; its open sessions end on their next request.
	 * @return the account after the change; empty if there is no such account
	 * @throws InvalidAccountException if the actor disables themself or the last enabled
	 * administrator
	 */
	@Transactional
	public Optional<Account> disable(String actor, String username) {
		return change(actor, "account.disable", username,
				(before) -> new Account(before.username(), before.displayName(), before.roles(), false,
						before.createdAt(), before.updatedAt(), before.passwordChangedAt(), before.organisation()));
	}

	/** Lets a disabled account log in again; empty if there is no such account. */
	@Transactional
	public Optional<Account> enable(String actor, String username) {
		return change(actor, "account.enable", username,
				(before) -> new Account(before.username(), before.displayName(), before.roles(), true,
						before.createdAt(), before.updatedAt(), before.passwordChangedAt(), before.organisation()));
	}

	/**
	 * Sets a new password, typed by an administrator or the user; sessions opened before
	 * end. The audit log records that it changed, never the password or its hash.
	 * @return the account; empty if there is no such account
	 * @throws InvalidAccountException if the password is too short
	 */
	@Transactional
	public Optional<Account> changePassword(String actor, String username, String password) {
		checkPassword(password);
		Optional<Account> account = find(username);
		account.ifPresent((found) -> {
			this.jdbc.update(
					"UPDATE account SET password_hash = :hash, password_changed_at = :now, updated_at = :now "
							+ "WHERE username = :username",
					new MapSqlParameterSource("hash", this.passwords.encode(password))
						.addValue("now", Timestamp.from(this.clock.instant()))
						.addValue("username", found.username()));
			this.events.publishEvent(
					new AccountChanged(actor, "account.password", found.username(), describe(found), describe(found)));
		});
		return account.flatMap((found) -> find(found.username()));
	}

	/**
	 * The language the person chose at the desk ({@code vi} or {@code en}), empty until
	 * they choose one.
	 */
	public Optional<String> language(String username) {
		return this.jdbc
			.query("SELECT language FROM account WHERE username = :username",
					new MapSqlParameterSource("username", username.strip().toLowerCase(Locale.ROOT)),
					(rs, row) -> rs.getString("language"))
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	/**
	 * Remembers the language a person chose at the desk, so that it follows them to
	 * another browser. A choice of the interface, not a change of the account: not
	 * audited.
	 * @param language {@code vi} or {@code en}; anything else is ignored
	 */
	@Transactional
	public void rememberLanguage(String username, String language) {
		if (!LANGUAGES.contains(language)) {
			return;
		}
		this.jdbc.update("UPDATE account SET language = :language WHERE username = :username",
				new MapSqlParameterSource("language", language).addValue("username",
						username.strip().toLowerCase(Locale.ROOT)));
	}

	private static final Set<String> LANGUAGES = Set.of("vi", "en");

	/** The stored hash and state, for logging in only. */
	Optional<Credentials> credentials(String username) {
		return this.jdbc
			.query("SELECT " + COLUMNS + ", password_hash FROM account WHERE username = :username",
					new MapSqlParameterSource("username", username.strip().toLowerCase(Locale.ROOT)),
					(rs, row) -> new Credentials(account(rs, row), rs.getString("password_hash")))
			.stream()
			.findFirst();
	}

	/**
	 * Applies {@code edit} to an account and records it. Every account row is locked
	 * first, so two administrators demoting each other at the same moment cannot leave
	 * the desk without one.
	 */
	private Optional<Account> change(String actor, String action, String username, UnaryOperator<Account> edit) {
		String name = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		List<Account> everyone = this.jdbc.query("SELECT " + COLUMNS + " FROM account ORDER BY username FOR UPDATE",
				Accounts::account);
		Optional<Account> found = everyone.stream().filter((account) -> account.username().equals(name)).findFirst();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Account before = found.get();
		Account wanted = edit.apply(before);
		if (wanted.equals(before)) {
			return found;
		}
		checkAdministratorsRemain(actor, before, wanted, everyone);
		this.jdbc.update(
				"UPDATE account SET display_name = :displayName, roles = :roles, enabled = :enabled, "
						+ "organisation = :organisation, updated_at = :now WHERE username = :username",
				new MapSqlParameterSource("displayName", wanted.displayName())
					.addValue("organisation", wanted.organisation())
					.addValue("roles", rolesText(wanted.roles()))
					.addValue("enabled", wanted.enabled())
					.addValue("now", Timestamp.from(this.clock.instant()))
					.addValue("username", name));
		Account after = find(name).orElseThrow();
		this.events.publishEvent(new AccountChanged(actor, action, name, describe(before), describe(after)));
		return Optional.of(after);
	}

	/**
	 * Refuses a change that would lock the actor out of administration by their own hand,
	 * or leave no enabled administrator at all.
	 */
	private static void checkAdministratorsRemain(String actor, Account before, Account wanted,
			List<Account> everyone) {
		boolean self = before.username().equalsIgnoreCase(actor);
		if (self && before.enabled() && !wanted.enabled()) {
			throw new InvalidAccountException("enabled", "self", "you cannot disable your own account");
		}
		boolean wasAdmin = administersEverything(before);
		boolean staysAdmin = administersEverything(wanted);
		if (!wasAdmin || staysAdmin) {
			return;
		}
		boolean scoped = wanted.enabled() && wanted.has(Role.ADMIN);
		if (self) {
			throw scoped
					? new InvalidAccountException("organisation", "ownAdmin",
							"you cannot narrow your own administration to one organisation")
					: new InvalidAccountException("roles", "ownAdmin", "you cannot remove your own ADMIN role");
		}
		boolean otherAdmin = everyone.stream()
			.anyMatch((account) -> !account.username().equals(before.username()) && administersEverything(account));
		if (!otherAdmin) {
			throw scoped
					? new InvalidAccountException("organisation", "lastAdmin",
							"'" + before.username() + "' is the last administrator of the whole installation and "
									+ "cannot be narrowed to one organisation")
					: wanted.enabled()
							? new InvalidAccountException("roles", "lastAdmin",
									"'" + before.username()
											+ "' is the last enabled administrator and keeps the ADMIN role")
							: new InvalidAccountException("enabled", "lastAdmin", "'" + before.username()
									+ "' is the last enabled administrator and cannot be disabled");
		}
	}

	/** An enabled administrator of the whole installation, not of one organisation. */
	private static boolean administersEverything(Account account) {
		return account.enabled() && account.has(Role.ADMIN) && account.organisation() == null;
	}

	private static String username(String username) {
		String name = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		if (!USERNAME.matcher(name).matches()) {
			throw new InvalidAccountException("username", "invalid",
					"a username is 2 to 60 letters a-z, digits, '.', '_' or '-', starting with a letter or digit");
		}
		return name;
	}

	private static void checkPassword(String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new InvalidAccountException("password", "short",
					"a password has at least " + MIN_PASSWORD_LENGTH + " characters");
		}
	}

	private static String displayName(@Nullable String displayName, String username) {
		String shown = (displayName == null || displayName.isBlank()) ? username : displayName.strip();
		if (shown.length() > MAX_DISPLAY_NAME_LENGTH) {
			throw new InvalidAccountException("displayName", "long",
					"a display name has at most " + MAX_DISPLAY_NAME_LENGTH + " characters");
		}
		return shown;
	}

	private static void checkRoles(Set<Role> roles) {
		if (roles == null || roles.isEmpty()) {
			throw new InvalidAccountException("roles", "empty", "an account needs at least one role");
		}
	}

	/** The audit text of an account; never the password or its hash. */
	private static String describe(Account account) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("username", account.username());
		fields.put("displayName", account.displayName());
		fields.put("roles", rolesText(account.roles()));
		fields.put("enabled", account.enabled());
		fields.put("organisation", account.organisation());
		return JSON.writeValueAsString(fields);
	}

	private static String rolesText(Set<Role> roles) {
		return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
	}

	private static Account account(ResultSet rs, int row) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(rs.getString("roles").split(","))
			.filter((role) -> !role.isBlank())
			.forEach((role) -> roles.add(Role.valueOf(role.strip())));
		return new Account(rs.getString("username"), rs.getString("display_name"), Set.copyOf(roles),
				rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), instant(rs.getTimestamp("password_changed_at")),
				rs.getString("organisation"));
	}

	private static @Nullable String blankToNull(@Nullable String organisation) {
		return (organisation == null || organisation.isBlank()) ? null : organisation.strip();
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** An account with its password hash. */
	record Credentials(Account account, String passwordHash) {

	}

}
