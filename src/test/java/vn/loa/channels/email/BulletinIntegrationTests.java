package vn.loa.channels.email;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.channels.email.BulletinDeliveries.Claimed;
import vn.loa.content.ContentFixtures;
import vn.loa.organisations.NewOrganisation;
import vn.loa.organisations.Organisations;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentCatalog;
import vn.loa.content.Outlet;
import vn.loa.publishing.events.ContentPublished;
import vn.loa.settings.LoaSettings;
import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;
import vn.loa.subscribers.UnsubscribeTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

@BulletinIntegrationTest
class BulletinIntegrationTests {

	private static final Pattern UNSUBSCRIBE = Pattern
		.compile("<https://loa\\.example\\.vn/unsubscribe/([0-9]+\\.[A-Za-z0-9_-]+)>");

	@Autowired
	ContentCatalog contents;

	@Autowired
	Organisations organisations;

	@Autowired
	Subscribers subscribers;

	@Autowired
	UnsubscribeTokens tokens;

	@Autowired
	BulletinDeliveries deliveries;

	@Autowired
	BulletinSender sender;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	GreenMail greenMail = BulletinIntegrationTest.MailServer.greenMail();

	String organisation;

	String domain;

	@BeforeEach
	void newOrganisation() {
		this.organisation = "org-" + UUID.randomUUID().toString().substring(0, 8);
		this.organisations
			.create(new NewOrganisation(this.organisation, "Xã thử " + this.organisation, "commune", null), "test");
		this.domain = this.organisation + ".vn";
	}

	@Test
	void mailsEachConfirmedSubscriberOnceWithBothPartsAndOneClickUnsubscribe() throws Exception {
		Subscriber lan = subscriber("lan", "Nguyễn Thị Lan", SubscriberStatus.CONFIRMED);
		Subscriber minh = subscriber("minh", "Trần Văn Minh", SubscriberStatus.CONFIRMED);
		subscriber("pending", "Chờ Xác Nhận", SubscriberStatus.PENDING);
		this.subscribers.unsubscribe(subscriber("gone", "Đã Rời", SubscriberStatus.CONFIRMED).id(), "api");
		String title = "Kỷ niệm 80 năm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9/1945 – 02/9/2025)";
		ContentItem item = item(title, "Toàn dân **treo cờ Tổ quốc** từ ngày 01/9 đến hết ngày 02/9.");

		publish(item);

		List<MimeMessage> mails = awaitMails(2);
		assertThat(mails).flatExtracting((mail) -> Arrays.asList(mail.getRecipients(Message.RecipientType.TO)))
			.extracting((address) -> ((InternetAddress) address).getAddress())
			.containsExactlyInAnyOrder(lan.email(), minh.email());
		for (MimeMessage mail : mails) {
			assertThat(mail.getSubject()).isEqualTo(title);
			assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("loa@localhost");
			assertThat(mail.getMessageID()).matches("<[0-9]+\\." + item.id() + "@loa\\.example\\.vn>");
			assertThat(mail.getContentType()).startsWith("multipart/alternative");
			assertThat(part(mail, "text/plain")).contains("treo cờ Tổ quốc").doesNotContain("<strong>");
			assertThat(part(mail, "text/html")).contains("<strong>treo cờ Tổ quốc</strong>");
			assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
			Matcher unsubscribe = UNSUBSCRIBE.matcher(mail.getHeader("List-Unsubscribe", null));
			assertThat(unsubscribe.find()).isTrue();
			String to = ((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getAddress();
			long recipient = to.equals(lan.email()) ? lan.id() : minh.id();
			assertThat(this.tokens.verify(unsubscribe.group(1))).contains(recipient);
			// Each reader's own link, in both parts, though the template is rendered once
			// for the list they are both on.
			assertThat(part(mail, "text/html")).contains("https://loa.example.vn/unsubscribe/" + unsubscribe.group(1))
				.doesNotContain("loa-unsubscribe-link");
			assertThat(part(mail, "text/plain")).contains("https://loa.example.vn/unsubscribe/" + unsubscribe.group(1))
				.doesNotContain("loa-unsubscribe-link");
		}
		await().untilAsserted(() -> assertThat(this.deliveries.forItem(item.id())).extracting(Delivery::status)
			.containsOnly(DeliveryStatus.SENT)
			.hasSize(2));
	}

	@Test
	void mailsEachSubscriberOnceWhenThePublicationIsAnnouncedTwice() throws Exception {
		subscriber("hoa", "Lê Thị Hoa", SubscriberStatus.CONFIRMED);
		subscriber("nam", "Phạm Văn Nam", SubscriberStatus.CONFIRMED);
		ContentItem item = item("Ngày Thương binh – Liệt sĩ 27/7", "Tri ân các anh hùng liệt sĩ.");

		publish(item);
		publish(item);

		awaitMails(2);
		await().during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(mails()).hasSize(2));
		assertThat(this.deliveries.forItem(item.id())).hasSize(2);
	}

	@Test
	void keepsScriptOutOfTheHtmlAndLineBreaksOutOfTheHeaders() throws Exception {
		subscriber("an", "Võ An", SubscriberStatus.CONFIRMED);
		ContentItem item = item("Thông báo khẩn\r\nBcc: evil@x", """
				Xin chào <script>alert(1)</script>

				[bấm vào đây](javascript:alert(1))

				<img src="x" onerror="alert(1)">
				""");

		publish(item);

		MimeMessage mail = awaitMails(1).get(0);
		assertThat(mail.getSubject()).isEqualTo("Thông báo khẩn Bcc: evil@x");
		assertThat(mail.getHeader("Bcc")).isNull();
		assertThat(mail.getAllRecipients()).hasSize(1);
		assertThat(this.greenMail.getReceivedMessagesForDomain("x")).isEmpty();
		assertThat(part(mail, "text/html")).contains("Xin chào")
			.doesNotContainIgnoringCase("<script")
			.doesNotContainIgnoringCase("javascript:")
			.doesNotContainIgnoringCase("onerror");
	}

	@Test
	void failsARefusedRecipientForGoodRetriesADeferredOneAndSendsTheRestOverOneConnection() throws Exception {
		Subscriber ok = subscriber("ok", "Được", SubscriberStatus.CONFIRMED);
		Subscriber refused = subscriber("refused", "Bị Từ Chối", SubscriberStatus.CONFIRMED);
		Subscriber deferred = subscriber("deferred", "Tạm Hoãn", SubscriberStatus.CONFIRMED);
		Subscriber alsoOk = subscriber("also-ok", "Cũng Được", SubscriberStatus.CONFIRMED);
		ContentItem item = item("Phòng chống bão số 3", "Chằng chống nhà cửa.");
		try (FlakySmtpServer server = new FlakySmtpServer()) {
			Instant before = Instant.now();

			deliverBypassingTheBackgroundSender(item,
					new SmtpBulletinTransport("smtp", "127.0.0.1", server.port(), null, null, Map.of()));

			Map<Long, Delivery> bySubscriber = new java.util.HashMap<>();
			this.deliveries.forItem(item.id()).forEach((d) -> bySubscriber.put(d.subscriberId(), d));
			assertThat(bySubscriber.get(ok.id()).status()).isEqualTo(DeliveryStatus.SENT);
			assertThat(bySubscriber.get(ok.id()).sentAt()).isNotNull();
			assertThat(bySubscriber.get(alsoOk.id()).status()).isEqualTo(DeliveryStatus.SENT);
			assertThat(bySubscriber.get(refused.id()).status()).isEqualTo(DeliveryStatus.FAILED);
			assertThat(bySubscriber.get(refused.id()).lastReply()).startsWith("550");
			Delivery retrying = bySubscriber.get(deferred.id());
			assertThat(retrying.status()).isEqualTo(DeliveryStatus.RETRYING);
			assertThat(retrying.lastReply()).startsWith("451");
			assertThat(retrying.attempts()).isEqualTo(1);
			assertThat(retrying.nextAttemptAt()).isAfter(before.plus(Duration.ofSeconds(50)));
			assertThat(server.connections()).isEqualTo(1);
			assertThat(server.accepted()).isEqualTo(2);
		}
	}

	/**
	 * A sender paused past its lease (SIGSTOP, a long pause of its machine) wakes up to
	 * find that another node's sender claimed the rest of its batch: it must stop after
	 * the message it had in flight, not send the whole batch a second time.
	 */
	@Test
	void aSenderWhoseBatchWasTakenOverStopsAfterTheMessageInFlight() throws Exception {
		for (int n = 1; n <= 5; n++) {
			subscriber("doc-gia-" + n, "Độc giả " + n, SubscriberStatus.CONFIRMED);
		}
		ContentItem item = item("Lịch cắt điện tuần này", "Kính thưa bà con.");
		int before = mails().size();
		SmtpBulletinTransport smtp = new SmtpBulletinTransport("smtp", "127.0.0.1", this.greenMail.getSmtp().getPort(),
				null, null, Map.of());
		BulletinTransport pausedAfterTwo = new BulletinTransport() {

			@Override
			public Session session() {
				return smtp.session();
			}

			@Override
			public List<SendResult> send(List<Outgoing> messages) {
				return smtp.send(messages);
			}

			@Override
			public List<SendResult> send(List<Outgoing> messages, java.util.function.Consumer<SendResult> each) {
				int[] recorded = { 0 };
				return smtp.send(messages, (result) -> {
					each.accept(result);
					if (++recorded[0] == 2) {
						// Meanwhile another node claims the rows whose lease ran out.
						BulletinIntegrationTests.this.jdbc.update(
								"UPDATE bulletin_delivery "
										+ "SET lease_owner = 'another-node' WHERE item_id = ? AND status = 'SENDING'",
								item.id());
					}
				});
			}

		};

		// The pause outlasts any lease: the sender renews (and counts its rows) before
		// each record, as it does once a quarter of its lease has passed.
		deliverBypassingTheBackgroundSender(item, pausedAfterTwo, java.time.Duration.ZERO);

		assertThat(mails().size() - before).as("the two sent before the pause and the one in flight").isEqualTo(3);
		assertThat(this.deliveries.forItem(item.id())).extracting(Delivery::status)
			.containsExactlyInAnyOrder(DeliveryStatus.SENT, DeliveryStatus.SENT, DeliveryStatus.SENDING,
					DeliveryStatus.SENDING, DeliveryStatus.SENDING);
		assertThat(this.jdbc.queryForList(
				"SELECT lease_owner FROM bulletin_delivery WHERE item_id = ? " + "AND status = 'SENDING'", String.class,
				item.id()))
			.as("what the paused sender did not send is left to the sender who took it over")
			.containsOnly("another-node");
	}

	@Test
	void countsEachBulletinsDeliveriesByStatusNewestFirst() throws Exception {
		subscriber("ok", "Được", SubscriberStatus.CONFIRMED);
		subscriber("also-ok", "Cũng Được", SubscriberStatus.CONFIRMED);
		Subscriber refused = subscriber("refused", "Bị Từ Chối", SubscriberStatus.CONFIRMED);
		Subscriber deferred = subscriber("deferred", "Tạm Hoãn", SubscriberStatus.CONFIRMED);
		ContentItem older = item("item-older-" + this.organisation, "Phòng chống bão số 3", "Chằng chống nhà cửa.");
		ContentItem newer = item("item-newer-" + this.organisation, "Sau bão số 3", "Vệ sinh môi trường.");
		try (FlakySmtpServer server = new FlakySmtpServer()) {
			Instant before = Instant.now();
			deliverBypassingTheBackgroundSender(older,
					new SmtpBulletinTransport("smtp", "127.0.0.1", server.port(), null, null, Map.of()));
			Instant after = Instant.now();
			this.subscribers.unsubscribe(refused.id(), "api");
			this.subscribers.unsubscribe(deferred.id(), "api");
			deliverBypassingTheBackgroundSender(newer,
					new SmtpBulletinTransport("smtp", "127.0.0.1", server.port(), null, null, Map.of()));

			List<Bulletin> mine = this.deliveries.recent(0, 1000)
				.stream()
				.filter((b) -> b.itemId().endsWith(this.organisation))
				.toList();
			assertThat(mine).extracting(Bulletin::itemId).containsExactly(newer.id(), older.id());
			assertThat(mine.get(0))
				.extracting(Bulletin::sent, Bulletin::retrying, Bulletin::pending, Bulletin::failed,
						Bulletin::cancelled)
				.containsExactly(2, 0, 0, 0, 0);
			assertThat(mine.get(1))
				.extracting(Bulletin::sent, Bulletin::retrying, Bulletin::pending, Bulletin::failed,
						Bulletin::cancelled)
				.containsExactly(2, 1, 0, 1, 0);
			assertThat(mine.get(1).queuedAt()).isBetween(before, after);
			Delivery retrying = this.deliveries.forItem(older.id())
				.stream()
				.filter((d) -> d.subscriberId() == deferred.id())
				.findFirst()
				.orElseThrow();
			assertThat(retrying.lastAttemptAt()).isBetween(before, after);
		}
		int newest = this.deliveries.recent(0, 1000).stream().map(Bulletin::itemId).toList().indexOf(newer.id());
		assertThat(this.deliveries.recent(newest + 1, 1)).extracting(Bulletin::itemId).containsExactly(older.id());
		assertThatIllegalArgumentException().isThrownBy(() -> this.deliveries.recent(-1, 10))
			.withMessageContaining("offset");
	}

	@Test
	void writesCompleteEmlFilesIntoTheOutboxWithoutAnSmtpServer(@TempDir Path dataDir) throws Exception {
		Subscriber thu = subscriber("thu", "Đỗ Thu", SubscriberStatus.CONFIRMED);
		ContentItem item = item("Lịch tiêm chủng tháng 9", "Mang theo **sổ tiêm chủng**.");
		BulletinTransport withoutHost = new EmailConfiguration().bulletinTransport(
				new DefaultListableBeanFactory().getBeanProvider(MailProperties.class),
				new LoaSettings("https://loa.example.vn", dataDir, new LoaSettings.Scheduling(true)));

		deliverBypassingTheBackgroundSender(item, withoutHost);

		List<Path> files;
		try (Stream<Path> listing = Files.list(dataDir.resolve("outbox"))) {
			files = listing.toList();
		}
		assertThat(files).singleElement()
			.extracting((file) -> file.getFileName().toString())
			.asString()
			.endsWith(".eml");
		try (InputStream in = Files.newInputStream(files.get(0))) {
			MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), in);
			assertThat(mail.getSubject()).isEqualTo(item.title());
			assertThat(((InternetAddress) mail.getAllRecipients()[0]).getAddress()).isEqualTo(thu.email());
			assertThat(mail.getHeader("List-Unsubscribe", null)).contains("/unsubscribe/");
			assertThat(part(mail, "text/html")).contains("<strong>sổ tiêm chủng</strong>");
			assertThat(part(mail, "text/plain")).contains("sổ tiêm chủng");
		}
		assertThat(this.deliveries.forItem(item.id())).extracting(Delivery::status)
			.containsExactly(DeliveryStatus.SENT);
	}

	/**
	 * Queues and claims the item's deliveries in one transaction, so the context's own
	 * sender never sees them unclaimed, then delivers them over {@code transport}.
	 */
	private void deliverBypassingTheBackgroundSender(ContentItem item, BulletinTransport transport) {
		deliverBypassingTheBackgroundSender(item, transport, java.time.Duration.ofMinutes(1));
	}

	private void deliverBypassingTheBackgroundSender(ContentItem item, BulletinTransport transport,
			java.time.Duration lease) {
		String owner = "test-" + UUID.randomUUID();
		List<Claimed> batch = this.transactions.execute((status) -> {
			this.deliveries.enqueue(item.id(), List.of(item.organisation()));
			return this.deliveries.claim(owner, 1000);
		});
		assertThat(batch).extracting(Claimed::itemId).containsOnly(item.id());
		this.sender.deliver(owner, batch, transport, lease, System.nanoTime());
	}

	private Subscriber subscriber(String local, String name, SubscriberStatus status) {
		return this.subscribers.add(this.organisation, local + "@" + this.domain, name, status, "api");
	}

	private ContentItem item(String title, String body) {
		return item("item-" + this.organisation, title, body);
	}

	private ContentItem item(String id, String title, String body) {
		ContentItem item = new ContentItem(id, this.organisation, title, "", body, null,
				EnumSet.of(Outlet.EMAIL, Outlet.FEED), "api", Instant.now(), Map.of(), ContentStatus.PUBLISHED, "api",
				Instant.now());
		ContentFixtures.store(this.contents, item);
		return item;
	}

	private void publish(ContentItem item) {
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new ContentPublished(item.id(),
				EnumSet.of(Outlet.EMAIL, Outlet.FEED), item.dueAt(), Instant.now(), false)));
	}

	private List<MimeMessage> mails() {
		return List.of(this.greenMail.getReceivedMessagesForDomain(this.domain));
	}

	private List<MimeMessage> awaitMails(int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> mails().size() >= count);
		return mails();
	}

	private static String part(Part message, String type) throws Exception {
		List<String> found = new ArrayList<>();
		collect(message, type, found);
		assertThat(found).as(type + " part").hasSize(1);
		return found.get(0);
	}

	private static void collect(Part part, String type, List<String> found) throws Exception {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i), type, found);
			}
		}
		else if (part.isMimeType(type)) {
			assertThat(part.getContentType()).containsIgnoringCase("charset=UTF-8");
			found.add((String) part.getContent());
		}
	}

}
