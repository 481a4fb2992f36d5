package vn.loa.text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.field.MailboxListField;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.loa.publishing.Publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every class of code point through every text field and every outlet, each output read
 * back by a parser independent of the one that wrote it: the JDK's XML parser for the
 * feeds (Rome writes them), ical4j for iCalendar (biweekly writes it), Apache mime4j for
 * mail (Jakarta Mail writes it), jsoup and a strict UTF-8 decoder for pages. What a
 * person may not write is refused naming the field; what they may write arrives intact; a
 * row an older version stored with forbidden characters still goes out everywhere,
 * without them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:characters;DB_CLOSE_DELAY=-1",
				"loa.data-dir=target/test-data/characters", "loa.calendar-dir=target/test-data/characters/calendar",
				"loa.content-dir=target/test-data/characters/content", "loa.api.token=test-token",
				"loa.secret=test-secret", "loa.base-url=https://loa.example.vn", "spring.quartz.auto-startup=false",
				"spring.mail.host=127.0.0.1", "loa.feed.size=1000",
				"loa.email.from=Ban Tuyên giáo xã Tân Thành <bantuyengiao@example.vn>" })
class CharacterClassesIntegrationTests {

	private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		MAIL.start();
	}

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final String SENDER = "Ban Tuyên giáo xã Tân Thành";

	/** One of each class of code point, and whether text may hold it. */
	private static final List<Sample> SAMPLES = List.of(new Sample("NUL", "\u0000", false),
			new Sample("BEL", "\u0007", false), new Sample("backspace", "\b", false),
			new Sample("ESC", "\u001B", false), new Sample("unit separator", "\u001F", false),
			new Sample("DEL", "\u007F", false), new Sample("C1 CSI", "\u009B", false),
			new Sample("lone high surrogate", "\uD83D", false), new Sample("lone low surrogate", "\uDE00", false),
			new Sample("non-character FFFE", "\uFFFE", false), new Sample("non-character FDD0", "\uFDD0", false),
			new Sample("non-character 1FFFF", "\uD83F\uDFFF", false), new Sample("vertical tab", "\u000B", true),
			new Sample("form feed", "\u000C", true), new Sample("line separator", "\u2028", true),
			new Sample("next line", "\u0085", true), new Sample("tab", "\t", true),
			new Sample("right-to-left mark", "\u200F", true), new Sample("right-to-left override", "\u202E", true),
			new Sample("zero-width joiner", "\u200D", true), new Sample("byte order mark", "\uFEFF", true),
			new Sample("combining acute", "e\u0301", true),
			new Sample("decomposed Vietnamese", "Vie\u0302\u0323t Nam", true), new Sample("emoji", "😀", true),
			new Sample("emoji sequence", "👩‍👩‍👧 🇻🇳", true), new Sample("4-byte CJK", "𠀀𪚥", true),
			new Sample("private use", "\uE000", true), new Sample("replacement character", "\uFFFD", true),
			new Sample("markup", "<b>&amp;</b> ]]> \"'", true));

	private static final List<String> FIELDS = List.of("title", "summary", "body", "radioScript");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Publisher publisher;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void mailPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
	}

	@AfterAll
	static void stopMail() {
		MAIL.stop();
	}

	@Test
	void everyClassOfCodePointIsRefusedNamingItsFieldOrCarriedIntactThroughEveryOutlet() throws Exception {
		for (Sample sample : SAMPLES) {
			// Pending: each is sent a confirmation mail, which must carry the name too.
			HttpResponse<String> response = post("/api/subscribers",
					Map.of("email", "nguoi-" + Math.abs(sample.name().hashCode()) + "@example.vn", "name",
							"Người " + sample.text() + " dân", "status", "pending"));
			boolean lineBreakOrTab = sample.text().matches("(?s).*[\\t\\u000B\\u000C\\u0085\\u2028].*");
			if (!sample.allowed() || lineBreakOrTab) {
				assertThat(response.statusCode()).as(sample.name()).isEqualTo(400);
				assertThat(JSON.readTree(response.body()).get("field").asString()).isEqualTo("name");
			}
			else {
				assertThat(response.statusCode()).as(sample.name() + ": " + response.body()).isEqualTo(201);
			}
		}
		for (String name : List.of("Nguyễn Thị Lan 😀", "Trần Văn Minh e\u0301 \u200F 𠀀")) {
			assertThat(post("/api/subscribers", Map.of("email", "ban-doc-" + Math.abs(name.hashCode()) + "@example.vn",
					"name", name, "status", "confirmed"))
				.statusCode()).isEqualTo(201);
		}
		Set<String> readers = Set
			.copyOf(this.jdbc.queryForList("SELECT email FROM subscriber WHERE status = 'CONFIRMED'", String.class));
		assertThat(readers).hasSize(2);

		Map<String, Expected> accepted = new LinkedHashMap<>();
		Random random = new Random(20260902);
		List<Sample> cases = new ArrayList<>(SAMPLES);
		for (int i = 0; i < 12; i++) {
			cases.add(mix(random));
		}
		int n = 0;
		for (String field : FIELDS) {
			for (Sample sample : cases) {
				String id = "ky-tu-" + (n++);
				Map<String, Object> draft = draft(id, field, sample.text());
				HttpResponse<String> response = post("/api/content", draft);
				if (sample.allowed()) {
					assertThat(response.statusCode()).as(field + " with " + sample.name() + ": " + response.body())
						.isEqualTo(201);
					accepted.put(id, new Expected(PlainText.normaliseLine((String) draft.get("title")).strip()));
				}
				else {
					assertThat(response.statusCode()).as(field + " with " + sample.name()).isEqualTo(400);
					JsonNode refusal = JSON.readTree(response.body());
					assertThat(refusal.get("field").asString()).isEqualTo(field);
					assertThat(refusal.get("message").asString()).contains("control character").contains("U+");
				}
			}
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM content_item WHERE id LIKE 'ky-tu-%'", Integer.class))
			.isEqualTo(accepted.size());

		// Rows as an older version stored them, before the text rules.
		for (Sample sample : cases) {
			if (!sample.allowed()) {
				String id = "cu-" + (n++);
				String text = "Cũ " + sample.text() + " xưa";
				insertLegacy(id, text);
				accepted.put(id, new Expected(PlainText.lineForOutput(text).strip()));
			}
		}

		while (this.publisher.publishDue() > 0) {
			// Each call decides a batch.
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL", Integer.class) == 0);
		assertThat(this.jdbc.queryForList("SELECT id FROM content_item WHERE status IN ('PUBLISHED', 'LATE')",
				String.class))
			.containsAll(accepted.keySet());

		checkFeeds(accepted);
		checkPages(accepted);
		checkCalendar(accepted);
		checkRadio(accepted);
		checkMail(accepted, readers);
	}

	@Test
	void aPublishedItemCanBeWithdrawnAndLeavesTheFeedsItsPageAndTheRadioQueue() throws Exception {
		Map<String, Object> draft = draft("rut-lai-sau-khi-phat", "title", "bình thường");
		assertThat(post("/api/content", draft).statusCode()).isEqualTo(201);
		while (this.publisher.publishDue() > 0) {
			// Each call decides a batch.
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> get("/feed.xml").body().contains("/p/rut-lai-sau-khi-phat"));
		assertThat(radioEntries("rut-lai-sau-khi-phat")).isPositive();

		HttpResponse<String> withdrawn = send(HttpRequest.newBuilder(uri("/api/content/rut-lai-sau-khi-phat"))
			.header("Authorization", "Bearer test-token")
			.DELETE());

		assertThat(withdrawn.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(withdrawn.body()).get("status").asString()).isEqualTo("withdrawn");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(get("/feed.xml").body()).doesNotContain("/p/rut-lai-sau-khi-phat");
			assertThat(get("/feed.atom").body()).doesNotContain("/p/rut-lai-sau-khi-phat");
			assertThat(get("/p/rut-lai-sau-khi-phat").statusCode()).isEqualTo(404);
			assertThat(radioEntries("rut-lai-sau-khi-phat")).isZero();
		});
		assertThat(this.jdbc
			.queryForObject("SELECT COUNT(*) FROM bulletin_delivery WHERE item_id = 'rut-lai-sau-khi-phat' "
					+ "AND status IN ('QUEUED', 'RETRYING')", Integer.class))
			.isZero();
		HttpResponse<String> again = send(HttpRequest.newBuilder(uri("/api/content/rut-lai-sau-khi-phat"))
			.header("Authorization", "Bearer test-token")
			.DELETE());
		assertThat(again.statusCode()).isEqualTo(409);
	}

	private void checkFeeds(Map<String, Expected> accepted) throws Exception {
		for (String path : List.of("/feed.xml", "/feed.atom")) {
			HttpResponse<byte[]> response = getBytes(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			String text = strictUtf8(response.body(), path);
			assertNothingForbidden(text, path);
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
			Map<String, String> titles = new HashMap<>();
			NodeList entries = document.getElementsByTagNameNS("*", path.endsWith("xml") ? "item" : "entry");
			for (int i = 0; i < entries.getLength(); i++) {
				Element entry = (Element) entries.item(i);
				String link = path.endsWith("xml") ? child(entry, "link").getTextContent()
						: child(entry, "link").getAttribute("href");
				titles.put(link.substring(link.lastIndexOf('/') + 1), child(entry, "title").getTextContent());
			}
			accepted
				.forEach((id, expected) -> assertThat(titles.get(id)).as(path + " " + id).isEqualTo(expected.title()));
		}
	}

	private void checkPages(Map<String, Expected> accepted) throws Exception {
		for (Map.Entry<String, Expected> item : accepted.entrySet()) {
			HttpResponse<byte[]> page = getBytes("/p/" + item.getKey());
			assertThat(page.statusCode()).as(item.getKey()).isEqualTo(200);
			String html = strictUtf8(page.body(), "/p/" + item.getKey());
			assertNothingForbidden(html, "/p/" + item.getKey());
			assertThat(squash(Jsoup.parse(html).select("h1").text())).as(item.getKey())
				.isEqualTo(squash(item.getValue().title()));
		}
		LocalDate today = LocalDate.now(ZONE);
		for (String path : List.of("/", "/archive/" + today.getYear() + "/" + today.getMonthValue())) {
			HttpResponse<byte[]> page = getBytes(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertNothingForbidden(strictUtf8(page.body(), path), path);
		}
	}

	private void checkCalendar(Map<String, Expected> accepted) throws Exception {
		HttpResponse<byte[]> response = getBytes("/calendar.ics");
		assertThat(response.statusCode()).isEqualTo(200);
		String text = strictUtf8(response.body(), "/calendar.ics");
		assertNothingForbidden(text, "/calendar.ics");
		Map<String, String> summaries = new HashMap<>();
		for (VEvent event : new CalendarBuilder().build(new StringReader(text))
			.<VEvent>getComponents(Component.VEVENT)) {
			summaries.put(event.getProperty(Property.UID).orElseThrow().getValue(),
					event.getProperty(Property.SUMMARY).orElseThrow().getValue());
		}
		accepted.forEach((id, expected) -> assertThat(summaries.get("content-" + id + "@loa")).as(id)
			.isEqualTo(expected.title()));
	}

	private void checkRadio(Map<String, Expected> accepted) throws Exception {
		List<LocalDate> days = this.jdbc.queryForList("SELECT DISTINCT slot_date FROM radio_entry", LocalDate.class);
		Map<String, String> titles = new HashMap<>();
		for (LocalDate day : days) {
			HttpResponse<byte[]> page = getBytes("/radio?date=" + day);
			assertThat(page.statusCode()).isEqualTo(200);
			assertNothingForbidden(strictUtf8(page.body(), "/radio"), "/radio?date=" + day);
			HttpResponse<byte[]> api = getBytes("/api/radio/entries?date=" + day);
			assertThat(api.statusCode()).isEqualTo(200);
			for (JsonNode entry : JSON.readTree(strictUtf8(api.body(), "/api/radio/entries"))) {
				titles.put(entry.get("itemId").asString(), entry.get("title").asString());
			}
		}
		assertThat(titles.keySet()).containsAll(accepted.keySet());
	}

	private void checkMail(Map<String, Expected> accepted, Set<String> readers) throws Exception {
		int expected = accepted.size() * readers.size();
		await().atMost(Duration.ofSeconds(120))
			.until(() -> bulletins(MAIL.getReceivedMessages(), readers).size() >= expected);
		Map<String, Integer> perItem = new HashMap<>();
		DefaultMessageBuilder builder = new DefaultMessageBuilder();
		for (MimeMessage mail : MAIL.getReceivedMessages()) {
			ByteArrayOutputStream raw = new ByteArrayOutputStream();
			mail.writeTo(raw);
			Message parsed = builder.parseMessage(new ByteArrayInputStream(raw.toByteArray()));
			for (Field field : parsed.getHeader().getFields()) {
				for (byte b : field.getRaw().toByteArray()) {
					assertThat(b & 0xFF).as("raw byte in header " + field.getName()).isLessThan(0x80);
				}
			}
			MailboxListField from = (MailboxListField) parsed.getHeader().getField("From");
			assertThat(from.getMailboxList().get(0).getName()).isEqualTo(SENDER);
			assertThat(from.getMailboxList().get(0).getAddress()).isEqualTo("bantuyengiao@example.vn");
			for (org.apache.james.mime4j.dom.Entity part : ((Multipart) parsed.getBody()).getBodyParts()) {
				String text = new String(((TextBody) part.getBody()).getInputStream().readAllBytes(),
						StandardCharsets.UTF_8);
				assertNothingForbidden(text, "a part of the mail " + parsed.getSubject());
			}
			String to = parsed.getTo().get(0).toString();
			if (readers.stream().anyMatch(to::contains)) {
				String messageId = parsed.getMessageId();
				String id = messageId.substring(messageId.indexOf('.') + 1, messageId.indexOf('@'));
				perItem.merge(id, 1, Integer::sum);
				assertThat(parsed.getSubject()).as(id).isEqualTo(accepted.get(id).title());
			}
		}
		assertThat(perItem).hasSize(accepted.size())
			.allSatisfy((id, count) -> assertThat(count).isEqualTo(readers.size()));
	}

	private static List<MimeMessage> bulletins(MimeMessage[] received, Set<String> readers) throws Exception {
		List<MimeMessage> bulletins = new ArrayList<>();
		for (MimeMessage mail : received) {
			if (readers.contains(((jakarta.mail.internet.InternetAddress) mail.getAllRecipients()[0]).getAddress())) {
				bulletins.add(mail);
			}
		}
		return bulletins;
	}

	/** A random mix of several samples amid Vietnamese words. */
	private static Sample mix(Random random) {
		StringBuilder text = new StringBuilder("Hỗn hợp");
		boolean allowed = true;
		StringBuilder name = new StringBuilder("mix");
		for (int i = 0, count = 1 + random.nextInt(5); i < count; i++) {
			Sample sample = SAMPLES.get(random.nextInt(SAMPLES.size()));
			text.append(' ').append(sample.text()).append(" chữ");
			allowed &= sample.allowed();
			name.append(" + ").append(sample.name());
		}
		return new Sample(name.toString(), text.toString(), allowed);
	}

	private Map<String, Object> draft(String id, String field, String sampleText) {
		Map<String, Object> draft = new LinkedHashMap<>();
		draft.put("id", id);
		draft.put("title", "Tiêu đề " + id);
		draft.put("summary", "Tóm tắt.");
		draft.put("body", "Nội dung **chính**.");
		draft.put("radioScript", "Kính thưa bà con.");
		draft.put(field, "Trường " + field + " " + sampleText + " hết.");
		draft.put("outlets", List.of("feed", "email", "radio"));
		draft.put("when", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.format(Instant.now().minus(2, ChronoUnit.MINUTES).atZone(ZONE)));
		return draft;
	}

	private void insertLegacy(String id, String text) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update("INSERT INTO content_item (id, organisation, title, summary, body, radio_script, outlets, "
				+ "when_spec, due_at, stale_after, status, source, checksum, created_at, updated_at) "
				+ "VALUES (?, 'default', ?, ?, ?, ?, 'email,feed,radio', 'legacy', ?, '', 'SCHEDULED', 'api', 'x', ?, ?)",
				id, text, text, text + "\n\n**" + text + "**", text, Timestamp.from(Instant.now().minusSeconds(120)),
				now, now);
	}

	private int radioEntries(String itemId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM radio_entry WHERE item_id = ?", Integer.class, itemId);
	}

	private static Element child(Element parent, String name) {
		NodeList children = parent.getElementsByTagNameNS("*", name);
		return (Element) children.item(0);
	}

	private static String squash(String text) {
		return text.replaceAll("[\\s\\u00A0]+", " ").strip();
	}

	private static String strictUtf8(byte[] bytes, String what) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new AssertionError(what + " is not valid UTF-8", ex);
		}
	}

	private static void assertNothingForbidden(String text, String what) {
		Set<String> found = text.codePoints()
			.filter(PlainText::isForbidden)
			.mapToObj((c) -> "U+%04X".formatted(c))
			.collect(Collectors.toSet());
		assertThat(found).as("forbidden characters in " + what).isEmpty();
	}

	private HttpResponse<String> post(String path, Map<String, Object> body) throws Exception {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer test-token")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.US_ASCII)));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	private HttpResponse<byte[]> getBytes(String path) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (path.startsWith("/api/")) {
			request.header("Authorization", "Bearer test-token");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/**
	 * JSON with every character outside printable ASCII escaped, so a lone surrogate
	 * reaches the server as a client would send it.
	 */
	private static String json(Object value) {
		if (value instanceof Map<?, ?> map) {
			return map.entrySet()
				.stream()
				.map((e) -> json(e.getKey()) + ":" + json(e.getValue()))
				.collect(Collectors.joining(",", "{", "}"));
		}
		if (value instanceof List<?> list) {
			return list.stream().map(CharacterClassesIntegrationTests::json).collect(Collectors.joining(",", "[", "]"));
		}
		StringBuilder out = new StringBuilder("\"");
		for (char c : String.valueOf(value).toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || c > 0x7E) {
				out.append("\\u%04x".formatted((int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

	private record Sample(String name, String text, boolean allowed) {

	}

	private record Expected(String title) {

	}

}
