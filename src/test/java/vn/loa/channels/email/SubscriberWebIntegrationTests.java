package vn.loa.channels.email;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import vn.loa.organisations.NewOrganisation;
import vn.loa.organisations.Organisations;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditLog;
import vn.loa.subscribers.ConfirmationTokens;
import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;
import vn.loa.subscribers.UnsubscribeTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@BulletinIntegrationTest
class SubscriberWebIntegrationTests {

	private static final String BEARER = "Bearer test-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	Subscribers subscribers;

	@Autowired
	UnsubscribeTokens tokens;

	@Autowired
	AuditLog audit;

	@Autowired
	ConfirmationTokens confirmations;

	@Autowired
	Organisations organisations;

	@Test
	void aSubscriberForAnOrganisationThatDoesNotExistIsRefusedNamingIt() throws Exception {
		this.mvc
			.perform(post("/api/subscribers").header("Authorization", BEARER)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"email": "lac@example.vn", "organisation": "xa-khong-co"}
						"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("organisation"))
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("'xa-khong-co'")));
		assertThat(this.subscribers.list("xa-khong-co", null)).isEmpty();
	}

	@Test
	void addsASubscriberOnceWhateverTheCaseOfTheAddress() throws Exception {
		String organisation = organisation();
		this.mvc
			.perform(post("/api/subscribers").header("Authorization", BEARER)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"email": "Mai@Example.vn", "name": "Hoàng Thị Mai", "organisation": "%s"}
						""".formatted(organisation)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/subscribers/")))
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.name").value("Hoàng Thị Mai"));
		this.mvc
			.perform(post("/api/subscribers").header("Authorization", BEARER)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"email": "mai@example.VN", "name": "Mai", "organisation": "%s"}
						""".formatted(organisation)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.field").value("email"));
		assertThat(this.subscribers.list(organisation, null)).hasSize(1);
	}

	@Test
	void aPendingSubscriberAddedThroughTheApiIsSentTheConfirmationMailAndAConfirmedOneIsNot() throws Exception {
		String organisation = organisation();
		String domain = organisation + ".vn";
		this.mvc
			.perform(post("/api/subscribers").header("Authorization", BEARER)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"email": "cho@%s", "name": "Lê Văn Chờ", "organisation": "%s"}
						""".formatted(domain, organisation)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PENDING"));
		this.mvc
			.perform(post("/api/subscribers").header("Authorization", BEARER)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"email": "roi@%s", "status": "confirmed", "organisation": "%s"}
						""".formatted(domain, organisation)))
			.andExpect(status().isCreated());

		com.icegreen.greenmail.util.GreenMail mail = BulletinIntegrationTest.MailServer.greenMail();
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> mail.getReceivedMessagesForDomain(domain).length >= 1);
		Thread.sleep(1000);
		jakarta.mail.internet.MimeMessage[] received = mail.getReceivedMessagesForDomain(domain);
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0])
			.hasToString("=?UTF-8?Q?L=C3=AA_V=C4=83n_Ch=E1=BB=9D?= <cho@" + domain + ">");
		assertThat(received[0].getSubject()).startsWith("Xác nhận đăng ký nhận bản tin");
	}

	@Test
	void refusesALineBreakInANameNamingTheField() throws Exception {
		this.mvc
			.perform(post("/api/subscribers").header("Authorization", BEARER)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"email": "tuan@example.vn", "name": "Tuấn\\r\\nBcc: evil@x"}
						"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("name"))
			.andExpect(jsonPath("$.message").value(containsString("line breaks")));
	}

	@Test
	void needsTheBearerTokenForTheApi() throws Exception {
		this.mvc.perform(get("/api/subscribers")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/deliveries").param("item", "x").header("Authorization", BEARER))
			.andExpect(status().isOk());
	}

	@Test
	void showsAButtonOnGetAndChangesNothing() throws Exception {
		Subscriber subscriber = confirmed();

		this.mvc.perform(get("/unsubscribe/" + this.tokens.issue(subscriber.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<button")))
			.andExpect(content().string(containsString(subscriber.email())));

		assertThat(this.subscribers.find(subscriber.id()).orElseThrow().status()).isEqualTo(SubscriberStatus.CONFIRMED);
	}

	@Test
	void unsubscribesOnAOneClickPostWithoutSessionOrCsrfToken() throws Exception {
		Subscriber subscriber = confirmed();

		this.mvc
			.perform(post("/unsubscribe/" + this.tokens.issue(subscriber.id()))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk());

		assertThat(this.subscribers.find(subscriber.id()).orElseThrow().status())
			.isEqualTo(SubscriberStatus.UNSUBSCRIBED);
		// The withdrawal of consent is on record, once however often the client posts.
		this.mvc
			.perform(post("/unsubscribe/" + this.tokens.issue(subscriber.id()))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk());
		String organisation = subscriber.organisation();
		// Newest first: the resident's withdrawal, once, after the subscriber was added.
		assertThat(this.audit.latest("subscriber:" + subscriber.id(), 10))
			.extracting((entry) -> entry.actor() + " " + entry.action() + " " + entry.before() + " -> " + entry.after())
			.containsExactly("resident subscriber.unsubscribe " + organisation + ", confirmed -> " + organisation
					+ ", unsubscribed", "api subscriber.add null -> " + organisation + ", confirmed");
	}

	@Test
	void confirmationsRacingFromADoubleClickAreRecordedOnce() throws Exception {
		Subscriber pending = this.subscribers.add(organisation(), "kep-" + UUID.randomUUID() + "@example.vn", "Lý Kép",
				SubscriberStatus.PENDING, "api");
		String path = "/subscribe/confirm/" + this.confirmations.issue(pending.id());
		ExecutorService clicks = Executors.newFixedThreadPool(6);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				answers.add(clicks.submit(() -> this.mvc.perform(post(path)).andReturn().getResponse().getStatus()));
			}
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).isEqualTo(200);
			}
		}
		finally {
			clicks.shutdownNow();
		}
		assertThat(this.subscribers.find(pending.id()).orElseThrow().status()).isEqualTo(SubscriberStatus.CONFIRMED);
		// Newest first: one confirmation, after the subscriber was added.
		assertThat(this.audit.latest("subscriber:" + pending.id(), 10)).extracting(AuditEntry::action)
			.containsExactly("subscriber.confirm", "subscriber.add");
	}

	@Test
	void refusesATamperedToken() throws Exception {
		Subscriber subscriber = confirmed();
		Subscriber other = confirmed();
		String token = this.tokens.issue(subscriber.id());
		String forged = other.id() + token.substring(token.indexOf('.'));

		this.mvc.perform(get("/unsubscribe/" + forged)).andExpect(status().isBadRequest());
		this.mvc.perform(post("/unsubscribe/" + forged)).andExpect(status().isBadRequest());
		// Change one character well inside the signature (the last one may only carry
		// padding bits), always to a different one.
		int at = token.indexOf('.') + 5;
		char changed = (token.charAt(at) == 'A') ? 'B' : 'A';
		String altered = token.substring(0, at) + changed + token.substring(at + 1);
		this.mvc.perform(post("/unsubscribe/" + altered)).andExpect(status().isBadRequest());

		assertThat(this.subscribers.find(other.id()).orElseThrow().status()).isEqualTo(SubscriberStatus.CONFIRMED);
	}

	private Subscriber confirmed() {
		return this.subscribers.add(organisation(), "ha-" + UUID.randomUUID() + "@example.vn", "Ngô Hà",
				SubscriberStatus.CONFIRMED, "api");
	}

	/**
	 * A commune of its own for each test, so tests never see each other's subscribers.
	 */
	private String organisation() {
		String id = "web-" + UUID.randomUUID().toString().substring(0, 8);
		this.organisations.create(new NewOrganisation(id, "Xã thử " + id, "commune", null), "test");
		return id;
	}

}
