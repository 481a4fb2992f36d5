package vn.loa.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attempts the login and sign-up limits count, in the database every node shares, so
 * that a limit holds across nodes and restarts. A key is stored lower-cased and hashed
 * (SHA-256): equal keys must match, but the table need not hold usernames, addresses on
 * the network or mailboxes in clear. Each statement commits on its own, outside any
 * transaction of the caller, so that other nodes see an attempt at once; each write
 * deletes the attempts of its limit that have left the window, so the table holds no more
 * than one window's worth.
 */
@Component
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class RateLimitAttempts {

	private static final Log logger = LogFactory.getLog(RateLimitAttempts.class);

	private final JdbcTemplate jdbc;

	RateLimitAttempts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * How many attempts for {@code key} were counted in the window ending at {@code now}.
	 */
	int count(Window window, String key, Instant now) {
		Integer count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM rate_limit_attempt WHERE limit_name = ? AND key_hash = ? AND attempted_at > ?",
				Integer.class, window.name(), hash(key), since(window, now));
		return (count != null) ? count : 0;
	}

	/** Counts an attempt for {@code key} at {@code now}. */
	void add(Window window, String key, Instant now) {
		insert(window, hash(key), now);
		prune(window, now);
	}

	/**
	 * Counts an attempt for {@code key} at {@code now} if the window still has room.
	 * <p>
	 * The attempt is written (and committed) first, then every attempt of the window is
	 * counted, its own included; over the limit, it is refused and its row deleted, so a
	 * refused attempt does not count. Of two nodes asking at once, the one that counts
	 * last sees the other's row, so the limit is never exceeded, where counting first and
	 * writing after could let both through. The price is the other way round: when
	 * several requests for one key arrive at the same moment at the edge of the limit,
	 * each may see the others' rows before they are deleted and all be refused; asked
	 * again, they are counted afresh.
	 * @return whether the attempt was within the limit
	 */
	boolean tryAdd(Window window, String key, Instant now) {
		String hash = hash(key);
		long id = insert(window, hash, now);
		if (count(window, key, now) > window.limit()) {
			this.jdbc.update("DELETE FROM rate_limit_attempt WHERE id = ?", id);
			return false;
		}
		prune(window, now);
		return true;
	}

	/** Forgets every attempt for {@code key}. */
	void clear(Window window, String key) {
		this.jdbc.update("DELETE FROM rate_limit_attempt WHERE limit_name = ? AND key_hash = ?", window.name(),
				hash(key));
	}

	private long insert(Window window, String hash, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement(
					"INSERT INTO rate_limit_attempt (limit_name, key_hash, attempted_at) VALUES (?, ?, ?)",
					new String[] { "id" });
			statement.setString(1, window.name());
			statement.setString(2, hash);
			statement.setTimestamp(3, Timestamp.from(now));
			return statement;
		}, keys);
		return java.util.Objects.requireNonNull(keys.getKey(), "the attempt's id").longValue();
	}

	/**
	 * Deletes what has left the window. Best effort: two nodes pruning at once may wait
	 * for each other, and a failed prune is made good by the next.
	 */
	private void prune(Window window, Instant now) {
		try {
			this.jdbc.update("DELETE FROM rate_limit_attempt WHERE limit_name = ? AND attempted_at <= ?", window.name(),
					since(window, now));
		}
		catch (DataAccessException ex) {
			logger.debug("Cannot prune the attempts of " + window.name() + " now", ex);
		}
	}

	private static Timestamp since(Window window, Instant now) {
		return Timestamp.from(now.minus(window.length()));
	}

	/**
	 * Now by {@code clock}, to the microsecond both databases store: an instant rounded
	 * on the way in could otherwise still be inside a window it has just left.
	 */
	static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * The key as stored: trimmed, lower-cased and hashed; {@code null} is the empty key.
	 */
	static String hash(String key) {
		String normalised = (key != null) ? key.strip().toLowerCase(Locale.ROOT) : "";
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * One limit: at most {@code limit} attempts per key in any {@code length}.
	 *
	 * @param name the limit's name in the table
	 * @param limit how many attempts the window holds
	 * @param length how far back attempts count
	 */
	record Window(String name, int limit, Duration length) {

	}

}
