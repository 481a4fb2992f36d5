package vn.loa.settings;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of {@code loa.*} that more than one module reads. Each module's own
 * settings ({@code loa.email.*}, {@code loa.feed.*}, …) stay with the module.
 *
 * @param baseUrl the address residents and editors reach Loa at, without a trailing
 * slash: links in mails, feeds and pages are built on it, and HSTS is sent when it is
 * https
 * @param dataDir the directory of the embedded database, generated secrets and the mail
 * outbox
 * @param scheduling periodic work
 */
@ConfigurationProperties("loa")
public record LoaSettings(@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("./var") Path dataDir,
		@DefaultValue Scheduling scheduling) {

	/**
	 * The absolute address of an item's public page on an installation at
	 * {@code baseUrl}: what the feeds give as its link and guid, and what a bulletin
	 * links to as its web version.
	 */
	public static String pageUrl(String baseUrl, String itemId) {
		return baseUrl.replaceAll("/+$", "") + "/p/" + org.springframework.web.util.UriUtils.encodePathSegment(itemId,
				java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * Periodic work.
	 *
	 * @param enabled whether this process publishes, sends mail and runs the daily
	 * clean-up; off for command-line runs that only read
	 */
	public record Scheduling(@DefaultValue("true") boolean enabled) {

	}

}
