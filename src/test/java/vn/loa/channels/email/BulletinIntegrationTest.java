package vn.loa.channels.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring configuration every bulletin and subscriber integration test shares, so
 * the context starts once: an in-memory H2 database, a GreenMail SMTP server on a free
 * port and a temporary data directory.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:bulletins;DB_CLOSE_DELAY=-1",
		"spring.mail.host=127.0.0.1", "spring.quartz.auto-startup=false", "loa.api.token=test-token",
		"loa.secret=test-secret", "loa.base-url=https://loa.example.vn" })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = BulletinIntegrationTest.MailServer.class)
@interface BulletinIntegrationTest {

	/** Starts GreenMail once per JVM and points {@code spring.mail.port} at it. */
	final class MailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		private static GreenMail greenMail;

		private static Path dataDir;

		static synchronized GreenMail greenMail() {
			if (greenMail == null) {
				greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
				greenMail.start();
				try {
					dataDir = Files.createTempDirectory("loa-bulletins");
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			return greenMail;
		}

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			int port = greenMail().getSmtp().getPort();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("greenmail",
						Map.of("spring.mail.port", port, "loa.data-dir", dataDir.toString())));
		}

	}

}
