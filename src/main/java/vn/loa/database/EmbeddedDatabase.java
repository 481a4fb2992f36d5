package vn.loa.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settles the embedded H2 database before anything opens it. When
 * {@code spring.datasource.url} is an H2 file and no password is configured, Loa uses one
 * it generates into {@code <data-dir>/db-password} (a database made by an older version
 * with the empty password is given it); H2's automatic server, which lets the command
 * line use the database while the server runs, listens on loopback only; and the data
 * directory and everything in it become readable by their owner alone.
 */
class EmbeddedDatabase implements EnvironmentPostProcessor {

	/** The file under the data directory that holds the generated password. */
	public static final String PASSWORD_FILE = "db-password";

	private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	/** H2's error code for a wrong user name or password. */
	private static final int WRONG_PASSWORD = 28000;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("spring.datasource.url", "");
		if (!url.startsWith("jdbc:h2:file:")) {
			return;
		}
		// Read once, when H2 first loads: before any connection, so AUTO_SERVER binds
		// here.
		if (System.getProperty("h2.bindAddress") == null) {
			System.setProperty("h2.bindAddress", "127.0.0.1");
		}
		Path dataDir = Path.of(environment.getProperty("loa.data-dir", "./var"));
		ownerOnly(dataDir);
		String configured = environment.getProperty("spring.datasource.password", "");
		if (!configured.isEmpty()) {
			return;
		}
		String password = password(dataDir.resolve(PASSWORD_FILE));
		environment.getPropertySources()
			.addFirst(new MapPropertySource("loa-embedded-database", Map.of("spring.datasource.password", password)));
		adoptPassword(url, environment.getProperty("spring.datasource.username", "sa"), password);
	}

	/**
	 * Makes the directory its owner's alone, creating it if needed; what is already in
	 * it, too (an older version left files readable by all).
	 */
	static void ownerOnly(Path directory) {
		if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return;
		}
		try {
			Files.createDirectories(directory);
			Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
			try (Stream<Path> paths = Files.walk(directory)) {
				for (Path path : paths.toList()) {
					if (Files.isSymbolicLink(path)) {
						continue;
					}
					Files.setPosixFilePermissions(path, Files.isDirectory(path) ? OWNER_DIRECTORY : OWNER_FILE);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot make the data directory " + directory + " private", ex);
		}
	}

	/**
	 * Makes a file readable and writable by its owner only, where the file system can.
	 */
	static void ownerOnlyFile(Path file) throws IOException {
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, OWNER_FILE);
		}
	}

	/** The generated password, created (readable by its owner only) on first use. */
	static String password(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.UTF_8).strip();
			}
			byte[] random = new byte[24];
			new SecureRandom().nextBytes(random);
			String password = HexFormat.of().formatHex(random);
			Path temporary = Files.createTempFile(file.getParent(), ".db-password", ".tmp");
			Files.writeString(temporary, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.SYNC);
			Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			return password;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the database password " + file, ex);
		}
	}

	/**
	 * A database made before Loa generated passwords has the empty one: it is given the
	 * generated password once. Nothing happens when the database does not exist yet (H2
	 * creates it with the password it is opened with) or already has it.
	 */
	static void adoptPassword(String url, String user, String password) {
		String path = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
		if (!Files.exists(Path.of(path + ".mv.db"))) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			return;
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() != WRONG_PASSWORD) {
				// Anything else (a damaged file, say) is reported when the application
				// opens it.
				return;
			}
		}
		try (Connection connection = DriverManager.getConnection(url, user, "")) {
			connection.createStatement()
				.execute("ALTER USER \"" + user.toUpperCase(java.util.Locale.ROOT) + "\" SET PASSWORD '" + password
						+ "'");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The database " + path + " refuses both the generated password in "
					+ PASSWORD_FILE + " and the empty one: set spring.datasource.password", ex);
		}
	}

}
