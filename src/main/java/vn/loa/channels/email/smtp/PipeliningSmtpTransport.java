package vn.loa.channels.email.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;

/**
 * Angus Mail's SMTP transport with command pipelining (RFC 2920) when the server offers
 * it: {@code MAIL FROM}, {@code RCPT TO} and {@code DATA} go out one after the other and
 * their three replies are read together, so a message costs two waits for the server
 * instead of four. On a loopback relay those waits are most of a bulletin's time.
 * <p>
 * Everything else is Angus Mail's own: the commands it builds, connecting, STARTTLS,
 * authentication, the message written after {@code DATA}. Only the reading of replies
 * changes: the replies to {@code MAIL} and {@code RCPT} are taken as accepted for the
 * moment and checked, all of them, when the reply to the command after them is read (as
 * the RFC requires: every status of a group is checked). When one refused, the server has
 * refused {@code DATA} too (or, if it accepted it anyway, is handed an empty message to
 * end it), the transaction is reset with {@code RSET}, and the refusal is thrown as Angus
 * Mail would have thrown it: {@link SMTPAddressFailedException} for a recipient,
 * {@link SMTPSendFailedException} for the sender, with the server's code and words. A
 * server that does not announce {@code PIPELINING}, or {@code mail.smtp.pipelining=false}
 * in the session, gets the unpipelined conversation.
 */
public class PipeliningSmtpTransport extends SMTPTransport {

	/** How a session is told to use this transport for {@code smtp}. */
	public static final Provider PROVIDER = new Provider(Provider.Type.TRANSPORT, "smtp",
			PipeliningSmtpTransport.class.getName(), "Loa", null);

	/** Commands sent whose replies are not read yet. */
	private final List<String> unanswered = new ArrayList<>();

	private @Nullable String lastCommand;

	public PipeliningSmtpTransport(Session session, URLName url) {
		super(session, url, "smtp", false);
	}

	@Override
	protected void sendCommand(String command) throws MessagingException {
		super.sendCommand(command);
		this.lastCommand = command;
	}

	@Override
	protected int readServerResponse() throws MessagingException {
		String command = this.lastCommand;
		this.lastCommand = null;
		if (command != null && isPipelined(command) && pipelining()) {
			this.unanswered.add(command);
			return 250;
		}
		if (this.unanswered.isEmpty()) {
			return super.readServerResponse();
		}
		List<String> group = List.copyOf(this.unanswered);
		this.unanswered.clear();
		String refusedCommand = null;
		int refusedCode = 0;
		String refusedReply = null;
		for (String sent : group) {
			int code = super.readServerResponse();
			if (refusedCommand == null && (code < 200 || code >= 300)) {
				refusedCommand = sent;
				refusedCode = code;
				refusedReply = getLastServerResponse();
			}
		}
		int code = super.readServerResponse();
		if (refusedCommand == null) {
			return code;
		}
		try {
			if (code == 354) {
				// DATA accepted although the transaction had no sender or recipient: end
				// it with no message at once.
				super.sendCommand(".");
				super.readServerResponse();
			}
			super.sendCommand("RSET");
			super.readServerResponse();
		}
		catch (MessagingException ex) {
			// The connection is going; the refusal below is what the caller needs.
		}
		throw refusal(refusedCommand, refusedCode, String.valueOf(refusedReply));
	}

	private boolean pipelining() {
		return supportsExtension("PIPELINING")
				&& !"false".equalsIgnoreCase(this.session.getProperty("mail.smtp.pipelining"));
	}

	private static boolean isPipelined(String command) {
		String upper = command.toUpperCase(Locale.ROOT);
		return upper.startsWith("MAIL FROM:") || upper.startsWith("RCPT TO:");
	}

	private static MessagingException refusal(String command, int code, String reply) {
		if (command.toUpperCase(Locale.ROOT).startsWith("RCPT TO:")) {
			try {
				return new SMTPAddressFailedException(new InternetAddress(address(command)), command, code, reply);
			}
			catch (AddressException ex) {
				// Not an address Angus Mail would have sent; say what the server said.
			}
		}
		return new SMTPSendFailedException(command, code, reply, null, null, null, null);
	}

	/** The address between the angle brackets of a MAIL or RCPT command. */
	private static String address(String command) {
		int open = command.indexOf('<');
		int close = command.indexOf('>', open + 1);
		return (open >= 0 && close > open) ? command.substring(open + 1, close) : command;
	}

}
