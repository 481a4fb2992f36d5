package vn.loa.channels.email;

import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

import vn.loa.channels.email.smtp.PipeliningSmtpTransport;

/**
 * Sends a batch over one SMTP connection: connect once, {@code sendMessage} per bulletin
 * (pipelined where the server offers it: {@link PipeliningSmtpTransport}), close. A 5xx
 * reply fails that recipient for good and the batch goes on; a 4xx reply fails it for
 * now; a broken connection fails it and the rest of the batch for now.
 */
final class SmtpBulletinTransport implements BulletinTransport {

	private final Session session;

	private final String protocol;

	private final String host;

	private final int port;

	private final @Nullable String username;

	private final @Nullable String password;

	SmtpBulletinTransport(String protocol, String host, @Nullable Integer port, @Nullable String username,
			@Nullable String password, Map<String, String> extra) {
		this.protocol = (protocol != null && !protocol.isBlank()) ? protocol : "smtp";
		this.host = host;
		this.port = (port != null) ? port : -1;
		this.username = username;
		this.password = password;
		this.session = Session.getInstance(sessionProperties(this.protocol, username != null, extra));
	}

	static Properties sessionProperties(String protocol, boolean auth, Map<String, String> extra) {
		String prefix = "mail." + protocol;
		Properties properties = new Properties();
		properties.setProperty("mail.transport.protocol", protocol);
		properties.setProperty(prefix + ".connectiontimeout", "10000");
		properties.setProperty(prefix + ".timeout", "30000");
		if (auth) {
			properties.setProperty(prefix + ".auth", "true");
		}
		properties.putAll(extra);
		// An instance, not a class name: put, not setProperty.
		properties.put(prefix + ".socketFactory", new NoDelaySocketFactory());
		properties.setProperty(prefix + ".socketFactory.fallback", "false");
		return properties;
	}

	@Override
	public Session session() {
		return this.session;
	}

	@Override
	public List<SendResult> send(List<Outgoing> messages) {
		return send(messages, (result) -> {
		});
	}

	@Override
	public List<SendResult> send(List<Outgoing> messages, Consumer<SendResult> each) {
		List<SendResult> results = new ArrayList<>(messages.size());
		if (messages.isEmpty()) {
			return results;
		}
		try (Transport transport = transport()) {
			try {
				transport.connect(this.host, this.port, this.username, this.password);
			}
			catch (MessagingException ex) {
				String reply = "cannot connect to " + this.host + ": " + describe(ex);
				messages.forEach(
						(outgoing) -> add(results, each, SendResult.temporaryFailure(outgoing.deliveryId(), reply)));
				return results;
			}
			String broken = null;
			for (Outgoing outgoing : messages) {
				if (broken != null) {
					add(results, each, SendResult.temporaryFailure(outgoing.deliveryId(), "not tried: " + broken));
					continue;
				}
				try {
					transport.sendMessage(outgoing.message(), outgoing.message().getAllRecipients());
					add(results, each, SendResult.sent(outgoing.deliveryId(), lastReply(transport)));
				}
				catch (MessagingException ex) {
					int code = returnCode(ex);
					String reply = describe(ex);
					if (code >= 500) {
						add(results, each, SendResult.permanentFailure(outgoing.deliveryId(), reply));
					}
					else {
						add(results, each, SendResult.temporaryFailure(outgoing.deliveryId(), reply));
						// No reply code, or 421: the connection is gone.
						if (code <= 0 || code == 421) {
							broken = reply;
						}
					}
				}
			}
		}
		catch (MessagingException ex) {
			// Closing failed after the batch was handed over: the results stand.
		}
		return results;
	}

	/**
	 * Plain SMTP (with or without STARTTLS) pipelines where the server offers it; SMTP
	 * over TLS ({@code smtps}) is Angus Mail's transport as it is.
	 */
	private Transport transport() throws MessagingException {
		return "smtp".equals(this.protocol) ? this.session.getTransport(PipeliningSmtpTransport.PROVIDER)
				: this.session.getTransport(this.protocol);
	}

	/** Keeps a result and hands it on at once, before the next message goes. */
	private static void add(List<SendResult> results, Consumer<SendResult> each, SendResult result) {
		each.accept(result);
		results.add(result);
	}

	/**
	 * The SMTP reply code behind a failure, or 0 when there was none (I/O error). A
	 * recipient's own reply wins over the message's.
	 */
	static int returnCode(MessagingException ex) {
		int code = 0;
		for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			int found = smtpReturnCode(cause);
			if (found > 0 && cause.getClass().getSimpleName().equals("SMTPAddressFailedException")) {
				return found;
			}
			code = (code == 0 && found > 0) ? found : code;
		}
		return code;
	}

	// Angus Mail's SMTP exceptions are on the runtime class path only; their reply code
	// is
	// read through the getReturnCode() they all have.
	private static int smtpReturnCode(Throwable failure) {
		if (!failure.getClass().getName().startsWith("org.eclipse.angus.mail.smtp.")) {
			return 0;
		}
		try {
			Object code = failure.getClass().getMethod("getReturnCode").invoke(failure);
			return (code instanceof Integer value) ? value : 0;
		}
		catch (ReflectiveOperationException ex) {
			return 0;
		}
	}

	private static @Nullable String describe(MessagingException ex) {
		for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().equals("SMTPAddressFailedException")) {
				return cause.getMessage();
			}
		}
		return (ex.getCause() != null && ex.getCause() != ex) ? ex.getMessage() + " (" + ex.getCause() + ")"
				: ex.getMessage();
	}

	private static String lastReply(Transport transport) {
		try {
			Object reply = transport.getClass().getMethod("getLastServerResponse").invoke(transport);
			return (reply != null) ? reply.toString() : "sent";
		}
		catch (ReflectiveOperationException ex) {
			return "sent";
		}
	}

}
