package vn.loa.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, finds, lists and changes desk accounts. Passwords are stored as BCrypt hashes
 * and are at least {@value #MIN_PASSWORD_LENGTH} characters long; every change is
 * recorded in the {@link AuditLog}.
 */
@Service
public class Accounts {

	/** The shortest password accepted. */
	public static final int MIN_PASSWORD_LENGTH = 12;

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");

	private static final String COLUMNS = "username, display_name, roles, enabled, created_at, updated_at";

	private final NamedParameterJdbcTemplate jdbc;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Clock clock;

	Accounts(NamedParameterJdbcTemplate jdbc, PasswordEncoder passwords, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.audit = audit;
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
	public Account create(String actor, String username, String displayName, String password, Set<Role> roles) {
		String name = username(username);
		checkPassword(password);
		if (roles == null || roles.isEmpty()) {
			throw new InvalidAccountException("roles", "an account needs at least one role");
		}
		String shown = (displayName == null || displayName.isBlank()) ? name : displayName.strip();
		Timestamp now = Timestamp.from(this.clock.instant());
		try {
			this.jdbc.update(
					"INSERT INTO account (username, display_name, password_hash, roles, enabled, created_at, "
							+ "updated_at) VALUES (:username, :displayName, :hash, :roles, TRUE, :now, :now)",
					new MapSqlParameterSource().addValue("username", name)
						.addValue("displayName", shown)
						.addValue("hash", this.passwords.encode(password))
						.addValue("roles", rolesText(roles))
						.addValue("now", now));
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidAccountException("username", "the user '" + name + "' already exists");
		}
		Account account = find(name).orElseThrow();
		this.audit.record(actor, "account.create", subject(name), null, describe(account));
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
		return list().stream().anyMatch((account) -> account.enabled() && account.has(Role.ADMIN));
	}

	/** Replaces the roles of an account; empty if there is no such account. */
	@Transactional
	public Optional<Account> changeRoles(String actor, String username, Set<Role> roles) {
		if (roles == null || roles.isEmpty()) {
			throw new InvalidAccountException("roles", "an account needs at least one role");
		}
		return change(actor, "account.roles", username, "roles = :roles",
				new MapSqlParameterSource("roles", rolesText(roles)));
	}

	/** Sets a new password; empty if there is no such account. */
	@Transactional
	public Optional<Account> changePassword(String actor, String username, String password) {
		checkPassword(password);
		return change(actor, "account.password", username, "password_hash = :hash",
				new MapSqlParameterSource("hash", this.passwords.encode(password)));
	}

	/** Stops an account from logging in; empty if there is no such account. */
	@Transactional
	public Optional<Account> disable(String actor, String username) {
		return change(actor, "account.disable", username, "enabled = FALSE", new MapSqlParameterSource());
	}

	/** The stored hash and state, for logging in only. */
	Optional<Credentials> credentials(String username) {
		return this.jdbc
			.query("SELECT " + COLUMNS + ", password_hash FROM account WHERE username = :username",
					new MapSqlParameterSource("username", username.strip().toLowerCase(Locale.ROOT)),
					(rs, row) -> new Credentials(account(rs, row), rs.getString("password_hash")))
			.stream()
			.findFirst();
	}

	private Optional<Account> change(String actor, String action, String username, String assignment,
			MapSqlParameterSource params) {
		Optional<Account> before = find(username);
		if (before.isEmpty()) {
			return Optional.empty();
		}
		String name = before.get().username();
		this.jdbc.update("UPDATE account SET " + assignment + ", updated_at = :now WHERE username = :username",
				params.addValue("now", Timestamp.from(this.clock.instant())).addValue("username", name));
		Optional<Account> after = find(name);
		this.audit.record(actor, action, subject(name), describe(before.get()), describe(after.orElseThrow()));
		return after;
	}

	private static String username(String username) {
		String name = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		if (!USERNAME.matcher(name).matches()) {
			throw new InvalidAccountException("username",
					"a username is 2 to 60 letters a-z, digits, '.', '_' or '-', starting with a letter or digit");
		}
		return name;
	}

	private static void checkPassword(String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new InvalidAccountException("password",
					"a password has at least " + MIN_PASSWORD_LENGTH + " characters");
		}
	}

	private static String subject(String username) {
		return "account:" + username;
	}

	/** The audit text of an account; never the hash. */
	private static String describe(Account account) {
		return String.format("{\"username\":\"%s\",\"roles\":\"%s\",\"enabled\":%s}", account.username(),
				rolesText(account.roles()), account.enabled());
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
				rs.getTimestamp("updated_at").toInstant());
	}

	/** An account with its password hash. */
	record Credentials(Account account, String passwordHash) {

	}

}
