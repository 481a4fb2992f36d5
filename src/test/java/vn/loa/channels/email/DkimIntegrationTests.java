package vn.loa.channels.email;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.content.ContentCatalog;
import vn.loa.content.ContentFixtures;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.Outlet;
import vn.loa.organisations.NewOrganisation;
import vn.loa.organisations.Organisations;
import vn.loa.publishing.events.ContentPublished;
import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * With {@code loa.email.dkim.*} set, a bulletin arrives over a real SMTP conversation
 * signed, and an independent DKIM verifier (Apache James jDKIM, given the public key as
 * its DNS record) accepts the signatures; one changed word in the body breaks them. The
 * signature covers the one-click unsubscribe headers, as mailbox providers ask.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:dkim;DB_CLOSE_DELAY=-1", "spring.mail.host=127.0.0.1",
		"spring.quartz.auto-startup=false", "loa.api.token=test-token", "loa.secret=test-secret",
		"loa.base-url=https://loa.example.vn", "loa.email.dkim.domain=loa.example.vn",
		"loa.email.dkim.selector=loa2026" })
class DkimIntegrationTests {

	private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	private static final KeyPair KEYS = keys();

	@Autowired
	Organisations organisations;

	@Autowired
	Subscribers subscribers;

	@Autowired
	ContentCatalog contents;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		MAIL.start();
		Path dir = Files.createTempDirectory("loa-dkim");
		Path key = dir.resolve("dkim.pem");
		Files.writeString(key,
				"-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(KEYS.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
		registry.add("loa.email.dkim.private-key", key::toString);
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		registry.add("loa.data-dir", dir::toString);
	}

	@AfterAll
	static void stop() {
		MAIL.stop();
	}

	@Test
	void aBulletinArrivesSignedAndAnIndependentVerifierAcceptsItUntilTheBodyChanges() throws Exception {
		this.organisations.create(new NewOrganisation("xa-dkim", "Xã Ký Thư", "commune", null), "test");
		this.subscribers.add("xa-dkim", "lan@dkim.vn", "Nguyễn Thị Lan", SubscriberStatus.CONFIRMED, "api");
		ContentItem item = new ContentItem("dkim-bulletin", "xa-dkim", "Treo cờ mừng Quốc khánh", "",
				"Toàn dân treo cờ Tổ quốc từ ngày 01/9.\n\nLoa phát lúc 6 giờ sáng.", null,
				EnumSet.of(Outlet.EMAIL, Outlet.FEED), "api", Instant.now(), Map.of(), ContentStatus.PUBLISHED, "api",
				Instant.now());
		ContentFixtures.store(this.contents, item);
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new ContentPublished(item.id(),
				EnumSet.of(Outlet.EMAIL, Outlet.FEED), item.dueAt(), Instant.now(), false)));

		await().atMost(Duration.ofSeconds(20)).until(() -> MAIL.getReceivedMessagesForDomain("dkim.vn").length >= 1);
		byte[] raw = raw(MAIL.getReceivedMessagesForDomain("dkim.vn")[0]);
		String text = new String(raw, StandardCharsets.UTF_8);

		List<SignatureRecord> signatures = verifier().verify(new ByteArrayInputStream(raw));
		assertThat(signatures).hasSize(1);
		SignatureRecord signature = signatures.get(0);
		assertThat(signature.getDToken()).hasToString("loa.example.vn");
		assertThat(signature.getSelector()).hasToString("loa2026");
		assertThat(signature.getHeaders()).extracting(CharSequence::toString)
			.map(String::toLowerCase)
			.contains("from", "to", "subject", "date", "message-id", "list-id", "list-unsubscribe",
					"list-unsubscribe-post");
		// The web version and the blank line between paragraphs, in the signed mail.
		MimeMessage mail = MAIL.getReceivedMessagesForDomain("dkim.vn")[0];
		String plain = ((String) ((jakarta.mail.Multipart) mail.getContent()).getBodyPart(0).getContent())
			.replace("\r\n", "\n");
		assertThat(plain).contains("Xem bản tin này trên trang web: https://loa.example.vn/p/dkim-bulletin")
			.contains("từ ngày 01/9.\n\nLoa phát lúc 6 giờ sáng.");

		// One header the signature covers, changed in transit.
		byte[] changed = text.replaceFirst("Subject: ", "Subject: Re: ").getBytes(StandardCharsets.UTF_8);
		assertThat(changed).isNotEqualTo(raw);
		assertThatExceptionOfType(FailException.class)
			.isThrownBy(() -> verifier().verify(new ByteArrayInputStream(changed)));
	}

	private static DKIMVerifier verifier() {
		String record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
		return new DKIMVerifier((method, selector, domain) -> {
			assertThat(selector).hasToString("loa2026");
			assertThat(domain).hasToString("loa.example.vn");
			return List.of(record);
		});
	}

	private static byte[] raw(MimeMessage message) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			message.writeTo(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair keys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
