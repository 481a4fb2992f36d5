package vn.loa.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens issued at the desk, each for one organisation (and every organisation below
 * it) or for the whole installation. The secret is shown once, when it is issued; only
 * its SHA-256 hash is stored, so a stolen database gives no working token. Issuing and
 * revoking are audited as {@link AccountChanged} with the subject {@code api-token:<id>}.
 * The token configured as {@code loa.api.token} stays the installation's own.
 */
@Service
public class ApiTokens {

	/** What every issued secret starts with, so a leaked one is easy to recognise. */
	static final String PREFIX = "loa_";

	private static final int MAX_NAME_LENGTH = 200;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS = "id, name, organisation, created_by, created_at, revoked_at";

	private final NamedParameterJdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ApiTokens(NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Issues a token.
	 * @param actor who issues it
	 * @param name what it is for ("Cổng thông tin xã An Phú")
	 * @param organisation where it may act; {@code null} for the whole installation. The
	 * caller checks that the organisation exists and is theirs to give.
	 * @return the token and its secret, which is not kept
	 */
	@Transactional
	public Issued issue(String actor, String name, @Nullable String organisation) {
		String shown = (name != null) ? name.strip() : "";
		if (shown.isEmpty() || shown.length() > MAX_NAME_LENGTH || shown.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidAccountException("name", "invalid",
					"a token needs a name of 1 to " + MAX_NAME_LENGTH + " characters, without control characters");
		}
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		String secret = PREFIX + HexFormat.of().formatHex(bytes);
		String id = UUID.randomUUID().toString();
		this.jdbc.update(
				"INSERT INTO api_token (id, name, organisation, secret_hash, created_by, created_at) "
						+ "VALUES (:id, :name, :organisation, :hash, :actor, :now)",
				new MapSqlParameterSource("id", id).addValue("name", shown)
					.addValue("organisation", organisation)
					.addValue("hash", hash(secret))
					.addValue("actor", actor)
					.addValue("now", Timestamp.from(this.clock.instant())));
		ApiToken token = find(id).orElseThrow();
		this.events
			.publishEvent(new AccountChanged(actor, "api-token.issue", "api-token:" + id, null, describe(token)));
		return new Issued(token, secret);
	}

	/** Stops a token from working at once; empty if there is no such token. */
	@Transactional
	public Optional<ApiToken> revoke(String actor, String id) {
		Optional<ApiToken> before = find(id);
		if (before.isEmpty() || before.get().revokedAt() != null) {
			return before;
		}
		this.jdbc.update("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL",
				new MapSqlParameterSource("now", Timestamp.from(this.clock.instant())).addValue("id", id));
		ApiToken after = find(id).orElseThrow();
		this.events.publishEvent(new AccountChanged(actor, "api-token.revoke", "api-token:" + id,
				describe(before.get()), describe(after)));
		return Optional.of(after);
	}

	/** The live token whose secret was presented, if any. */
	public Optional<ApiToken> authenticate(String presented) {
		if (presented == null || !presented.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM api_token WHERE secret_hash = :hash AND revoked_at IS NULL",
					new MapSqlParameterSource("hash", hash(presented)), ApiTokens::token)
			.stream()
			.findFirst();
	}

	/** The token with this id, revoked or not. */
	public Optional<ApiToken> find(String id) {
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM api_token WHERE id = :id", new MapSqlParameterSource("id", id),
					ApiTokens::token)
			.stream()
			.findFirst();
	}

	/** Every token, newest first. */
	public List<ApiToken> list() {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM api_token ORDER BY created_at DESC, id", ApiTokens::token);
	}

	private static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String describe(ApiToken token) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", token.name());
		fields.put("organisation", token.organisation());
		fields.put("revoked", token.revokedAt() != null);
		return JSON.writeValueAsString(fields);
	}

	private static ApiToken token(ResultSet rs, int row) throws SQLException {
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new ApiToken(rs.getString("id"), rs.getString("name"), rs.getString("organisation"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				(revoked != null) ? revoked.toInstant() : null);
	}

	/**
	 * An issued token, without its secret.
	 *
	 * @param id its id
	 * @param name what it is for
	 * @param organisation where it may act; {@code null} for the whole installation
	 * @param createdBy who issued it
	 * @param createdAt when
	 * @param revokedAt when it was revoked; {@code null} while it works
	 */
	public record ApiToken(String id, String name, @Nullable String organisation, String createdBy, Instant createdAt,
			@Nullable Instant revokedAt) {

	}

	/** A token just issued, with the secret to show once. */
	public record Issued(ApiToken token, String secret) {

	}

}
