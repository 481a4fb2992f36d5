package vn.loa.channels.email;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.loa.LoaApplication;
import vn.loa.subscribers.Subscribers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Loa on one H2 file, stopped with a confirmation mail still queued and started again:
 * the mail goes out once. Then two nodes share the file and their senders race for a run
 * of sign-ups: each mail still goes out once.
 */
class ConfirmationMailRestartIntegrationTests {

	private static final int SIGN_UPS = 20;

	@TempDir
	Path dataDir;

	@Test
	void aQueuedMailIsSentOnceAfterARestartAndOnceWhenTwoNodesRace() throws Exception {
		GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		try {
			try (ConfigurableApplicationContext first = start(smtp)) {
				// The node goes down before its sender gets to the mail.
				first.getBean(BulletinSender.class).stop();
				first.getBean(Subscribers.class).signUp("cho.gui@example.vn", "Chờ Gửi");
				Thread.sleep(1000);
				assertThat(smtp.getReceivedMessages()).isEmpty();
				assertThat(statuses(first)).containsExactly("QUEUED");
			}
			try (ConfigurableApplicationContext second = start(smtp);
					ConfigurableApplicationContext third = start(smtp)) {
				await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length >= 1);
				assertThat(recipients(smtp)).containsExactly("cho.gui@example.vn");

				List<Subscribers> nodes = List.of(second.getBean(Subscribers.class), third.getBean(Subscribers.class));
				IntStream.range(0, SIGN_UPS)
					.parallel()
					.forEach((n) -> nodes.get(n % 2).signUp("xa" + n + "@example.vn", "Xã " + n));

				await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= SIGN_UPS + 1);
				// Give a second copy time to show up before counting.
				Thread.sleep(2000);
				Map<String, Long> perRecipient = recipients(smtp).stream()
					.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
				assertThat(perRecipient).hasSize(SIGN_UPS + 1).allSatisfy((to, times) -> assertThat(times).isOne());
				assertThat(statuses(second)).hasSize(SIGN_UPS + 1).containsOnly("SENT");
			}
		}
		finally {
			smtp.stop();
		}
	}

	private ConfigurableApplicationContext start(GreenMail smtp) {
		return new SpringApplicationBuilder(LoaApplication.class).run("--server.port=0",
				"--loa.data-dir=" + this.dataDir, "--loa.content-dir=" + this.dataDir.resolve("content"),
				"--spring.main.banner-mode=off", "--spring.quartz.auto-startup=false", "--loa.secret=restart-secret",
				"--loa.base-url=https://loa.example.vn", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtp.getSmtp().getPort(), "--loa.email.poll-interval=200ms");
	}

	private static List<String> statuses(ConfigurableApplicationContext node) {
		return node.getBean(JdbcTemplate.class)
			.queryForList("SELECT status FROM confirmation_mail ORDER BY id", String.class);
	}

	private static List<String> recipients(GreenMail smtp) {
		return Arrays.stream(smtp.getReceivedMessages()).map(ConfirmationMailRestartIntegrationTests::to).toList();
	}

	private static String to(MimeMessage message) {
		try {
			return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
