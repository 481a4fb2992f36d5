package vn.loa.channels.email;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
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
import vn.loa.subscribers.Subscriber;

/**
 * Sends the mail asking a new subscriber to confirm their address, in Vietnamese, text
 * and HTML, over the transport bulletins use. It goes out on its own thread, never on the
 * request: someone who gets nothing simply signs up again for a fresh link.
 */
@Component
public class ConfirmationMails {

	static final String TEMPLATE = "email/confirmation";

	private static final Log logger = LogFactory.getLog(ConfirmationMails.class);

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final ITemplateEngine templates;

	private final BulletinTransport transport;

	private final InternetAddress from;

	private final java.time.Clock clock;

	// Confirmation mails are not outbox deliveries: negative numbers keep them apart.
	private final AtomicLong sequence;

	private final ExecutorService sender = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "loa-confirmations");
		thread.setDaemon(true);
		return thread;
	});

	ConfirmationMails(ITemplateEngine templates, BulletinTransport transport, EmailProperties properties,
			java.time.Clock clock) throws AddressException {
		this.templates = templates;
		this.transport = transport;
		this.from = new InternetAddress(BulletinComposer.headerSafe(properties.from()), true);
		this.clock = clock;
		this.sequence = new AtomicLong(clock.millis());
	}

	/**
	 * Queues the confirmation mail.
	 * @param subscriber the pending subscriber
	 * @param link the absolute URL of their confirmation page
	 */
	public void send(Subscriber subscriber, String link) {
		this.sender.execute(() -> {
			try {
				Outgoing outgoing = new Outgoing(-this.sequence.incrementAndGet(), compose(subscriber, link));
				this.transport.send(List.of(outgoing)).forEach((result) -> {
					if (result.outcome() != SendResult.Outcome.SENT) {
						logger.warn(
								"Confirmation mail to subscriber " + subscriber.id() + " not sent: " + result.reply());
					}
				});
			}
			catch (MessagingException | RuntimeException ex) {
				logger.warn("Cannot send the confirmation mail to subscriber " + subscriber.id(), ex);
			}
		});
	}

	MimeMessage compose(Subscriber subscriber, String link) throws MessagingException {
		Context context = new Context(VIETNAMESE);
		context.setVariable("name", subscriber.name());
		context.setVariable("link", link);
		context.setVariable("part", "html");
		String html = this.templates.process(TEMPLATE, context);
		context.setVariable("part", "text");
		String text = this.templates.process(TEMPLATE, Set.of("text"), context).strip() + "\n";
		MimeMessage message = new MimeMessage(this.transport.session());
		message.setFrom(this.from);
		try {
			String name = BulletinComposer.headerSafe(subscriber.name());
			message.setRecipient(Message.RecipientType.TO,
					new InternetAddress(BulletinComposer.headerSafe(subscriber.email()), name.isEmpty() ? null : name,
							StandardCharsets.UTF_8.name()));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		message.setSubject("Xác nhận đăng ký nhận bản tin", StandardCharsets.UTF_8.name());
		message.setHeader("Date", ZonedDateTime.now(this.clock).format(DateTimeFormatter.RFC_1123_DATE_TIME));
		message.setHeader("Auto-Submitted", "auto-generated");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(part(text, "plain"));
		alternative.addBodyPart(part(html, "html"));
		message.setContent(alternative);
		message.saveChanges();
		return message;
	}

	private static MimeBodyPart part(String content, String subtype) throws MessagingException {
		MimeBodyPart part = new MimeBodyPart();
		part.setText(content, StandardCharsets.UTF_8.name(), subtype);
		return part;
	}

	@PreDestroy
	void stop() {
		this.sender.shutdown();
	}

}
