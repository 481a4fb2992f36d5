package vn.loa.database;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.loa.cli.LoaCommand;
import vn.loa.LoaApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The embedded database of a real Loa process, as an operator meets it: what Loa
 * acknowledged is there after {@code kill -9}, its database server answers only on
 * loopback and only to the generated password, its files are its owner's, a damaged file
 * is named as such, and a backup taken while it runs restores into a fresh directory with
 * everything in it.
 */
class EmbeddedDatabaseIntegrationTests {

	@TempDir
	Path root;

	@Test
	void whatLoaAcknowledgedSurvivesKillRightAfterTheAnswerRoundAfterRound() throws Exception {
		Path data = this.root.resolve("var");
		int content = 0;
		int subscribers = 0;
		for (int round = 0; round < 3; round++) {
			try (LoaProcess loa = LoaProcess.start(data)) {
				for (int i = 0; i < 20; i++) {
					HttpResponse<String> created = loa.post("/api/content",
							Map.of("id", "vong-" + round + "-bai-" + i, "title", "Bài " + i + " của vòng " + round,
									"body", "Nội dung.", "outlets", List.of("feed"), "status", "draft"));
					assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
					content++;
				}
				HttpResponse<String> consent = loa.post("/api/subscribers", Map.of("email",
						"vong-" + round + "@example.vn", "name", "Người đọc " + round, "status", "confirmed"));
				assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
				subscribers++;
				// Right after the last answer: no chance to flush anything later.
				loa.kill();
			}
			try (Connection connection = connect(data)) {
				assertThat(count(connection, "SELECT COUNT(*) FROM content_item")).isEqualTo(content);
				assertThat(count(connection, "SELECT COUNT(*) FROM subscriber WHERE status = 'CONFIRMED'"))
					.isEqualTo(subscribers);
				assertThat(count(connection, "SELECT COUNT(*) FROM audit_entry WHERE action = 'content.create'"))
					.isEqualTo(content);
			}
		}
	}

	@Test
	void aFullDiskIsA503ThatSavesNothingAndTheHealthCheckSaysDown() throws Exception {
		Path data = this.root.resolve("day");
		try (LoaProcess loa = LoaProcess.start(data)) {
			loa.kill();
		}
		long limit = Files.size(data.resolve("loa.mv.db")) / 1024 + 3_000;
		String body = "Nội dung dài của một bài tuyên truyền. ".repeat(4_000);
		int acknowledged = 0;
		try (LoaProcess loa = LoaProcess.startLimited(data, limit)) {
			HttpResponse<String> last = null;
			for (int i = 0; i < 200; i++) {
				last = loa.post("/api/content", Map.of("id", "day-" + i, "title", "Bài " + i, "body", body, "outlets",
						List.of("feed"), "status", "draft"));
				if (last.statusCode() != 201) {
					break;
				}
				acknowledged++;
			}
			assertThat(acknowledged).as("some writes fit before the disk is full").isPositive();
			assertThat(last.statusCode()).as(last.body()).isEqualTo(503);
			assertThat(last.headers().firstValue("Retry-After")).contains("60");
			assertThat(last.body()).contains("nothing of this request was saved");
			HttpResponse<String> health = loa.get("/actuator/health");
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(health.body()).contains("\"DOWN\"").contains("storage");

			// Space comes back: Loa stores again without a restart.
			Process lift = new ProcessBuilder("prlimit", "--pid", Long.toString(loa.pid()), "--fsize=unlimited")
				.inheritIO()
				.start();
			assertThat(lift.waitFor()).isZero();
			HttpResponse<String> again = loa.post("/api/content", Map.of("id", "lai-duoc", "title", "Lưu lại được",
					"body", body, "outlets", List.of("feed"), "status", "draft"));
			assertThat(again.statusCode()).as(again.body() + loa.output()).isEqualTo(201);
			acknowledged++;
			loa.kill();
		}
		try (Connection connection = connect(data)) {
			assertThat(count(connection, "SELECT COUNT(*) FROM content_item")).isEqualTo(acknowledged);
		}
		try (LoaProcess loa = LoaProcess.start(data)) {
			assertThat(loa.get("/actuator/health").body()).contains("\"UP\"");
			assertThat(loa.get("/api/content/lai-duoc").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void theDatabaseServerListensOnLoopbackOnlyAndOnlyToTheGeneratedPassword() throws Exception {
		Path data = this.root.resolve("var");
		try (LoaProcess loa = LoaProcess.start(data)) {
			Properties lock = new Properties();
			lock.load(new StringReader(Files.readString(data.resolve("loa.lock.db"))));
			String server = lock.getProperty("server");
			assertThat(server).matches("(localhost|127\\.0\\.0\\.1):[0-9]+");
			int port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
			try (java.net.Socket loopback = new java.net.Socket("127.0.0.1", port)) {
				assertThat(loopback.isConnected()).isTrue();
			}
			for (java.net.InetAddress address : outsideAddresses()) {
				assertThatExceptionOfType(java.io.IOException.class).as(address.toString()).isThrownBy(() -> {
					try (java.net.Socket outside = new java.net.Socket()) {
						outside.connect(new java.net.InetSocketAddress(address, port), 2000);
					}
				});
			}
			assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
			for (String file : List.of("db-password", "loa.mv.db", "loa.lock.db", "secret")) {
				assertThat(Files.getPosixFilePermissions(data.resolve(file))).as(file)
					.isEqualTo(PosixFilePermissions.fromString("rw-------"));
			}
			assertThat(Files.readString(data.resolve("db-password")).strip()).matches("[0-9a-f]{48}");
			// Through the running server, as the command line reaches it.
			String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("loa") + ";AUTO_SERVER=TRUE";
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> DriverManager.getConnection(url, "sa", ""))
				.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(28000));
			try (Connection connection = DriverManager.getConnection(url, "sa",
					Files.readString(data.resolve("db-password")).strip())) {
				assertThat(count(connection, "SELECT COUNT(*) FROM content_item")).isZero();
			}
		}
	}

	@Test
	void aDatabaseMadeWithTheEmptyPasswordIsGivenTheGeneratedOneAndStillOpens() throws Exception {
		Path data = this.root.resolve("cu");
		Files.createDirectories(data);
		String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("loa");
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			connection.createStatement().execute("CREATE SCHEMA cu");
			connection.createStatement().execute("CREATE TABLE cu.giu_lai (id INT)");
			connection.createStatement().execute("INSERT INTO cu.giu_lai VALUES (7)");
		}
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));

		try (LoaProcess loa = LoaProcess.start(data)) {
			assertThat(Files.getPosixFilePermissions(data.resolve("loa.mv.db")))
				.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		}
		try (Connection connection = connect(data)) {
			assertThat(count(connection, "SELECT id FROM cu.giu_lai")).isEqualTo(7);
		}
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> DriverManager.getConnection(url, "sa", ""));
	}

	@Test
	void aDamagedDatabaseFileIsNamedFirstWithTheWayBack() throws Exception {
		Path data = this.root.resolve("hong");
		try (LoaProcess loa = LoaProcess.start(data)) {
			loa.kill();
		}
		byte[] damage = "hỏng".repeat(2000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		try (var file = java.nio.channels.FileChannel.open(data.resolve("loa.mv.db"),
				java.nio.file.StandardOpenOption.WRITE)) {
			file.write(java.nio.ByteBuffer.wrap(damage), 0);
		}

		LoaProcess loa = LoaProcess.launch(data);
		assertThat(loa.awaitExit(Duration.ofSeconds(90))).isNotZero();
		String output = loa.output();
		assertThat(output).contains("APPLICATION FAILED TO START").contains("database file damaged");
		assertThat(output.substring(output.indexOf("Description:"))).contains("restore").contains("README");
	}

	@Test
	void aBackupOfARunningLoaRestoresIntoAFreshDirectoryWithEverything() throws Exception {
		Path data = this.root.resolve("var");
		Path zip = this.root.resolve("sao-luu.zip");
		Path restored = this.root.resolve("phuc-hoi");
		Map<String, Integer> live;
		try (LoaProcess loa = LoaProcess.start(data)) {
			assertThat(loa
				.post("/api/subscribers",
						Map.of("email", "lan@example.vn", "name", "Nguyễn Thị Lan", "status", "confirmed"))
				.statusCode()).isEqualTo(201);
			String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
				.format(Instant.now().minusSeconds(60).atZone(ZoneId.of("Asia/Ho_Chi_Minh")));
			for (int i = 0; i < 3; i++) {
				assertThat(loa
					.post("/api/content", Map.of("id", "sao-luu-" + i, "title", "Bài sao lưu " + i, "body", "Nội dung.",
							"outlets", List.of("feed", "email"), "when", when))
					.statusCode()).isEqualTo(201);
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				try (Connection connection = DriverManager.getConnection(Backups.url(data), "sa", password(data))) {
					return count(connection, "SELECT COUNT(*) FROM bulletin_delivery WHERE status = 'SENT'") == 3;
				}
			});

			int exit = LoaCommand.execute(
					new String[] { "backup", "--data-dir", data.toString(), "--to", zip.toString() },
					LoaApplication.class);

			assertThat(exit).isZero();
			try (Connection connection = DriverManager.getConnection(Backups.url(data), "sa", password(data))) {
				live = counts(connection);
			}
		}
		assertThat(Files.getPosixFilePermissions(zip)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(LoaCommand.execute(new String[] { "restore", zip.toString(), "--data-dir", data.toString() },
				LoaApplication.class))
			.as("never over a database")
			.isEqualTo(1);

		assertThat(LoaCommand.execute(new String[] { "restore", zip.toString(), "--data-dir", restored.toString() },
				LoaApplication.class))
			.isZero();

		assertThat(live).containsEntry("content_item", 3).containsEntry("bulletin_delivery", 3);
		assertThat(live.get("audit_entry")).isGreaterThanOrEqualTo(4);
		try (Connection connection = connect(restored)) {
			assertThat(counts(connection)).isEqualTo(live);
		}
		assertThat(Files.readString(restored.resolve("secret"))).isEqualTo(Files.readString(data.resolve("secret")));
		try (var outbox = Files.list(restored.resolve("outbox"))) {
			assertThat(outbox.filter((f) -> f.toString().endsWith(".eml")).count()).isEqualTo(3);
		}
		try (LoaProcess loa = LoaProcess.start(restored)) {
			assertThat(loa.get("/api/content/sao-luu-2").body()).contains("Bài sao lưu 2");
		}
	}

	/**
	 * This machine's addresses other than loopback, where the database must not answer.
	 */
	private static List<java.net.InetAddress> outsideAddresses() throws Exception {
		return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
			.stream()
			.flatMap((network) -> java.util.Collections.list(network.getInetAddresses()).stream())
			.filter((address) -> !address.isLoopbackAddress() && address instanceof java.net.Inet4Address)
			.toList();
	}

	private static Map<String, Integer> counts(Connection connection) throws SQLException {
		Map<String, Integer> counts = new java.util.TreeMap<>();
		for (String table : List.of("content_item", "publication", "subscriber", "bulletin_delivery", "audit_entry",
				"feed_entry")) {
			counts.put(table, count(connection, "SELECT COUNT(*) FROM " + table));
		}
		return counts;
	}

	private static Connection connect(Path data) throws Exception {
		return DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("loa"), "sa",
				password(data));
	}

	private static String password(Path data) throws Exception {
		return Files.readString(data.resolve("db-password")).strip();
	}

	private static int count(Connection connection, String sql) throws SQLException {
		try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
			rows.next();
			return rows.getInt(1);
		}
	}

}
