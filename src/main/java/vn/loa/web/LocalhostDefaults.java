package vn.loa.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.loa.channels.email.EmailIdentities;
import vn.loa.settings.LoaSettings;

/**
 * Whether Loa still runs on the defaults of a laptop: a {@code loa.base-url} on localhost
 * puts unreachable links into every feed and bulletin, and a sender on {@code @localhost}
 * is a domain no mailbox provider accepts mail from. Said at start-up and on the desk's
 * dashboard, until the deployment sets them.
 */
@Component
class LocalhostDefaults {

	private static final Log logger = LogFactory.getLog(LocalhostDefaults.class);

	private final String baseUrl;

	private final String from;

	LocalhostDefaults(LoaSettings settings, EmailIdentities identities) {
		this.baseUrl = settings.baseUrl();
		this.from = identities.defaultFrom();
	}

	/** The settings still on a localhost default: {@code base-url}, {@code from}. */
	List<String> problems() {
		return problems(this.baseUrl, this.from);
	}

	/**
	 * Which of a site address and a sender are on localhost or another address readers
	 * cannot reach: {@code base-url}, {@code from}.
	 */
	static List<String> problems(String baseUrl, String from) {
		List<String> problems = new ArrayList<>();
		String host = "";
		try {
			String parsed = URI.create(baseUrl.strip()).getHost();
			host = (parsed != null) ? parsed.toLowerCase(Locale.ROOT) : "";
		}
		catch (IllegalArgumentException ex) {
			// An address that does not parse is as unreachable as localhost.
		}
		if (host.isEmpty() || host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
				|| host.endsWith(".localhost")) {
			problems.add("base-url");
		}
		String address = from.replaceAll(".*<|>.*", "").strip().toLowerCase(Locale.ROOT);
		String domain = address.substring(address.indexOf('@') + 1);
		if (!address.contains("@") || domain.equals("localhost") || domain.endsWith(".localhost")
				|| !domain.contains(".")) {
			problems.add("from");
		}
		return problems;
	}

	String baseUrl() {
		return this.baseUrl;
	}

	String from() {
		return this.from;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warn() {
		List<String> problems = problems();
		if (problems.contains("base-url")) {
			logger.warn("loa.base-url is " + this.baseUrl + ": every link in the feeds and bulletins points there, "
					+ "which readers cannot reach; set it to the address residents use");
		}
		if (problems.contains("from")) {
			logger.warn("loa.email.from is " + this.from + ": mailbox providers refuse or bin mail from a domain "
					+ "that is not a real one; set it to an address on the organisation's domain");
		}
	}

}
