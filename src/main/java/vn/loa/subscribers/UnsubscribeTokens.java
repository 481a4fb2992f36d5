package vn.loa.subscribers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.loa.settings.LoaSettings;

/**
 * Signs and checks the tokens in unsubscribe links: {@code <id>.<HMAC-SHA256>} over the
 * subscriber id, so a link works without a session and cannot be forged for someone else.
 * The key is {@code loa.secret}; when none is configured, one is generated once into
 * {@code <data-dir>/secret} and reused, so links in sent mail keep working after a
 * restart.
 */
@Component
public class UnsubscribeTokens {

	private static final Log logger = LogFactory.getLog(UnsubscribeTokens.class);

	private static final String ALGORITHM = "HmacSHA256";

	private static final Pattern TOKEN = Pattern.compile("([1-9][0-9]{0,17})\\.([A-Za-z0-9_-]{43})");

	private final SecretKeySpec key;

	@Autowired
	UnsubscribeTokens(@Value("${loa.secret:}") String secret, LoaSettings settings) {
		this(secret, settings.dataDir());
	}

	UnsubscribeTokens(String secret, Path dataDir) {
		this.key = new SecretKeySpec(
				(!secret.isBlank() ? secret : storedSecret(dataDir)).getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	/** The token for a subscriber's unsubscribe link. */
	public String issue(long subscriberId) {
		return subscriberId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sign(subscriberId));
	}

	/**
	 * The subscriber a token was issued for, or empty if it is malformed or its signature
	 * does not match.
	 */
	public Optional<Long> verify(String token) {
		var matcher = (token != null) ? TOKEN.matcher(token) : null;
		if (matcher == null || !matcher.matches()) {
			return Optional.empty();
		}
		long id = Long.parseLong(matcher.group(1));
		byte[] presented = Base64.getUrlDecoder().decode(matcher.group(2));
		return MessageDigest.isEqual(sign(id), presented) ? Optional.of(id) : Optional.empty();
	}

	private byte[] sign(long subscriberId) {
		return mac("unsubscribe:" + subscriberId);
	}

	/**
	 * The HMAC of a message under Loa's key; each kind of token prefixes its own purpose,
	 * so one kind never passes for another.
	 */
	byte[] mac(String message) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String storedSecret(Path dataDir) {
		Path file = dataDir.resolve("secret");
		try {
			if (!Files.exists(file)) {
				generate(file);
			}
			String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
			if (stored.isEmpty()) {
				throw new IllegalStateException(file + " is empty: delete it or set loa.secret");
			}
			return stored;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + file, ex);
		}
	}

	private static void generate(Path file) throws IOException {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		Files.createDirectories(file.toAbsolutePath().getParent());
		Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".secret", ".tmp");
		try {
			restrictToOwner(temp);
			Files.writeString(temp, HexFormat.of().formatHex(random) + "\n", StandardCharsets.UTF_8);
			// A link never replaces an existing file: if another process won the race,
			// its secret is the one everybody uses.
			link(temp, file);
			logger.info("No loa.secret configured: generated one in " + file.toAbsolutePath());
		}
		catch (FileAlreadyExistsException ex) {
			// Another process generated it first.
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static void link(Path temp, Path file) throws IOException {
		try {
			Files.createLink(file, temp);
		}
		catch (UnsupportedOperationException ex) {
			Files.move(temp, file);
		}
	}

	private static void restrictToOwner(Path path) {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException | IOException ex) {
			// Not a POSIX file system: rely on the data directory's permissions.
		}
	}

}
