package vn.loa.importer;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.loa.LoaApplication;
import vn.loa.calendar.CalendarProblem;
import vn.loa.calendar.CalendarService;
import vn.loa.calendar.Phase;
import vn.loa.calendar.Plan;
import vn.loa.calendar.PlanNotStoredException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one database, each with its own copy of the shipped {@code calendar/}: a
 * plan confirmed on one is in the other's calendar within the refresh interval, a
 * replacement confirmed on the other comes back, and a restarted node still has both the
 * plan and the report of a stored plan that no longer loads.
 */
class PlanImportNodesIntegrationTests {

	private static final Duration REFRESH = Duration.ofMillis(500);

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path data;

	@Test
	void aPlanConfirmedOnOneNodeReachesTheOtherAndOutlivesARestart() throws Exception {
		try (ConfigurableApplicationContext a = start("a"); ConfigurableApplicationContext b = start("b")) {
			String draft = id(upload(a, "ke-hoach-450.txt", Fixtures.CITY));
			assertThat(get(b, "/calendar/plans/450-kh-tu.ics").statusCode()).isEqualTo(404);
			HttpResponse<String> confirmed = post(a, "/api/plans/imports/" + draft + "/confirm");
			assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

			// Node B reads it from the database, not from a file of its own calendar/.
			await().atMost(REFRESH.multipliedBy(6))
				.untilAsserted(() -> assertThat(get(b, "/calendar/plans/450-kh-tu.ics").statusCode()).isEqualTo(200));
			assertThat(get(b, "/calendar/plans/450-kh-tu.ics").body()).contains("450-KH/TU");
			assertThat(this.data.resolve("a/calendar/plans/450-kh-tu.yaml")).doesNotExist();
			assertThat(this.data.resolve("b/calendar/plans/450-kh-tu.yaml")).doesNotExist();
			HttpResponse<String> content = post(b, "/api/content", """
					{"id": "trien-khai-450", "title": "Triển khai Kế hoạch 450-KH/TU", "body": "Nội dung.",
					 "outlets": ["feed"], "when": "start of phase 1 of 450-KH/TU, 07:00"}""");
			assertThat(content.statusCode()).as(content.body()).isEqualTo(201);
			assertThat(content.body()).contains("\"dueAt\":\"2024-10-10T07:00+07:00\"");

			// Refused, and nothing changes: a shipped plan without replace, a plan that
			// would
			// not load.
			CalendarService calendar = a.getBean(CalendarService.class);
			assertThatExceptionOfType(PlanNotStoredException.class)
				.isThrownBy(() -> calendar.storePlan("443-kh-tu", "plan: {id: 443-kh-tu}", "api", false))
				.withMessageContaining("calendar/plans/443-kh-tu.yaml");
			assertThatExceptionOfType(PlanNotStoredException.class)
				.isThrownBy(() -> calendar.storePlan("ke-hoach-hong",
						"plan:\n  id: ke-hoach-hong\n  issuer: x\n  title: y\n  events: [khong-co]\n", "api", false))
				.withMessageContaining("database:plans/ke-hoach-hong.yaml:5: unknown event 'khong-co'");
			assertThat(calendar.book().plan("ke-hoach-hong")).isEmpty();
			assertThat(a.getBean(JdbcTemplate.class).queryForList("SELECT plan_id FROM calendar_plan", String.class))
				.containsExactly("450-kh-tu");

			// The same plan with another date, confirmed on B over the stored one.
			String again = id(upload(b, "ke-hoach-450-sua.txt",
					Fixtures.CITY.replace("ngày 10 tháng 10 năm 2024", "ngày 14 tháng 10 năm 2024")));
			assertThat(post(b, "/api/plans/imports/" + again + "/confirm").statusCode()).isEqualTo(409);
			assertThat(post(b, "/api/plans/imports/" + again + "/confirm?replace=true").statusCode()).isEqualTo(200);
			await().atMost(REFRESH.multipliedBy(6))
				.untilAsserted(() -> assertThat(phaseOneStart(a)).isEqualTo(LocalDate.of(2024, 10, 14)));
			assertThat(get(a, "/calendar/plans/450-kh-tu.ics?from=2024&to=2025").body())
				.contains("DTSTART;VALUE=DATE:20241014");
			assertThat(a.getBean(JdbcTemplate.class)
				.queryForList("SELECT version || ' ' || stored_by FROM calendar_plan WHERE plan_id = '450-kh-tu'",
						String.class))
				.containsExactly("2 api");

			// A stored plan naming an event that the files no longer hold.
			b.getBean(JdbcTemplate.class)
				.update("INSERT INTO calendar_plan (plan_id, file_name, yaml, stored_by, stored_at, version) "
						+ "VALUES ('ke-hoach-cu', 'ke-hoach-cu.yaml', ?, 'api', CURRENT_TIMESTAMP, 1)", """
								plan:
								  id: ke-hoach-cu
								  issuer: "Đảng ủy xã"
								  title: "Kế hoạch theo một sự kiện đã bỏ"
								  events:
								    - su-kien-da-bo
								""");
			await().atMost(REFRESH.multipliedBy(6))
				.untilAsserted(() -> assertThat(problems(a)).containsExactly(BROKEN));
		}
		try (ConfigurableApplicationContext restarted = start("c")) {
			assertThat(problems(restarted)).containsExactly(BROKEN);
			assertThat(restarted.getBean(CalendarService.class).book().plans()).extracting(Plan::id)
				.containsExactly("443-kh-tu", "83-kh-hu", "ke-hoach-hoi-nghi-12-xa", "450-kh-tu");
			assertThat(phaseOneStart(restarted)).isEqualTo(LocalDate.of(2024, 10, 14));
		}
	}

	private static final String BROKEN = "database:plans/ke-hoach-cu.yaml:6: unknown event 'su-kien-da-bo'";

	private ConfigurableApplicationContext start(String node) throws Exception {
		Path home = Files.createDirectories(this.data.resolve(node));
		Files.createDirectories(home.resolve("content"));
		CalendarCopies.copy(home);
		return new SpringApplicationBuilder(LoaApplication.class).run("--server.port=0", "--loa.data-dir=" + this.data,
				"--loa.calendar-dir=" + home.resolve("calendar"), "--loa.content-dir=" + home.resolve("content"),
				"--spring.main.banner-mode=off", "--spring.quartz.auto-startup=false",
				"--spring.quartz.scheduler-name=loa-" + node, "--loa.api.token=nodes-token",
				"--loa.calendar.refresh-interval=" + REFRESH.toMillis() + "ms");
	}

	private static LocalDate phaseOneStart(ConfigurableApplicationContext node) {
		return node.getBean(CalendarService.class)
			.book()
			.plan("450-KH/TU")
			.map((plan) -> plan.phases().get(0))
			.map(Phase::start)
			.orElse(null);
	}

	private static java.util.List<String> problems(ConfigurableApplicationContext node) {
		return node.getBean(CalendarService.class).problems().stream().map(CalendarProblem::toString).toList();
	}

	private static String id(HttpResponse<String> uploaded) {
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		return uploaded.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
	}

	private HttpResponse<String> upload(ConfigurableApplicationContext node, String name, String text)
			throws Exception {
		String boundary = "loa" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: text/plain\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(text.getBytes(StandardCharsets.UTF_8));
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri(node, "/api/plans/imports"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private HttpResponse<String> post(ConfigurableApplicationContext node, String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(node, path)).POST(HttpRequest.BodyPublishers.noBody()));
	}

	private HttpResponse<String> post(ConfigurableApplicationContext node, String path, String json) throws Exception {
		return send(HttpRequest.newBuilder(uri(node, path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpResponse<String> get(ConfigurableApplicationContext node, String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(node, path)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.header("Authorization", "Bearer nodes-token").build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static URI uri(ConfigurableApplicationContext node, String path) {
		int port = ((WebServerApplicationContext) node).getWebServer().getPort();
		return URI.create("http://localhost:" + port + path);
	}

}
