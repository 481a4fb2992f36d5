package vn.loa.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import vn.loa.accounts.Accounts;
import vn.loa.accounts.Role;
import vn.loa.calendar.CalendarService;
import vn.loa.calendar.Plan;
import vn.loa.content.ContentFixtures;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentCatalog;
import vn.loa.content.Outlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Removing a plan that was imported and confirmed at run time, at the desk and over the
 * API: it leaves the plan list and the .ics calendars and is audited; it is refused while
 * content that has not gone out is scheduled against its phases; removing an imported
 * copy of a shipped plan brings the shipped one back; a shipped plan cannot be removed.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:desk-plan-removal;DB_CLOSE_DELAY=-1",
		"spring.quartz.auto-startup=false", "loa.api.token=" + DeskPlanRemovalIntegrationTests.TOKEN,
		"loa.secret=desk-plan-removal-secret" })
@AutoConfigureMockMvc
class DeskPlanRemovalIntegrationTests {

	static final String TOKEN = "desk-plan-removal-token";

	private static final Path DATA = TestData.withCalendar("loa-desk-plan-removal");

	/**
	 * A plan as the city party committees write them; its number is replaced per test.
	 */
	private static final String PLAN = """
			ĐẢNG BỘ TỈNH BÀ RỊA - VŨNG TÀU ĐẢNG CỘNG SẢN VIỆT NAM
			BAN THƯỜNG VỤ THÀNH ỦY
			*
			Số 460-KH/TU Vũng Tàu, ngày 15 tháng 10 năm 2024

			KẾ HOẠCH
			tuyên truyền kỷ niệm các ngày lễ lớn
			từ nay đến Đại hội XIV của Đảng

			I- NỘI DUNG VÀ LỘ TRÌNH TUYÊN TRUYỀN

			1. Giai đoạn từ nay đến hết năm 2024, tập trung tuyên truyền thành tựu của đất nước sau gần 40 năm đổi mới.

			2. Giai đoạn từ năm 2025 đến Đại hội XIV của Đảng, tập trung tuyên truyền kỷ niệm 80 năm Ngày Quốc khánh (02/9/1945-02/9/2025).

			II- HÌNH THỨC TUYÊN TRUYỀN

			Tuyên truyền qua hệ thống phát thanh không dây của cơ sở.

			Nơi nhận:
			- Lưu Văn phòng Thành ủy.

			T/M BAN THƯỜNG VỤ
			PHÓ BÍ THƯ

			Lê Thị Thanh Bình
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ContentCatalog store;

	@Autowired
	CalendarService calendar;

	@Autowired
	ZoneId zone;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestData.register(registry, DATA);
	}

	@Test
	void aConfirmedPlanIsRemovedAfterTheConfirmationPageAndLeavesTheListAndTheIcsCalendars() throws Exception {
		MockHttpSession editor = login("go-bt", Role.EDITOR);
		confirm(editor, "460-KH/TU", false);
		assertThat(page(editor, "/desk/plans")).contains("460-KH/TU");
		assertThat(this.mvc.perform(get("/calendar/plans/460-kh-tu.ics")).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		String detail = page(editor, "/desk/plans/460-kh-tu");
		assertThat(detail).contains("lưu trong cơ sở dữ liệu")
			.contains("người xác nhận: go-bt, phiên bản 1")
			.contains("<form method=\"get\" action=\"/desk/plans/460-kh-tu/remove\">")
			.contains("Gỡ kế hoạch này khỏi lịch");

		// Looking at what removing does changes nothing.
		String confirmation = HtmlUtils.htmlUnescape(page(editor, "/desk/plans/460-kh-tu/remove"));
		assertThat(confirmation).contains("Gỡ kế hoạch 460-KH/TU")
			.contains("Kế hoạch “460-kh-tu” đã nhập sẽ bị xóa khỏi cơ sở dữ liệu và khỏi lịch trên mọi máy chủ")
			.contains("<form method=\"post\" action=\"/desk/plans/460-kh-tu/remove\">")
			.doesNotContain("id=\"shipped\"")
			.doesNotContain("id=\"blocking\"");
		assertThat(storedPlans()).contains("460-kh-tu");
		assertThat(audit("460-kh-tu")).isEmpty();

		this.mvc.perform(post("/desk/plans/460-kh-tu/remove").session(editor)).andExpect(status().isForbidden());
		assertThat(storedPlans()).contains("460-kh-tu");
		this.mvc.perform(post("/desk/plans/460-kh-tu/remove").session(editor).with(csrf(editor)))
			.andExpect(redirectedUrl("/desk/plans"))
			.andExpect(flash().attribute("removed", "460-kh-tu"));

		assertThat(HtmlUtils
			.htmlUnescape(this.mvc.perform(get("/desk/plans").session(editor).flashAttr("removed", "460-kh-tu"))
				.andReturn()
				.getResponse()
				.getContentAsString()))
			.contains("Đã gỡ kế hoạch “460-kh-tu” khỏi lịch.");
		assertThat(page(editor, "/desk/plans")).doesNotContain("460-KH/TU");
		this.mvc.perform(get("/desk/plans/460-kh-tu").session(editor)).andExpect(status().isNotFound());
		this.mvc.perform(get("/calendar/plans/460-kh-tu.ics")).andExpect(status().isNotFound());
		assertThat(storedPlans()).doesNotContain("460-kh-tu");
		assertThat(audit("460-kh-tu")).singleElement().satisfies((entry) -> {
			assertThat(entry).startsWith("go-bt plan.remove plan 460-kh-tu version 1, stored by go-bt at ")
				.contains("number: \"460-KH/TU\"");
		});
	}

	@Test
	void contentNotYetGoneOutScheduledAgainstAPhaseKeepsThePlanAndIsNamed() throws Exception {
		MockHttpSession editor = login("go-chan", Role.EDITOR);
		confirm(editor, "461-KH/TU", false);
		Instant phaseTwo = ZonedDateTime.of(2025, 1, 1, 7, 0, 0, 0, this.zone).toInstant();
		item("trien-khai-461", "Triển khai Kế hoạch 461-KH/TU", "start of phase 2 of 461-KH/TU, 07:00", phaseTwo,
				ContentStatus.SCHEDULED);
		item("nhap-461", "Bản nháp theo kế hoạch", "start of phase 2 of 461-kh-tu, 08:00", phaseTwo,
				ContentStatus.DRAFT);
		item("da-dang-461", "Đã đăng theo kế hoạch", "start of phase 2 of 461-KH/TU, 06:00", phaseTwo,
				ContentStatus.PUBLISHED);
		item("rut-lai-461", "Đã rút lại", "start of phase 2 of 461-KH/TU, 09:00", phaseTwo, ContentStatus.WITHDRAWN);
		// Named by the plan and due in one of its phases, but scheduled against the
		// anniversary, which stays.
		item("quoc-khanh-461", "Mừng Quốc khánh", "anniversary quoc-khanh 2025, 1 day before",
				ZonedDateTime.of(2025, 9, 1, 6, 0, 0, 0, this.zone).toInstant(), ContentStatus.SCHEDULED);

		String confirmation = page(editor, "/desk/plans/461-kh-tu/remove");
		assertThat(confirmation).contains("id=\"blocking\"")
			.contains("<a href=\"/desk/content/trien-khai-461/edit\">Triển khai Kế hoạch 461-KH/TU</a>")
			.contains("<a href=\"/desk/content/nhap-461/edit\">Bản nháp theo kế hoạch</a>")
			.doesNotContain("da-dang-461")
			.doesNotContain("rut-lai-461")
			.doesNotContain("quoc-khanh-461")
			.doesNotContain("method=\"post\" action=\"/desk/plans/461-kh-tu/remove\"");

		String refused = HtmlUtils
			.htmlUnescape(this.mvc.perform(post("/desk/plans/461-kh-tu/remove").session(editor).with(csrf(editor)))
				.andExpect(status().isConflict())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(refused).contains("Không gỡ được kế hoạch “461-kh-tu”: còn nội dung chưa đăng được lên lịch theo "
				+ "giai đoạn của kế hoạch: nhap-461 (“Bản nháp theo kế hoạch”, Nháp); trien-khai-461 "
				+ "(“Triển khai Kế hoạch 461-KH/TU”, Đã lên lịch).");
		String english = HtmlUtils.htmlUnescape(
				this.mvc.perform(post("/desk/plans/461-kh-tu/remove?lang=en").session(editor).with(csrf(editor)))
					.andExpect(status().isConflict())
					.andReturn()
					.getResponse()
					.getContentAsString());
		assertThat(english).contains("Plan “461-kh-tu” was not removed: items that have not gone out are scheduled "
				+ "against its phases: nhap-461 (“Bản nháp theo kế hoạch”, Draft); trien-khai-461");

		String byId = this.mvc
			.perform(delete("/api/plans/stored/461-kh-tu").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
				.header(HttpHeaders.ACCEPT_LANGUAGE, "vi"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(byId).contains("\"id\":\"nhap-461\"")
			.contains("\"id\":\"trien-khai-461\"")
			.contains("\"status\":\"scheduled\"")
			.contains("Không gỡ được kế hoạch “461-kh-tu”")
			.doesNotContain("da-dang-461");
		assertThat(storedPlans()).contains("461-kh-tu");
		assertThat(this.calendar.book().plan("461-kh-tu")).isPresent();
		assertThat(audit("461-kh-tu")).isEmpty();

		// Once they are withdrawn nothing holds the plan.
		assertThat(ContentFixtures.withdraw(this.store, "trien-khai-461")).isTrue();
		assertThat(ContentFixtures.withdraw(this.store, "nhap-461")).isTrue();
		String removed = this.mvc
			.perform(delete("/api/plans/stored/461-kh-tu").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(removed).contains("\"planId\":\"461-kh-tu\"").contains("\"shippedPlanBack\":false");
		assertThat(this.calendar.book().plan("461-kh-tu")).isEmpty();
		assertThat(audit("461-kh-tu")).singleElement()
			.asString()
			.startsWith("api plan.remove plan 461-kh-tu version 1");
	}

	@Test
	void removingAnImportedCopyOfAShippedPlanBringsTheShippedOneBack() throws Exception {
		MockHttpSession editor = login("go-thay", Role.EDITOR);
		confirm(editor, "443-KH/TU", true);
		assertThat(this.calendar.book().plan("443-kh-tu").map(Plan::title))
			.hasValueSatisfying((title) -> assertThat(title).startsWith("Tuyên truyền kỷ niệm các ngày lễ lớn"));
		// Phase 2 starts on 01/01/2025 in both copies; phase 1 starts on each copy's own
		// date, so only the item against phase 1 would move.
		item("giai-doan-1-443", "Theo giai đoạn 1", "start of phase 1 of 443-KH/TU, 07:00",
				ZonedDateTime.of(2024, 10, 15, 7, 0, 0, 0, this.zone).toInstant(), ContentStatus.SCHEDULED);
		item("giai-doan-2-443", "Theo giai đoạn 2", "start of phase 2 of 443-KH/TU, 07:00",
				ZonedDateTime.of(2025, 1, 1, 7, 0, 0, 0, this.zone).toInstant(), ContentStatus.SCHEDULED);

		String confirmation = HtmlUtils.htmlUnescape(page(editor, "/desk/plans/443-kh-tu/remove"));
		assertThat(confirmation).contains("id=\"shipped\"")
			.contains(
					"Kế hoạch đã nhập này đang thay thế kế hoạch cùng mã “443-kh-tu” trong thư mục calendar/: sau khi "
							+ "gỡ, lịch dùng lại kế hoạch trong tệp đó.")
			.contains("giai-doan-1-443")
			.doesNotContain("giai-doan-2-443");
		assertThat(HtmlUtils.htmlUnescape(page(editor, "/desk/plans/443-kh-tu/remove?lang=en")))
			.contains("This imported plan replaces the plan “443-kh-tu” of the calendar/ directory");
		this.mvc.perform(post("/desk/plans/443-kh-tu/remove").session(editor).with(csrf(editor)))
			.andExpect(status().isConflict());

		assertThat(ContentFixtures.withdraw(this.store, "giai-doan-1-443")).isTrue();
		this.mvc.perform(post("/desk/plans/443-kh-tu/remove").session(editor).with(csrf(editor)))
			.andExpect(redirectedUrl("/desk/plans/443-kh-tu"));

		assertThat(storedPlans()).doesNotContain("443-kh-tu");
		assertThat(this.calendar.book().plan("443-kh-tu").map(Plan::title)).hasValue(
				"Tuyên truyền những chủ đề lớn, trọng tâm từ nay đến Đại hội đại biểu toàn quốc lần thứ XIV của Đảng");
		String shipped = page(editor, "/desk/plans/443-kh-tu");
		assertThat(HtmlUtils.htmlUnescape(shipped)).contains("Kế hoạch này có sẵn trong thư mục calendar/ của Loa")
			.doesNotContain("/desk/plans/443-kh-tu/remove");
		assertThat(this.mvc.perform(get("/calendar/plans/443-kh-tu.ics?from=2024&to=2025"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("DTSTART;VALUE=DATE:20241003");
		assertThat(audit("443-kh-tu")).singleElement()
			.asString()
			.startsWith("go-thay plan.remove plan 443-kh-tu version 1")
			.endsWith("the calendar/ file plan 443-kh-tu is back");
	}

	@Test
	void aStoredPlanThatNoLongerLoadsCanStillBeRemoved() throws Exception {
		// Stored when its event existed; the event has since left the calendar files.
		String yaml = """
				plan:
				  id: ke-hoach-hong
				  title: "Kế hoạch tuyên truyền đến đại hội đã bỏ"
				  phases:
				    - name: "Giai đoạn 1"
				      start: 01/01/2025
				      until: dai-hoi-da-bo
				""";
		this.jdbc.update(
				"INSERT INTO calendar_plan (plan_id, file_name, yaml, stored_by, stored_at, version) "
						+ "VALUES ('ke-hoach-hong', 'ke-hoach-hong.yaml', ?, 'api', ?, 1)",
				yaml, Timestamp.from(Instant.now()));
		this.calendar.reload();
		assertThat(this.calendar.book().plan("ke-hoach-hong")).isEmpty();
		assertThat(this.calendar.problems()).extracting(Object::toString)
			.anySatisfy((problem) -> assertThat(problem).startsWith("database:plans/ke-hoach-hong.yaml:"));

		this.mvc.perform(delete("/api/plans/stored/ke-hoach-hong").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
			.andExpect(status().isOk());

		assertThat(this.calendar.storedPlan("ke-hoach-hong")).isEmpty();
		assertThat(this.calendar.problems()).extracting(Object::toString)
			.noneSatisfy((problem) -> assertThat(problem).contains("ke-hoach-hong"));
	}

	@Test
	void aShippedPlanHasNoRemoveButtonAndCannotBeRemoved() throws Exception {
		MockHttpSession admin = login("go-goc", Role.ADMIN);
		String page = HtmlUtils.htmlUnescape(page(admin, "/desk/plans/83-kh-hu"));
		assertThat(page).contains("Kế hoạch này có sẵn trong thư mục calendar/ của Loa")
			.doesNotContain("/desk/plans/83-kh-hu/remove")
			.doesNotContain("Gỡ kế hoạch này khỏi lịch");
		assertThat(HtmlUtils.htmlUnescape(page(admin, "/desk/plans/83-kh-hu?lang=en")))
			.contains("This plan is shipped in the calendar/ directory of Loa");

		this.mvc.perform(get("/desk/plans/83-kh-hu/remove").session(admin)).andExpect(status().isNotFound());
		this.mvc.perform(post("/desk/plans/83-kh-hu/remove").session(admin).with(csrf(admin)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/desk/plans/khong-co/remove").session(admin).with(csrf(admin)))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/plans/stored/83-kh-hu").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
			.andExpect(status().isNotFound());
		assertThat(this.calendar.book().plan("83-kh-hu")).isPresent();
		assertThat(Files.exists(DATA.resolve("calendar/plans/83-kh-hu.yaml"))).isTrue();
		assertThat(audit("83-kh-hu")).isEmpty();
	}

	@Test
	void anAnnouncerMayNotRemoveAPlan() throws Exception {
		MockHttpSession editor = login("go-bt-2", Role.EDITOR);
		confirm(editor, "462-KH/TU", false);
		MockHttpSession announcer = login("go-doc", Role.ANNOUNCER);
		this.mvc.perform(get("/desk/plans/462-kh-tu/remove").session(announcer)).andExpect(status().isForbidden());
		this.mvc.perform(post("/desk/plans/462-kh-tu/remove").session(announcer).with(csrf(editor)))
			.andExpect(status().isForbidden());
		assertThat(storedPlans()).contains("462-kh-tu");
	}

	/** Uploads {@link #PLAN} with {@code number} and confirms it at the desk. */
	private void confirm(MockHttpSession session, String number, boolean replace) throws Exception {
		String review = this.mvc.perform(multipart("/desk/plans/import")
			.file(new MockMultipartFile("file", "ke-hoach.txt", "text/plain",
					PLAN.replace("460-KH/TU", number).getBytes(StandardCharsets.UTF_8)))
			.session(session)
			.with(csrf(session))).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String id = number.toLowerCase(java.util.Locale.ROOT).replace('/', '-');
		this.mvc
			.perform(post(review + "/confirm").param("replace", String.valueOf(replace))
				.session(session)
				.with(csrf(session)))
			.andExpect(redirectedUrl("/desk/plans/" + id));
	}

	private void item(String id, String title, String when, Instant dueAt, ContentStatus status) {
		ContentFixtures.store(this.store, new ContentItem(id, "default", title, "", "Nội dung.", null,
				EnumSet.of(Outlet.FEED), when, dueAt, Map.of(), status, "api", Instant.now()));
	}

	private List<String> storedPlans() {
		return this.jdbc.queryForList("SELECT plan_id FROM calendar_plan", String.class);
	}

	/** The plan's audit entries: actor, action, and the state before and after. */
	private List<String> audit(String planId) {
		return this.jdbc
			.queryForList("SELECT actor || ' ' || action || ' ' || before_state || COALESCE(' -> ' || after_state, '') "
					+ "FROM audit_entry WHERE subject = ?", String.class, "plan:" + planId);
	}

	private String page(MockHttpSession session, String url) throws Exception {
		return this.mvc.perform(get(url).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpSession login(String username, Role role) throws Exception {
		return DeskSessions.login(this.mvc, this.accounts, username, role);
	}

	private RequestPostProcessor csrf(MockHttpSession session) throws Exception {
		return DeskSessions.csrfOf(this.mvc.perform(get("/desk/plans/import").session(session)).andReturn());
	}

}
