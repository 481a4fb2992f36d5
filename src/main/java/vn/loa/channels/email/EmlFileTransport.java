package vn.loa.channels.email;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;

/**
 * Without an SMTP server, writes each bulletin as a complete {@code .eml} file into the
 * outbox folder, named after its delivery. A file appears whole or not at all: it is
 * written under a temporary name and then moved.
 */
final class EmlFileTransport implements BulletinTransport {

	private final Session session = Session.getInstance(new Properties());

	private final Path directory;

	EmlFileTransport(Path directory) {
		this.directory = directory;
	}

	Path directory() {
		return this.directory;
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
	public List<SendResult> send(List<Outgoing> messages, java.util.function.Consumer<SendResult> each) {
		List<SendResult> results = new ArrayList<>(messages.size());
		for (Outgoing outgoing : messages) {
			SendResult result = write(outgoing);
			each.accept(result);
			results.add(result);
		}
		return results;
	}

	private SendResult write(Outgoing outgoing) {
		// Confirmation mails carry their own ids negated: they are not bulletin
		// deliveries.
		String name = (outgoing.deliveryId() < 0) ? "confirmation-" + -outgoing.deliveryId()
				: "bulletin-" + outgoing.deliveryId();
		Path target = this.directory.resolve(name + ".eml");
		try {
			Files.createDirectories(this.directory);
			Path temp = Files.createTempFile(this.directory, "." + name + "-", ".tmp");
			try {
				// Buffered: a message writes itself line by line, one system call each
				// otherwise.
				try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 64 * 1024)) {
					outgoing.message().writeTo(out);
				}
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				Files.deleteIfExists(temp);
			}
			return SendResult.sent(outgoing.deliveryId(), "written to " + target.getFileName());
		}
		catch (IOException | MessagingException ex) {
			return SendResult.temporaryFailure(outgoing.deliveryId(), "cannot write " + target + ": " + ex);
		}
	}

}
