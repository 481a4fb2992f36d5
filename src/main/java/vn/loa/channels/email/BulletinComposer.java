package vn.loa.channels.email;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import vn.loa.content.ContentItem;
import vn.loa.content.Priority;
import vn.loa.settings.LoaSettings;
import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.UnsubscribeTokens;
import vn.loa.organisations.Organisation;
import vn.loa.organisations.Organisations;
import vn.loa.text.PlainText;

/**
 * Turns an item and a subscriber into a bulletin: {@code multipart/alternative} text and
 * HTML from the one {@code email/bulletin} template, the item's title as a UTF-8 subject,
 * a {@code Message-ID} stable per delivery and RFC 8058 one-click unsubscribe headers.
 * Nothing from an item or a subscriber reaches a header with a line break in it.
 */
@Component
class BulletinComposer {

	/** What an emergency bulletin's subject starts with. */
	static final String EMERGENCY_PREFIX = "KHẨN CẤP: ";

	static final String TEMPLATE = "email/bulletin";

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");

	private static final Pattern NOT_ATEXT = Pattern.compile("[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+");

	private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n(\\s*\\n)+");

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final ITemplateEngine templates;

	private final UnsubscribeTokens tokens;

	private final InternetAddress from;

	private final String unsubscribeMailto;

	private final String baseUrl;

	private final String messageIdDomain;

	private final Clock clock;

	/** The last few items' rendered bodies, by id and version. */
	private final Map<String, Rendered> renderedBodies = new LinkedHashMap<>(32, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Rendered> eldest) {
			return size() > 64;
		}
	};

	/**
	 * The last few items' parts, by item, version and list, with
	 * {@link #UNSUBSCRIBE_MARK} where each reader's link goes.
	 */
	private final Map<String, Shape> renderedParts = new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Shape> eldest) {
			return size() > 512;
		}
	};

	/**
	 * Stands for the reader's unsubscribe link in a rendered bulletin: no escaping
	 * changes it.
	 */
	private static final String UNSUBSCRIBE_MARK = "loa-unsubscribe-link-3f9c1e07b2d84a6b";

	private final Organisations organisations;

	private final EmailIdentities identities;

	private final DkimSigning dkim;

	BulletinComposer(ITemplateEngine templates, UnsubscribeTokens tokens, EmailProperties properties,
			LoaSettings settings, Clock clock, Organisations organisations, EmailIdentities identities,
			DkimSigning dkim) throws AddressException {
		this.dkim = dkim;
		this.organisations = organisations;
		this.identities = identities;
		this.templates = templates;
		this.tokens = tokens;
		this.from = sender(properties.from());
		this.unsubscribeMailto = headerSafe(properties.unsubscribeMailto());
		this.baseUrl = headerSafe(settings.baseUrl()).replaceAll("/+$", "");
		String host = URI.create(this.baseUrl).getHost();
		this.messageIdDomain = (host != null && !host.isBlank()) ? NOT_ATEXT.matcher(host).replaceAll("-")
				: "localhost";
		this.clock = clock;
	}

	/**
	 * A saved message carrying {@code item} to {@code subscriber} as delivery
	 * {@code deliveryId}.
	 */
	MimeMessage compose(Session session, long deliveryId, ContentItem item, Subscriber subscriber)
			throws MessagingException {
		String token = this.tokens.issue(subscriber.id());
		String unsubscribeUrl = this.baseUrl + "/unsubscribe/" + token;
		Shape shape = shapeFor(item, subscriber);

		MimeMessage message = new BulletinMessage(session, "<" + deliveryId + "."
				+ NOT_ATEXT.matcher(item.id()).replaceAll("-") + "@" + this.messageIdDomain + ">");
		message.setFrom(speakingAs(item.organisation()));
		InternetAddress replyTo = replyTo(item.organisation());
		if (replyTo != null) {
			message.setReplyTo(new InternetAddress[] { replyTo });
		}
		// Mail filters and readers group an organisation's bulletins by it.
		message.setHeader("List-Id", MimeUtility.fold(9, listId(item.organisation())));
		message.setRecipient(Message.RecipientType.TO, recipient(subscriber));
		if (item.priority() == Priority.EMERGENCY) {
			// An emergency bulletin says so before its title, and to mail readers that
			// sort by urgency (RFC 2156 Priority, and the Importance most readers show).
			message.setSubject(headerSafe(EMERGENCY_PREFIX + item.title()), StandardCharsets.UTF_8.name());
			message.setHeader("Priority", "urgent");
			message.setHeader("Importance", "high");
		}
		else {
			message.setSubject(headerSafe(item.title()), StandardCharsets.UTF_8.name());
		}
		// In Loa's zone, not the server's: what a reader in Vietnam expects to see.
		message.setHeader("Date", ZonedDateTime.now(this.clock).format(DateTimeFormatter.RFC_1123_DATE_TIME));
		message.setHeader("List-Unsubscribe", MimeUtility.fold(18, listUnsubscribe(unsubscribeUrl, token)));
		message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		message.setHeader("Auto-Submitted", "auto-generated");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(shape.text().forReader(unsubscribeUrl));
		alternative.addBodyPart(shape.html().forReader(HtmlUtils.htmlEscape(unsubscribeUrl, "UTF-8")));
		message.setContent(alternative);
		message.saveChanges();
		return this.dkim.sign(message);
	}

	/**
	 * A message whose {@code Message-ID} is {@code <local@domain>} on the domain of
	 * {@code loa.base-url}, kept when the message is saved.
	 */
	MimeMessage withMessageId(Session session, String local) {
		return new BulletinMessage(session,
				"<" + NOT_ATEXT.matcher(local).replaceAll("-") + "@" + this.messageIdDomain + ">");
	}

	/** The message signed when DKIM is set up. */
	MimeMessage signed(MimeMessage message) throws MessagingException {
		return this.dkim.sign(message);
	}

	/**
	 * The parts of {@code item}'s bulletin to {@code subscriber}'s list: rendered and
	 * encoded once for each list an item goes to (the template's only other per-reader
	 * value is the unsubscribe link, put in per reader); a bulletin to twenty thousand
	 * readers of one commune renders and encodes the template once, not forty thousand
	 * times.
	 */
	private Shape shapeFor(ContentItem item, Subscriber subscriber) {
		String key = item.id() + "@" + item.updatedAt() + "@" + subscriber.organisation();
		Shape shape;
		synchronized (this.renderedParts) {
			shape = this.renderedParts.get(key);
		}
		if (shape == null) {
			Parts parts = render(item.title(), item.summary(), rendered(item), subscriber.organisation(), "",
					UNSUBSCRIBE_MARK, item.organisation(), webVersion(item));
			shape = new Shape(EncodedPart.of(parts.html(), "html", UNSUBSCRIBE_MARK),
					EncodedPart.of(parts.text(), "plain", UNSUBSCRIBE_MARK));
			synchronized (this.renderedParts) {
				this.renderedParts.put(key, shape);
			}
		}
		return shape;
	}

	/** A list's bulletin of an item, encoded, waiting for each reader's link. */
	private record Shape(EncodedPart html, EncodedPart text) {

	}

	/**
	 * The HTML and text parts of a bulletin, from the one template: what a subscriber
	 * receives, and what the desk previews.
	 */
	Parts parts(String title, String summary, Rendered body, @Nullable Subscriber subscriber, String unsubscribeUrl,
			String owner) {
		return render(title, summary, body, (subscriber != null) ? subscriber.organisation() : null,
				(subscriber != null) ? subscriber.name() : "", unsubscribeUrl, owner, "");
	}

	/**
	 * Where a reader finds the bulletin on the web: the item's public page when the item
	 * also goes to the feed (and so has one), else nothing.
	 */
	String webVersion(ContentItem item) {
		return item.outlets().contains(vn.loa.content.Outlet.FEED) ? LoaSettings.pageUrl(this.baseUrl, item.id()) : "";
	}

	/**
	 * The template for a reader of {@code listOrganisation}'s list ({@code null}: the
	 * owner's, as a preview shows it) called {@code name}.
	 */
	private Parts render(String title, String summary, Rendered body, @Nullable String listOrganisation, String name,
			String unsubscribeUrl, String owner, String webUrl) {
		Context context = new Context(VIETNAMESE);
		// Who speaks, and whose list the reader is on: a province's item reaches a
		// commune's subscribers.
		context.setVariable("from", Organisations.DEFAULT.equals(owner) ? "" : PlainText.lineForOutput(name(owner)));
		context.setVariable("list", listOf((listOrganisation != null) ? listOrganisation : owner));
		// The text rules again: a row stored by an older version may hold a control.
		context.setVariable("title", PlainText.lineForOutput(title));
		context.setVariable("summary", (summary != null) ? PlainText.forOutput(summary).strip() : "");
		context.setVariable("bodyHtml", body.html());
		context.setVariable("bodyText", body.text());
		context.setVariable("name", PlainText.lineForOutput(name));
		context.setVariable("organisation", (listOrganisation != null) ? listOrganisation : "");
		context.setVariable("unsubscribeUrl", unsubscribeUrl);
		context.setVariable("webUrl", webUrl);
		context.setVariable("part", "html");
		String html = this.templates.process(TEMPLATE, context);
		context.setVariable("part", "text");
		String text = BLANK_LINES.matcher(this.templates.process(TEMPLATE, Set.of("text"), context).strip())
			.replaceAll("\n\n") + "\n";
		return new Parts(html, text);
	}

	/**
	 * Whose list a reader is on, as the mails say it: " của Xã Bằng Thành"; nothing for
	 * the default organisation, whose single-organisation Loa keeps the plain wording.
	 */
	String listOf(String organisation) {
		return Organisations.DEFAULT.equals(organisation) ? "" : " của " + PlainText.lineForOutput(name(organisation));
	}

	/** An organisation's name, or its id when it has gone. */
	String name(String organisation) {
		return this.organisations.find(organisation).map(Organisation::name).orElse(organisation);
	}

	/**
	 * Who an organisation's mail comes from: the From it set, else the configured sender
	 * under its name (the default organisation keeps the configured name).
	 */
	InternetAddress speakingAs(String organisation) {
		java.util.Optional<EmailIdentities.Identity> own = this.identities.of(organisation);
		if (own.isPresent()) {
			return own.get().fromAddress();
		}
		if (Organisations.DEFAULT.equals(organisation)) {
			return this.from;
		}
		try {
			return new InternetAddress(this.from.getAddress(), headerSafe(name(organisation)),
					StandardCharsets.UTF_8.name());
		}
		catch (java.io.UnsupportedEncodingException ex) {
			return this.from;
		}
	}

	/** Where an organisation's readers reply, when it set an address for that. */
	@Nullable InternetAddress replyTo(String organisation) {
		return this.identities.of(organisation).map(EmailIdentities.Identity::replyToAddress).orElse(null);
	}

	/** {@code "Tỉnh Thái Nguyên" <thai-nguyen.loa.example.vn>} (RFC 2919). */
	private String listId(String organisation) {
		String phrase = headerSafe(name(organisation)).replace("\\", "").replace("\"", "");
		try {
			phrase = MimeUtility.encodeWord(phrase, StandardCharsets.UTF_8.name(), "Q");
		}
		catch (java.io.UnsupportedEncodingException ex) {
			phrase = organisation;
		}
		return phrase + " <" + NOT_ATEXT.matcher(organisation).replaceAll("-") + "." + this.messageIdDomain + ">";
	}

	/** The unsubscribe address as a preview shows it: the real one needs a subscriber. */
	String sampleUnsubscribeUrl() {
		return this.baseUrl + "/unsubscribe/…";
	}

	/**
	 * The two parts of a bulletin.
	 *
	 * @param html the HTML part
	 * @param text the plain-text part
	 */
	record Parts(String html, String text) {

	}

	/**
	 * The item's body as sanitised HTML and plain text, rendered once for all its
	 * recipients rather than once each: Markdown and the sanitiser cost more than the
	 * rest of a message.
	 */
	private Rendered rendered(ContentItem item) {
		String key = item.id() + "@" + item.updatedAt();
		synchronized (this.renderedBodies) {
			Rendered cached = this.renderedBodies.get(key);
			if (cached != null) {
				return cached;
			}
		}
		Rendered body = new Rendered(item.bodyHtml(), item.bodyReaderText());
		synchronized (this.renderedBodies) {
			this.renderedBodies.put(key, body);
		}
		return body;
	}

	record Rendered(String html, String text) {

	}

	private String listUnsubscribe(String unsubscribeUrl, String token) {
		String header = "<" + unsubscribeUrl + ">";
		if (!this.unsubscribeMailto.isEmpty()) {
			header += ", <mailto:" + this.unsubscribeMailto + "?subject=unsubscribe%20" + token + ">";
		}
		return header;
	}

	private static InternetAddress recipient(Subscriber subscriber) throws MessagingException {
		String name = headerSafe(subscriber.name());
		try {
			return new InternetAddress(headerSafe(subscriber.email()), name.isEmpty() ? null : name,
					StandardCharsets.UTF_8.name());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One line of text, whatever it contained: line breaks and controls become spaces.
	 */
	static String headerSafe(String value) {
		return (value != null) ? CONTROL.matcher(PlainText.lineForOutput(value)).replaceAll(" ").strip() : "";
	}

	/**
	 * The configured sender ({@code Ban Tuyên giáo xã <bantuyengiao@example.vn>}) with
	 * its name encoded for a mail header (RFC 2047): written as it is, a Vietnamese name
	 * would go out as raw UTF-8 bytes, which strict servers refuse.
	 */
	static InternetAddress sender(String from) throws AddressException {
		InternetAddress parsed = new InternetAddress(headerSafe(from), true);
		String personal = parsed.getPersonal();
		try {
			return new InternetAddress(parsed.getAddress(),
					(personal != null && !personal.isBlank()) ? personal.strip() : null, StandardCharsets.UTF_8.name());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A message that keeps the {@code Message-ID} it was given when saved. */
	private static final class BulletinMessage extends MimeMessage {

		private final String messageId;

		BulletinMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
