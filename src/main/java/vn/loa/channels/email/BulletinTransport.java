package vn.loa.channels.email;

import java.util.List;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Carries composed bulletins somewhere: an SMTP server, or the outbox folder. */
interface BulletinTransport {

	/** The session messages for this transport are composed in. */
	Session session();

	/**
	 * Sends a batch and says what became of each message; never throws for a message that
	 * failed.
	 */
	List<SendResult> send(List<Outgoing> messages);

	/**
	 * A composed message and the delivery it carries.
	 *
	 * @param deliveryId the delivery
	 * @param message the message, saved
	 */
	record Outgoing(long deliveryId, MimeMessage message) {

	}

}
