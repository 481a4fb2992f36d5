package vn.loa.channels.email;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

import vn.loa.channels.email.BulletinTransport.Outgoing;
import vn.loa.channels.email.ConfirmationOutbox.Claimed;
import vn.loa.settings.LoaSettings;
import vn.loa.subscribers.ConfirmationTokens;
import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;
import vn.loa.text.PlainText;

/**
 * Sends the mails asking new subscribers to confirm their address, in Vietnamese, text
 * and HTML, over the transport bulletins use. They come from {@link ConfirmationOutbox}
 * and go out on the bulletin sender's thread, never on the request. The link is signed
 * when the mail is sent, so a mail that waited for a retry still carries a link valid for
 * {@link ConfirmationTokens#VALIDITY}.
 */
@Component
class ConfirmationMails {

	private static final Log logger = LogFactory.getLog(ConfirmationMails.class);

	static final String TEMPLATE = "email/confirmation";

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final ConfirmationOutbox outbox;

	private final Subscribers subscribers;

	private final ConfirmationTokens tokens;

	private final ITemplateEngine templates;

	private final String baseUrl;

	private final EmailProperties properties;

	private final Clock clock;

	private final BulletinComposer composer;

	ConfirmationMails(ConfirmationOutbox outbox, Subscribers subscribers, ConfirmationTokens tokens,
			ITemplateEngine templates, EmailProperties properties, LoaSettings settings, Clock clock,
			BulletinComposer composer) throws AddressException {
		this.composer = composer;
		this.outbox = outbox;
		this.subscribers = subscribers;
		this.tokens = tokens;
		this.templates = templates;
		this.baseUrl = BulletinComposer.headerSafe(settings.baseUrl()).replaceAll("/+$", "");
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Claims one batch of due confirmation mails and sends it over {@code transport}.
	 * @return how many mails the batch held
	 */
	int drainOnce(BulletinTransport transport) {
		String owner = "confirmations-" + UUID.randomUUID();
		List<Claimed> batch = this.outbox.claim(owner, this.properties.batchSize());
		if (!batch.isEmpty()) {
			deliver(owner, batch, transport);
		}
		return batch.size();
	}

	/**
	 * Composes and sends a claimed batch, then records what became of each mail. A
	 * subscriber who is no longer pending (confirmed through an earlier mail, or gone) is
	 * not written to. The transport sees each mail's id negated, which keeps them apart
	 * from bulletin deliveries (in the names of {@code .eml} files, say).
	 */
	void deliver(String owner, List<Claimed> batch, BulletinTransport transport) {
		Map<Long, Subscriber> recipients = this.subscribers
			.findAll(batch.stream().map(Claimed::subscriberId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Subscriber::id, Function.identity()));
		List<SendResult> results = new ArrayList<>(batch.size());
		List<Outgoing> outgoing = new ArrayList<>(batch.size());
		for (Claimed mail : batch) {
			Subscriber subscriber = recipients.get(mail.subscriberId());
			if (subscriber == null || subscriber.status() != SubscriberStatus.PENDING) {
				results.add(SendResult.cancelled(-mail.id(), "subscriber is no longer pending"));
				continue;
			}
			try {
				String link = this.baseUrl + "/subscribe/confirm/" + this.tokens.issue(subscriber.id());
				outgoing.add(new Outgoing(-mail.id(), compose(transport, subscriber, link)));
			}
			catch (MessagingException | RuntimeException ex) {
				results.add(SendResult.permanentFailure(-mail.id(), "cannot compose: " + ex.getMessage()));
			}
		}
		if (!results.isEmpty()) {
			this.outbox.record(owner, batch, results);
		}
		// Few mails a batch: the lease is renewed with each (a quiet time of zero).
		BatchLease lease = new BatchLease(owner, outgoing.size(), java.time.Duration.ZERO, System.nanoTime());
		try {
			transport.send(outgoing, (result) -> lease.recorded(this.outbox.record(owner, batch, List.of(result))));
		}
		catch (BatchLease.Lost ex) {
			logger.info(ex.getMessage() + "; leaving the rest to it");
		}
	}

	MimeMessage compose(BulletinTransport transport, Subscriber subscriber, String link) throws MessagingException {
		Context context = new Context(VIETNAMESE);
		context.setVariable("name", PlainText.lineForOutput(subscriber.name()));
		context.setVariable("link", link);
		// A resident signing up to a commune reads which one.
		String list = this.composer.listOf(subscriber.organisation());
		context.setVariable("list", list);
		context.setVariable("part", "html");
		String html = this.templates.process(TEMPLATE, context);
		context.setVariable("part", "text");
		String text = this.templates.process(TEMPLATE, Set.of("text"), context).strip() + "\n";
		// Its Message-ID on Loa's own domain, as the bulletins' are.
		MimeMessage message = this.composer.withMessageId(transport.session(),
				"confirm." + java.util.UUID.randomUUID());
		// Sent as the organisation the resident signed up to, as its bulletins are.
		message.setFrom(this.composer.speakingAs(subscriber.organisation()));
		InternetAddress replyTo = this.composer.replyTo(subscriber.organisation());
		if (replyTo != null) {
			message.setReplyTo(new InternetAddress[] { replyTo });
		}
		try {
			String name = BulletinComposer.headerSafe(subscriber.name());
			message.setRecipient(Message.RecipientType.TO,
					new InternetAddress(BulletinComposer.headerSafe(subscriber.email()), name.isEmpty() ? null : name,
							StandardCharsets.UTF_8.name()));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		message.setSubject(BulletinComposer.headerSafe("Xác nhận đăng ký nhận bản tin" + list),
				StandardCharsets.UTF_8.name());
		message.setHeader("Date", ZonedDateTime.now(this.clock).format(DateTimeFormatter.RFC_1123_DATE_TIME));
		message.setHeader("Auto-Submitted", "auto-generated");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(part(text, "plain"));
		alternative.addBodyPart(part(html, "html"));
		message.setContent(alternative);
		message.saveChanges();
		return this.composer.signed(message);
	}

	private static MimeBodyPart part(String content, String subtype) throws MessagingException {
		MimeBodyPart part = new MimeBodyPart();
		part.setText(content, StandardCharsets.UTF_8.name(), subtype);
		return part;
	}

}
