package vn.loa.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.loa.calendar.CalendarService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor uploads a plan as a Word file, reads the draft and its report, and confirms
 * it: only then does the calendar hold the plan. Bad files change nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "loa.api.token=import-token")
class PlanImportIntegrationTests {

	private static final Path DATA;

	static {
		try {
			DATA = Files.createTempDirectory("loa-import");
			Files.createDirectories(DATA.resolve("content"));
			CalendarCopies.copy(DATA);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	CalendarService calendar;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("loa.data-dir", DATA::toString);
		registry.add("loa.content-dir", () -> DATA.resolve("content").toString());
		registry.add("loa.calendar-dir", () -> DATA.resolve("calendar").toString());
	}

	@Test
	void anUploadedWordPlanBecomesACalendarPlanOnlyWhenConfirmed() throws Exception {
		HttpResponse<String> uploaded = upload("ke-hoach-450.docx", docx(Fixtures.CITY));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		assertThat(uploaded.body()).contains("\"planId\":\"450-kh-tu\"")
			.contains("number: \\\"450-KH/TU\\\"")
			.contains("until: dai-hoi-xiv")
			.contains("Số / Number: 450-KH/TU")
			// Its issuer is an organisation Loa knows: the plan is that organisation's.
			.contains("organisation: thanh-uy-vung-tau");
		String id = uploaded.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
		assertThat(this.calendar.book().plan("450-KH/TU")).isEmpty();
		assertThat(Files.exists(DATA.resolve("calendar/plans/450-kh-tu.yaml"))).isFalse();

		assertThat(get("/api/plans/imports/" + id).body()).contains("\"planId\":\"450-kh-tu\"");
		HttpResponse<String> confirmed = post("/api/plans/imports/" + id + "/confirm");
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
		assertThat(this.calendar.book().plan("450-KH/TU")).hasValueSatisfying((plan) -> {
			assertThat(plan.issuer()).isEqualTo("Ban Thường vụ Thành ủy Vũng Tàu");
			assertThat(plan.phases()).isNotEmpty();
		});
		assertThat(this.calendar.problems()).isEmpty();
		assertThat(get("/calendar/plans/450-kh-tu.ics").statusCode()).isEqualTo(200);

		// The same plan again: refused rather than silently overwriting what is there.
		String again = upload("ke-hoach-450.docx", docx(Fixtures.CITY)).body()
			.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
		assertThat(post("/api/plans/imports/" + again + "/confirm").statusCode()).isEqualTo(409);
		assertThat(post("/api/plans/imports/" + again + "/confirm?replace=true").statusCode()).isEqualTo(200);
	}

	@Test
	void badFilesGetAClearErrorAndLeaveTheCalendarAsItWas() throws Exception {
		int plans = this.calendar.book().plans().size();
		assertThat(upload("trong.txt", new byte[0])).satisfies((r) -> {
			assertThat(r.statusCode()).isEqualTo(400);
			assertThat(r.body()).contains("trong.txt is empty");
		});
		assertThat(upload("hong.docx", "PK not really a zip".getBytes(StandardCharsets.UTF_8)).statusCode())
			.isEqualTo(400);
		assertThat(upload("nhi-phan.txt", new byte[] { 0, 1, 2, 3, 0, 0 }).body()).contains("nhi-phan.txt");
		// Readable text is never refused: a draft with what was found and what is
		// missing,
		// for the editor to complete or discard; nothing reaches the calendar
		// unconfirmed.
		HttpResponse<String> notAPlan = upload("thu.txt",
				"Kính gửi anh chị,\nCuối tuần này họp tổ dân phố lúc 19 giờ.\n".getBytes(StandardCharsets.UTF_8));
		assertThat(notAPlan.statusCode()).as(notAPlan.body()).isEqualTo(201);
		assertThat(notAPlan.body()).contains("no 'KẾ HOẠCH' or 'HƯỚNG DẪN' heading");
		assertThat(upload("lon.pdf", new byte[11 * 1024 * 1024]).statusCode()).isEqualTo(413);
		assertThat(post("/api/plans/imports/" + UUID.randomUUID() + "/confirm").statusCode()).isEqualTo(409);
		assertThat(this.calendar.book().plans()).hasSize(plans);
	}

	private static byte[] docx(String text) throws IOException {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (String line : text.split("\n", -1)) {
				document.createParagraph().createRun().setText(line);
			}
			document.write(out);
			return out.toByteArray();
		}
	}

	private HttpResponse<String> upload(String name, byte[] bytes) throws Exception {
		String boundary = "loa" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(bytes);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(uri("/api/plans/imports"))
			.header("Authorization", "Bearer import-token")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer import-token")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer import-token").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
