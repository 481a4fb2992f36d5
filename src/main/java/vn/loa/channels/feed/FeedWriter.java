package vn.loa.channels.feed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.jspecify.annotations.Nullable;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;

import org.springframework.web.util.HtmlUtils;

import vn.loa.settings.LoaSettings;
import vn.loa.text.PlainText;

/** Writes published items as RSS 2.0 or Atom 1.0 with Rome. */
class FeedWriter {

	static final String RSS = "application/rss+xml;charset=UTF-8";

	static final String ATOM = "application/atom+xml;charset=UTF-8";

	private static final int SUMMARY_LENGTH = 300;

	private final FeedProperties properties;

	private static final java.time.format.DateTimeFormatter CORRECTED = java.time.format.DateTimeFormatter
		.ofPattern("dd/MM/yyyy HH:mm");

	private final String baseUrl;

	private final java.time.ZoneId zone;

	FeedWriter(FeedProperties properties, String baseUrl, java.time.ZoneId zone) {
		this.properties = properties;
		this.zone = zone;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	byte[] rss(List<PublishedItem> items) {
		return rss(Channel.MAIN, items);
	}

	byte[] atom(List<PublishedItem> items) {
		return atom(Channel.MAIN, items);
	}

	byte[] rss(Channel channel, List<PublishedItem> items) {
		return write(channel, "rss_2.0", "feed.xml", "application/rss+xml", items);
	}

	byte[] atom(Channel channel, List<PublishedItem> items) {
		return write(channel, "atom_1.0", "feed.atom", "application/atom+xml", items);
	}

	/**
	 * Whose feeds these are.
	 *
	 * @param name the organisation's name, after the feed's title; {@code null} for the
	 * main feeds at the top of the site
	 * @param home the path of its home page, ending with {@code /}
	 */
	record Channel(@Nullable String name, String home) {

		static final Channel MAIN = new Channel(null, "/");

	}

	/** The absolute address of an item's public page; also its stable guid. */
	String pageUrl(String itemId) {
		return LoaSettings.pageUrl(this.baseUrl, itemId);
	}

	private byte[] write(Channel channel, String type, String file, String mediaType, List<PublishedItem> items) {
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType(type);
		feed.setEncoding("UTF-8");
		String title = (channel.name() != null) ? this.properties.title() + " — " + channel.name()
				: this.properties.title();
		feed.setTitle(PlainText.lineForOutput(title));
		feed.setDescription(PlainText.forOutput(this.properties.description()));
		feed.setLanguage("vi");
		String home = this.baseUrl + channel.home();
		feed.setLink(home);
		feed.setUri(home + file);
		feed.setLinks(List.of(link("alternate", home, "text/html"), link("self", home + file, mediaType)));
		if (type.startsWith("rss")) {
			// RSS has no link to itself: the feed validators ask for Atom's (RSS Advisory
			// Board's best practice), so that a copy of the feed says where it lives.
			org.jdom2.Element self = new org.jdom2.Element("link",
					org.jdom2.Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom"));
			self.setAttribute("href", home + file);
			self.setAttribute("rel", "self");
			self.setAttribute("type", mediaType);
			feed.setForeignMarkup(List.of(self));
		}
		if (!items.isEmpty()) {
			feed.setPublishedDate(Date.from(items.get(0).publishedAt()));
		}
		List<SyndEntry> entries = new ArrayList<>();
		for (PublishedItem published : items) {
			entries.add(entry(published));
		}
		feed.setEntries(entries);
		try {
			com.rometools.rome.feed.WireFeed wire = feed.createWireFeed();
			if (wire instanceof com.rometools.rome.feed.rss.Channel rss) {
				// RSS says when with pubDate; the Dublin Core date Rome adds beside
				// it says the same twice (the feed validators flag it).
				withoutDublinCoreDates(rss.getModules());
				rss.getItems().forEach((item) -> withoutDublinCoreDates(item.getModules()));
			}
			return new com.rometools.rome.io.WireFeedOutput().outputString(wire, true).getBytes(StandardCharsets.UTF_8);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Could not write the " + type + " feed", ex);
		}
	}

	private static void withoutDublinCoreDates(List<com.rometools.rome.feed.module.Module> modules) {
		for (com.rometools.rome.feed.module.Module module : modules) {
			if (module instanceof com.rometools.rome.feed.module.DCModule dc) {
				dc.setDates(new ArrayList<>());
			}
		}
	}

	private SyndEntry entry(PublishedItem published) {
		String url = pageUrl(published.item().id());
		SyndEntry entry = new SyndEntryImpl();
		// Each string passes the text rules again: a row stored by an older version may
		// hold
		// a character XML cannot carry, and one such row must not take the feed down.
		entry.setTitle(PlainText.lineForOutput(published.item().title()));
		entry.setAuthor(PlainText.lineForOutput(this.properties.title()));
		entry.setLink(url);
		entry.setUri(url);
		// Readers treat an RSS description as HTML, so even the plain summary goes out
		// escaped.
		String corrections = corrections(published);
		entry.setDescription(content(corrections + HtmlUtils.htmlEscape(summary(published), "UTF-8")));
		entry.setContents(List.of(content(corrections + published.item().bodyHtml())));
		entry.setPublishedDate(Date.from(published.publishedAt()));
		// A corrected item keeps its guid; its update is the correction's time.
		entry.setUpdatedDate(Date.from(published.updatedAt()));
		return entry;
	}

	/**
	 * The item's corrections, the latest first, as a note above its text: “Đính chính
	 * (07/12/2026 09:30): …”.
	 */
	private String corrections(PublishedItem published) {
		StringBuilder html = new StringBuilder();
		for (vn.loa.content.ContentCorrection correction : published.latestFirst()) {
			java.time.Instant at = (correction.decidedAt() != null) ? correction.decidedAt() : correction.proposedAt();
			html.append("<p><strong>Đính chính</strong> (")
				.append(CORRECTED.format(at.atZone(this.zone)))
				.append("): ")
				.append(HtmlUtils.htmlEscape(correction.note().replaceAll("\\s+", " "), "UTF-8"))
				.append("</p>\n");
		}
		return html.toString();
	}

	private static String summary(PublishedItem published) {
		String summary = PlainText.forOutput(published.item().summary());
		if (summary != null && !summary.isBlank()) {
			return summary.strip();
		}
		// The plain text carries no raw HTML, script text or unsafe address from the
		// body.
		String text = published.item().bodyText().replaceAll("\\s+", " ").strip();
		if (text.length() <= SUMMARY_LENGTH) {
			return text;
		}
		int cut = text.lastIndexOf(' ', SUMMARY_LENGTH);
		return text.substring(0, (cut > 0) ? cut : SUMMARY_LENGTH) + " …";
	}

	private static SyndContent content(String html) {
		SyndContent content = new SyndContentImpl();
		content.setType("text/html");
		content.setValue(PlainText.forOutput(html));
		return content;
	}

	private static SyndLink link(String rel, String href, String type) {
		SyndLink link = new SyndLinkImpl();
		link.setRel(rel);
		link.setHref(href);
		link.setType(type);
		return link;
	}

}
