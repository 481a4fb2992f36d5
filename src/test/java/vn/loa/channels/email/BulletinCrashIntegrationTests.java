package vn.loa.channels.email;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.loa.database.LoaProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bulletin to 300 readers over a real SMTP conversation (GreenMail), with the real Loa
 * killed ({@code kill -9}) twice while it sends: every reader gets the bulletin, and each
 * kill costs at most one duplicate (the message in flight on the one connection it is
 * given; with {@code loa.email.connections} of them, one per connection), because each
 * message is recorded as soon as the server accepts it and a dead sender's lease runs out
 * after {@code loa.email.lease}.
 */
class BulletinCrashIntegrationTests {

	private static final int READERS = 300;

	@TempDir
	Path root;

	GreenMail smtp;

	@BeforeEach
	void startSmtp() {
		this.smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		this.smtp.start();
	}

	@AfterEach
	void stopSmtp() {
		this.smtp.stop();
	}

	@Test
	void killedTwiceWhileSendingLosesNoReaderAndDuplicatesAtMostOneMessagePerKill() throws Exception {
		Path data = this.root.resolve("var");
		String[] mail = { "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + this.smtp.getSmtp().getPort(),
				"--loa.email.lease=3s", "--loa.email.batch-size=50", "--loa.email.connections=1" };
		int kills = 0;
		try (LoaProcess loa = LoaProcess.start(data, mail)) {
			for (int i = 0; i < READERS; i++) {
				assertThat(loa
					.post("/api/subscribers",
							Map.of("email", "ban-doc-" + i + "@example.vn", "name", "Bạn đọc " + i, "status",
									"confirmed"))
					.statusCode()).isEqualTo(201);
			}
			String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
				.format(Instant.now().minusSeconds(60).atZone(ZoneId.of("Asia/Ho_Chi_Minh")));
			assertThat(loa
				.post("/api/content",
						Map.of("id", "ban-tin", "title", "Bản tin Quốc khánh", "body", "Nội dung **bản tin**.",
								"outlets", List.of("email"), "when", when))
				.statusCode()).isEqualTo(201);
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(5))
				.until(() -> this.smtp.getReceivedMessages().length >= 100);
			loa.kill();
			kills++;
		}
		try (LoaProcess loa = LoaProcess.start(data, mail)) {
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(5))
				.until(() -> this.smtp.getReceivedMessages().length >= 200);
			loa.kill();
			kills++;
		}
		try (LoaProcess loa = LoaProcess.start(data, mail)) {
			await().atMost(Duration.ofSeconds(90)).until(() -> sent(data) == READERS);
		}

		Map<String, Integer> perReader = new HashMap<>();
		for (MimeMessage message : this.smtp.getReceivedMessages()) {
			perReader.merge(((InternetAddress) message.getAllRecipients()[0]).getAddress(), 1, Integer::sum);
		}
		int duplicates = perReader.values().stream().mapToInt((n) -> n - 1).sum();
		assertThat(perReader).as("every reader got the bulletin").hasSize(READERS);
		assertThat(duplicates).as("duplicates after " + kills + " kills on one connection").isLessThanOrEqualTo(kills);
	}

	private static int sent(Path data) throws Exception {
		String password = java.nio.file.Files.readString(data.resolve("db-password")).strip();
		try (Connection connection = DriverManager.getConnection(
				"jdbc:h2:file:" + data.toAbsolutePath().resolve("loa") + ";AUTO_SERVER=TRUE", "sa", password);
				ResultSet rows = connection.createStatement()
					.executeQuery("SELECT COUNT(*) FROM bulletin_delivery WHERE status = 'SENT'")) {
			rows.next();
			return rows.getInt(1);
		}
	}

}
