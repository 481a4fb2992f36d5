package vn.loa.channels.email;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import vn.loa.settings.LoaSettings;

/**
 * Chooses where bulletins go: the SMTP server of {@code spring.mail.*} when a host is
 * set, else {@code .eml} files in {@code <data-dir>/outbox}.
 */
@Configuration(proxyBeanMethods = false)
class EmailConfiguration {

	private static final Log logger = LogFactory.getLog(EmailConfiguration.class);

	static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

	static {
		// Jakarta Mail looks its stream provider up through ServiceLoader for every part
		// it
		// builds, encodes or writes: a scan of every jar, a third of a bulletin's cost in
		// a
		// burst. Naming Angus Mail's provider in the property the lookup reads first
		// skips
		// the scan. An operator's own setting is left alone.
		if (System.getProperty(STREAM_PROVIDER) == null
				&& ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, EmailConfiguration.class.getClassLoader())) {
			System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
		}
	}

	@Bean
	BulletinTransport bulletinTransport(ObjectProvider<MailProperties> mail, LoaSettings settings) {
		Path dataDir = settings.dataDir();
		MailProperties smtp = mail.getIfAvailable();
		if (smtp != null && StringUtils.hasText(smtp.getHost())) {
			Map<String, String> extra = new HashMap<>();
			if (smtp.getSsl().isEnabled()) {
				extra.put("mail." + smtp.getProtocol() + ".ssl.enable", "true");
			}
			extra.putAll(smtp.getProperties());
			return new SmtpBulletinTransport(smtp.getProtocol(), smtp.getHost(), smtp.getPort(), smtp.getUsername(),
					smtp.getPassword(), extra);
		}
		Path outbox = dataDir.resolve("outbox");
		logger.info("No spring.mail.host: bulletins are written to " + outbox.toAbsolutePath());
		return new EmlFileTransport(outbox);
	}

}
