package vn.loa.channels.email;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
	 * Sends a batch and hands each result to {@code each} as soon as it is known (the
	 * server accepted or refused that message), so the caller can record it before the
	 * next one goes: a crash then re-sends at most the message in flight. An exception
	 * {@code each} throws stops the batch there and reaches the caller.
	 */
	default List<SendResult> send(List<Outgoing> messages, Consumer<SendResult> each) {
		List<SendResult> results = new ArrayList<>(messages.size());
		for (Outgoing outgoing : messages) {
			List<SendResult> one = send(List.of(outgoing));
			one.forEach(each);
			results.addAll(one);
		}
		return results;
	}

	/**
	 * A composed message and the delivery it carries.
	 *
	 * @param deliveryId the delivery
	 * @param message the message, saved
	 */
	record Outgoing(long deliveryId, MimeMessage message) {

	}

}
