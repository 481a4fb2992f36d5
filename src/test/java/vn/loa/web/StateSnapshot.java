package vn.loa.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Everything a request could change, summarised: each table of the database (row count
 * and a checksum of its rows) and each file under the data directory (a checksum of its
 * bytes). Two snapshots are equal when nothing changed in between.
 *
 * @param tables table name to {@code rows=N sha256=...}
 * @param files path relative to the data directory to its SHA-256
 */
record StateSnapshot(Map<String, String> tables, Map<String, String> files) {

	/**
	 * One query for all tables, so that a snapshot stays cheap enough to take around
	 * every request: per table, the row count and a SHA-256 over the sorted SHA-256 of
	 * each row (row order is not part of the state).
	 */
	private static String checksums(JdbcTemplate jdbc) {
		Map<String, List<String>> columns = new TreeMap<>();
		jdbc.query("SELECT C.TABLE_NAME, C.COLUMN_NAME, C.DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS C "
				+ "JOIN INFORMATION_SCHEMA.TABLES T ON T.TABLE_SCHEMA = C.TABLE_SCHEMA AND T.TABLE_NAME = C.TABLE_NAME "
				+ "WHERE C.TABLE_SCHEMA = 'PUBLIC' AND T.TABLE_TYPE = 'BASE TABLE' ORDER BY C.ORDINAL_POSITION",
				(row) -> {
					String column = "\"" + row.getString(2) + "\"";
					String text = row.getString(3).startsWith("BINARY") ? "RAWTOHEX(" + column + ")"
							: "CAST(" + column + " AS VARCHAR)";
					// 'v' before a value and 'n' for NULL: no value reads as NULL.
					columns.computeIfAbsent(row.getString(1), (table) -> new ArrayList<>())
						.add("COALESCE('v' || " + text + ", 'n')");
				});
		return columns.entrySet()
			.stream()
			.map((table) -> "SELECT '" + table.getKey() + "', COUNT(*), "
					+ "RAWTOHEX(HASH('SHA-256', COALESCE(LISTAGG(R, ',') WITHIN GROUP (ORDER BY R), ''))) "
					+ "FROM (SELECT RAWTOHEX(HASH('SHA-256', " + String.join(" || CHAR(1) || ", table.getValue())
					+ ")) R FROM \"" + table.getKey() + "\")")
			.collect(Collectors.joining(" UNION ALL "));
	}

	/** What differs from {@code later}, one line per table or file; empty if nothing. */
	List<String> changesTo(StateSnapshot later) {
		List<String> changes = new ArrayList<>();
		for (String table : new TreeSet<>(union(this.tables, later.tables))) {
			String before = this.tables.get(table);
			String after = later.tables.get(table);
			if (!Objects.equals(before, after)) {
				changes.add("table " + table + ": " + before + " -> " + after);
			}
		}
		for (String file : new TreeSet<>(union(this.files, later.files))) {
			String before = this.files.get(file);
			String after = later.files.get(file);
			if (!Objects.equals(before, after)) {
				changes.add("file " + file + ": "
						+ ((before == null) ? "created" : (after == null) ? "deleted" : "changed"));
			}
		}
		return changes;
	}

	private static List<String> union(Map<String, String> one, Map<String, String> other) {
		List<String> keys = new ArrayList<>(one.keySet());
		keys.addAll(other.keySet());
		return keys;
	}

	private static String sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Takes snapshots of one database and one directory; the tables are looked up once,
	 * as the schema does not change while the application runs.
	 */
	static final class Probe {

		private final JdbcTemplate jdbc;

		private final Path dir;

		private final String checksums;

		Probe(JdbcTemplate jdbc, Path dir) {
			this.jdbc = jdbc;
			this.dir = dir;
			this.checksums = checksums(jdbc);
		}

		/**
		 * Every base table of the {@code PUBLIC} schema and every file under the
		 * directory, but for the rendered radio audio: a cache a GET may fill (each file
		 * is derived from a script, and deleting them all loses nothing).
		 */
		StateSnapshot take() {
			Map<String, String> tables = new TreeMap<>();
			this.jdbc.query(this.checksums, (RowCallbackHandler) (row) -> tables.put(row.getString(1),
					"rows=" + row.getLong(2) + " sha256=" + row.getString(3)));
			Map<String, String> files = new TreeMap<>();
			try (Stream<Path> paths = Files.walk(this.dir)) {
				for (Path path : paths.filter(Files::isRegularFile)
					.filter((path) -> !this.dir.relativize(path).startsWith("radio-audio"))
					.toList()) {
					files.put(this.dir.relativize(path).toString(), sha256(Files.readAllBytes(path)));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new StateSnapshot(tables, files);
		}

	}

}
