package vn.loa.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A consistent copy of an embedded Loa while it runs, and its restoration into a fresh
 * data directory. The copy is one zip: H2's online backup of the database (taken through
 * the running server's loopback connection when one runs) and the data directory's own
 * files (the database password, the API token, the signing secret, the {@code .eml}
 * outbox). It holds secrets, so it is readable by its owner only.
 */
public final class Backups {

	/** The database file's name inside a data directory and inside a backup. */
	static final String DATABASE = "loa.mv.db";

	private Backups() {
	}

	/**
	 * Writes a backup of the Loa in {@code dataDir} to {@code target} (which must not
	 * exist); returns the entries written.
	 */
	public static List<String> backup(Path dataDir, Path target) {
		if (Files.exists(target)) {
			throw new IllegalArgumentException(target + " already exists: choose another name");
		}
		if (!Files.exists(dataDir.resolve(DATABASE))) {
			throw new IllegalArgumentException("no Loa database in " + dataDir + " (expected " + DATABASE + ")");
		}
		Path password = dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE);
		String secret = Files.exists(password) ? EmbeddedDatabase.password(password) : "";
		List<String> written = new ArrayList<>();
		try {
			Path directory = (target.toAbsolutePath().getParent() != null) ? target.toAbsolutePath().getParent()
					: Path.of(".");
			Path database = Files.createTempFile(directory, ".loa-database", ".zip");
			Path partial = Files.createTempFile(directory, ".loa-backup", ".zip");
			try {
				Files.delete(database);
				try (Connection connection = DriverManager.getConnection(url(dataDir), "sa", secret);
						Statement statement = connection.createStatement()) {
					// H2's own online backup: a consistent copy while others go on
					// writing.
					statement.execute("BACKUP TO '" + database.toAbsolutePath().toString().replace("'", "''") + "'");
				}
				try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial));
						ZipFile copy = new ZipFile(database.toFile())) {
					ZipEntry entry = copy.getEntry(DATABASE);
					if (entry == null) {
						throw new IllegalStateException("H2's backup holds no " + DATABASE);
					}
					add(zip, DATABASE, copy.getInputStream(entry));
					written.add(DATABASE);
					for (Path file : dataFiles(dataDir)) {
						String name = dataDir.relativize(file).toString().replace('\\', '/');
						try (InputStream in = Files.newInputStream(file)) {
							add(zip, name, in);
						}
						written.add(name);
					}
				}
				EmbeddedDatabase.ownerOnlyFile(partial);
				Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(database);
				Files.deleteIfExists(partial);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the backup " + target, ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot back up the database in " + dataDir + ": " + ex.getMessage(), ex);
		}
		return written;
	}

	/**
	 * Restores a backup into {@code dataDir}, which must be empty or absent: a restore
	 * never overwrites a database. Returns the entries restored.
	 */
	public static List<String> restore(Path backup, Path dataDir) {
		try {
			if (Files.exists(dataDir)) {
				try (Stream<Path> present = Files.list(dataDir)) {
					if (present.findAny().isPresent()) {
						throw new FileAlreadyExistsException(dataDir.toString(), null,
								"is not empty: restore into a fresh data directory");
					}
				}
			}
			EmbeddedDatabase.ownerOnly(dataDir);
			List<String> restored = new ArrayList<>();
			Path root = dataDir.toAbsolutePath().normalize();
			try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
				for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
					Path file = root.resolve(entry.getName()).normalize();
					if (!file.startsWith(root) || entry.isDirectory()) {
						continue;
					}
					Files.createDirectories(file.getParent());
					Files.copy(zip, file);
					restored.add(entry.getName());
				}
			}
			if (!restored.contains(DATABASE)) {
				throw new IllegalArgumentException(backup + " is not a Loa backup: it holds no " + DATABASE);
			}
			EmbeddedDatabase.ownerOnly(dataDir);
			return restored;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot restore " + backup + " into " + dataDir + ": " + ex.getMessage(),
					ex);
		}
	}

	/** The URL the server uses by default, so a backup joins a running server. */
	static String url(Path dataDir) {
		return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("loa") + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE";
	}

	/** The data directory's own files: everything but H2's files. */
	private static List<Path> dataFiles(Path dataDir) throws IOException {
		try (Stream<Path> files = Files.walk(dataDir)) {
			return files.filter(Files::isRegularFile).filter((file) -> {
				String name = file.getFileName().toString();
				return !(dataDir.equals(file.getParent()) && name.startsWith("loa.")) && !name.startsWith(".");
			}).sorted().toList();
		}
	}

	private static void add(ZipOutputStream zip, String name, InputStream in) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		in.transferTo(zip);
		zip.closeEntry();
	}

}
