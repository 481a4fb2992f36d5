package vn.loa.channels.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Lets the benchmarks in {@code vn.loa.bench} use the package-private SMTP transport as
 * it is, rather than a copy of it. Test code only; production code is unchanged.
 */
public final class SmtpBenchmarkAccess {

	private final SmtpBulletinTransport transport;

	private SmtpBenchmarkAccess(String host, int port) {
		this.transport = new SmtpBulletinTransport("smtp", host, port, null, null, Map.of());
	}

	/**
	 * Loa's transport to an unauthenticated server, as {@code spring.mail.host} builds
	 * it.
	 */
	public static SmtpBenchmarkAccess loaTransport(String host, int port) {
		return new SmtpBenchmarkAccess(host, port);
	}

	/**
	 * The session Loa's transport sends with: its sockets come from
	 * {@link NoDelaySocketFactory}.
	 */
	public Session session() {
		return this.transport.session();
	}

	/**
	 * The same session without Loa's socket factory, so Angus Mail opens its default
	 * socket: what Loa did before TCP_NODELAY was set.
	 */
	public Session angusDefaultSession() {
		Properties properties = new Properties();
		properties.putAll(this.transport.session().getProperties());
		properties.remove("mail.smtp.socketFactory");
		properties.remove("mail.smtp.socketFactory.fallback");
		return Session.getInstance(properties);
	}

	/**
	 * Sends the messages over one connection through Loa's own
	 * {@code SmtpBulletinTransport.send}; returns how many the server accepted.
	 */
	public long send(List<MimeMessage> messages) {
		List<BulletinTransport.Outgoing> batch = new ArrayList<>(messages.size());
		for (int i = 0; i < messages.size(); i++) {
			batch.add(new BulletinTransport.Outgoing(i, messages.get(i)));
		}
		return this.transport.send(batch)
			.stream()
			.filter((result) -> result.outcome() == SendResult.Outcome.SENT)
			.count();
	}

}
