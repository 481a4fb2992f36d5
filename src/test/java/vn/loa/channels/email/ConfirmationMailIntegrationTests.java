package vn.loa.channels.email;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.channels.email.ConfirmationOutbox.Claimed;
import vn.loa.channels.email.ConfirmationOutbox.Mail;
import vn.loa.subscribers.ConfirmationTokens;
import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.Subscribers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The confirmation mail of a sign-up goes through the database outbox: queued with the
 * pending subscriber or not at all, sent once, retried after a temporary refusal, taken
 * over from a sender that died holding it.
 */
@BulletinIntegrationTest
class ConfirmationMailIntegrationTests {

	private static final Pattern LINK = Pattern
		.compile("https://loa\\.example\\.vn/subscribe/confirm/([0-9A-Za-z._-]+)");

	@Autowired
	Subscribers subscribers;

	@Autowired
	ConfirmationTokens tokens;

	@Autowired
	ConfirmationOutbox outbox;

	@Autowired
	ConfirmationMails mails;

	@Autowired
	BulletinSender sender;

	@Autowired
	BulletinTransport transport;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	GreenMail greenMail = BulletinIntegrationTest.MailServer.greenMail();

	String domain;

	@BeforeEach
	void newDomain() {
		this.domain = "xac-nhan-" + UUID.randomUUID().toString().substring(0, 8) + ".vn";
	}

	@Test
	void signingUpSendsExactlyOneConfirmationMailWithAWorkingLink() throws Exception {
		Subscriber pending = this.subscribers.signUp("lan@" + this.domain, "Nguyễn Thị Lan");

		MimeMessage mail = awaitMails(1).get(0);
		assertThat(((InternetAddress) mail.getAllRecipients()[0]).getAddress()).isEqualTo(pending.email());
		assertThat(mail.getSubject()).isEqualTo("Xác nhận đăng ký nhận bản tin");
		// On Loa's own domain, as the bulletins' are, not the machine's "localhost".
		assertThat(mail.getMessageID()).matches("<confirm\\.[0-9a-f-]{36}@loa\\.example\\.vn>");
		Matcher link = LINK.matcher((String) ((jakarta.mail.Multipart) mail.getContent()).getBodyPart(0).getContent());
		assertThat(link.find()).isTrue();
		assertThat(this.tokens.verify(link.group(1)).subscriberId()).contains(pending.id());
		await().untilAsserted(() -> assertThat(this.outbox.forSubscriber(pending.id())).singleElement()
			.satisfies((row) -> assertThat(row.status()).isEqualTo(DeliveryStatus.SENT))
			.satisfies((row) -> assertThat(row.attempts()).isEqualTo(1)));
		// Give a second copy time to show up before counting.
		Thread.sleep(1500);
		assertThat(mails()).hasSize(1);
	}

	@Test
	void aSignUpThatIsRolledBackQueuesNoMail() throws Exception {
		String address = "minh@" + this.domain;
		this.transactions.executeWithoutResult((status) -> {
			this.subscribers.signUp(address, "Trần Văn Minh");
			status.setRollbackOnly();
		});

		this.sender.wakeUp();
		Thread.sleep(1500);
		assertThat(mails()).isEmpty();
		assertThat(this.subscribers.list(null, null)).noneMatch((s) -> s.email().equals(address));
	}

	@Test
	void aMailRefusedForNowIsRetriedAndArrivesOnce() throws Exception {
		String owner = "test-" + UUID.randomUUID();
		// Queued and claimed in one transaction, so the context's own sender never sees
		// the mail unclaimed; the first attempt goes to a server that answers 451.
		List<Claimed> batch = this.transactions.execute((status) -> {
			this.subscribers.signUp("deferred@" + this.domain, "Tạm Hoãn");
			return this.outbox.claim(owner, 1000);
		});
		Subscriber deferred = this.subscribers.list(null, null)
			.stream()
			.filter((s) -> s.email().equals("deferred@" + this.domain))
			.findFirst()
			.orElseThrow();
		assertThat(batch).extracting(Claimed::subscriberId).containsExactly(deferred.id());
		Instant before = Instant.now();
		try (FlakySmtpServer server = new FlakySmtpServer()) {
			this.mails.deliver(owner, batch,
					new SmtpBulletinTransport("smtp", "127.0.0.1", server.port(), null, null, Map.of()));
			assertThat(server.accepted()).isZero();
		}
		Mail retrying = this.outbox.forSubscriber(deferred.id()).get(0);
		assertThat(retrying.status()).isEqualTo(DeliveryStatus.RETRYING);
		assertThat(retrying.lastReply()).startsWith("451");
		assertThat(retrying.attempts()).isEqualTo(1);
		assertThat(retrying.nextAttemptAt()).isAfter(before.plus(Duration.ofSeconds(50)));

		// The backoff runs out; the real server takes it.
		this.jdbc.update("UPDATE confirmation_mail SET next_attempt_at = ? WHERE id = ?", Timestamp.from(Instant.now()),
				retrying.id());
		this.sender.wakeUp();

		assertThat(awaitMails(1)).hasSize(1);
		await().untilAsserted(() -> assertThat(this.outbox.forSubscriber(deferred.id())).singleElement()
			.satisfies((row) -> assertThat(row.status()).isEqualTo(DeliveryStatus.SENT))
			.satisfies((row) -> assertThat(row.attempts()).isEqualTo(2)));
		Thread.sleep(1500);
		assertThat(mails()).hasSize(1);
	}

	@Test
	void aMailClaimedByASenderThatDiedIsSentOnceItsLeaseEnds() throws Exception {
		String owner = "dead-node-" + UUID.randomUUID();
		List<Claimed> batch = this.transactions.execute((status) -> {
			this.subscribers.signUp("thu@" + this.domain, "Đỗ Thu");
			return this.outbox.claim(owner, 1000);
		});
		assertThat(batch).hasSize(1);
		// Held by its lease, no other sender takes it.
		assertThat(this.outbox.claim("another-" + UUID.randomUUID(), 1000)).isEmpty();
		this.sender.wakeUp();
		Thread.sleep(1500);
		assertThat(mails()).isEmpty();

		this.jdbc.update("UPDATE confirmation_mail SET lease_until = ? WHERE lease_owner = ?",
				Timestamp.from(Instant.now().minusSeconds(1)), owner);
		this.sender.wakeUp();

		assertThat(awaitMails(1)).hasSize(1);
		await().untilAsserted(() -> assertThat(this.outbox.forSubscriber(batch.get(0).subscriberId())).singleElement()
			.satisfies((row) -> assertThat(row.status()).isEqualTo(DeliveryStatus.SENT)));
	}

	@Test
	void aSubscriberWhoConfirmedMeanwhileIsNotWrittenTo() throws Exception {
		String owner = "test-" + UUID.randomUUID();
		List<Claimed> batch = this.transactions.execute((status) -> {
			this.subscribers.signUp("an@" + this.domain, "An");
			return this.outbox.claim(owner, 1000);
		});
		long id = batch.get(0).subscriberId();
		this.subscribers.confirm(id, "api");

		this.mails.deliver(owner, batch, this.transport);

		assertThat(this.outbox.forSubscriber(id)).singleElement()
			.satisfies((row) -> assertThat(row.status()).isEqualTo(DeliveryStatus.CANCELLED));
		assertThat(mails()).isEmpty();
	}

	private List<MimeMessage> mails() {
		return List.of(this.greenMail.getReceivedMessagesForDomain(this.domain));
	}

	private List<MimeMessage> awaitMails(int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> mails().size() >= count);
		return mails();
	}

}
