package vn.loa.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.loa.accounts.Accounts;
import vn.loa.accounts.Role;
import vn.loa.content.ContentFixtures;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentCatalog;
import vn.loa.content.Outlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The desk's month view and plan pages over MockMvc, importing into a temporary copy of
 * {@code calendar/} so that confirming never writes into the repository's.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:desk-calendar;DB_CLOSE_DELAY=-1",
		"spring.quartz.auto-startup=false", "loa.api.token=desk-calendar-token", "loa.secret=desk-calendar-secret" })
@AutoConfigureMockMvc
class DeskCalendarIntegrationTests {

	private static final Path DATA = TestData.withCalendar("loa-desk-calendar");

	/**
	 * A plan as the city party committees write them, with a number the calendar lacks.
	 */
	private static final String PLAN = """
			ĐẢNG BỘ TỈNH BÀ RỊA - VŨNG TÀU ĐẢNG CỘNG SẢN VIỆT NAM
			BAN THƯỜNG VỤ THÀNH ỦY
			*
			Số 451-KH/TU Vũng Tàu, ngày 15 tháng 10 năm 2024

			KẾ HOẠCH
			tuyên truyền kỷ niệm các ngày lễ lớn
			từ nay đến Đại hội XIV của Đảng

			Ngày 03/10/2024, Ban Tuyên giáo Tỉnh ủy Bà Rịa - Vũng Tàu ban hành Hướng dẫn số 193-HD/BTGTU về tuyên truyền những chủ đề lớn, trọng tâm từ nay đến Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.

			Nay, Ban Thường vụ Thành ủy Vũng Tàu xây dựng kế hoạch tuyên truyền như sau:

			I- NỘI DUNG VÀ LỘ TRÌNH TUYÊN TRUYỀN

			1. Giai đoạn từ nay đến hết năm 2024, tập trung tuyên truyền thành tựu của đất nước sau gần 40 năm đổi mới.

			2. Giai đoạn từ năm 2025 đến Đại hội XIV của Đảng, tập trung tuyên truyền kỷ niệm 80 năm Ngày Quốc khánh (02/9/1945-02/9/2025).

			II- HÌNH THỨC TUYÊN TRUYỀN

			Tuyên truyền qua Trang thông tin điện tử Thành phố; qua hệ thống phát thanh không dây của cơ sở.

			III- TỔ CHỨC THỰC HIỆN

			1. Các Đảng bộ, chi bộ trực thuộc

			- Tổ chức tốt công tác tuyên truyền bằng các hình thức phù hợp.

			Nơi nhận:
			- Ban Tuyên giáo Tỉnh ủy (b/c),
			- Lưu Văn phòng Thành ủy.

			T/M BAN THƯỜNG VỤ
			PHÓ BÍ THƯ

			Lê Thị Thanh Bình
			""";

	/**
	 * A plan whose second phase runs until the provincial congress, which has no date
	 * yet.
	 */
	private static final String OPEN_PLAN = """
			plan:
			  id: ke-hoach-dai-hoi-tinh-viii
			  issuer: "Ban Thường vụ Thành ủy Vũng Tàu"
			  title: "Tuyên truyền Đại hội Đảng bộ tỉnh Bà Rịa - Vũng Tàu lần thứ VIII"
			  phases:
			    - name: "Giai đoạn chuẩn bị Đại hội"
			      start: 10/09/2025
			      end: 17/09/2025
			    - name: "Giai đoạn từ năm 2025 đến Đại hội Đảng bộ tỉnh"
			      start: 01/01/2025
			      until: dai-hoi-tinh-ba-ria-vung-tau-viii
			  events: [dai-hoi-tinh-ba-ria-vung-tau-viii]
			  organisation: thanh-uy-vung-tau
			""";

	static {
		try {
			Path calendar = DATA.resolve("calendar");
			Files.writeString(calendar.resolve("plans/ke-hoach-dai-hoi-tinh-viii.yaml"), OPEN_PLAN);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ContentCatalog store;

	@Autowired
	Clock clock;

	@Autowired
	ZoneId zone;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestData.register(registry, DATA);
	}

	@Test
	void septemberShowsTheRoundNationalDayOnItsDayWithAWayToPrepareContent() throws Exception {
		MockHttpSession editor = login("lich-bt", Role.EDITOR);
		String page = page(editor, "/desk/calendar?month=2025-09");
		assertThat(page).contains("lang=\"vi\"")
			.contains("Tháng 9/2025")
			.contains("Thứ Hai")
			.contains("Chủ nhật")
			.contains("href=\"/desk/calendar?month=2025-08\"")
			.contains("href=\"/desk/calendar?month=2025-10\"");
		assertThat(cell(page, "2025-09-02")).contains("02/09")
			.contains("Kỷ niệm 80 năm Ngày Quốc khánh")
			.contains("Năm tròn")
			.contains("href=\"/desk/content/new?date=2025-09-02\"");
		assertThat(bands(week(page, "2025-09-02")))
			.anySatisfy((band) -> assertThat(band).contains("443-KH/TU: Giai đoạn từ năm 2025 đến Đại hội XIV của Đảng")
				.contains("colspan=\"7\"")
				.contains("01/01/2025")
				.contains("→ 19/01/2026"));
		assertThat(cell(page, "2025-09-03")).doesNotContain("Quốc khánh");
	}

	@Test
	void aPhaseUntilAnUndatedEventIsOneOpenEndedBandPerWeekRowNotALinePerDay() throws Exception {
		MockHttpSession editor = login("lich-dai", Role.EDITOR);
		String page = page(editor, "/desk/calendar?month=2025-09");
		String phase = "ke-hoach-dai-hoi-tinh-viii: Giai đoạn từ năm 2025 đến Đại hội Đảng bộ tỉnh";
		String open = "→ đến Đại hội Đảng bộ tỉnh Bà Rịa - Vũng Tàu lần thứ VIII (chưa có ngày)";
		// September 2025 is five week rows, Monday 01/09 to Sunday 05/10.
		List<String> weeks = weeks(page);
		assertThat(weeks).hasSize(5);
		for (String week : weeks) {
			assertThat(count(week, phase)).as("the phase in one week row").isEqualTo(1);
			assertThat(days(week)).as("the days of a week row").doesNotContain(phase);
			assertThat(bands(week)).filteredOn((band) -> band.contains(phase))
				.singleElement()
				.satisfies((band) -> assertThat(band).contains("colspan=\"7\"").contains(open));
		}
		assertThat(monthList(page)).contains(phase + "</strong>:").contains("01/01/2025").contains(open);
		assertThat(count(monthList(page), phase)).isEqualTo(1);
		assertThat(count(page, phase)).isEqualTo(weeks.size() + 1);

		// A closed phase spans only its days: Wednesday 10/09 to Wednesday 17/09.
		String closed = "ke-hoach-dai-hoi-tinh-viii: Giai đoạn chuẩn bị Đại hội";
		assertThat(bands(weeks.get(1))).filteredOn((band) -> band.contains(closed))
			.singleElement()
			.satisfies((band) -> assertThat(band).contains("colspan=\"5\"")
				.contains("10/09/2025")
				.contains("→ 17/09/2025")
				.doesNotContain("chưa có ngày"));
		assertThat(bands(weeks.get(2))).filteredOn((band) -> band.contains(closed))
			.singleElement()
			.satisfies((band) -> assertThat(band).contains("colspan=\"3\"").contains("tiếp từ tuần trước"));
		assertThat(weeks.get(0)).doesNotContain(closed);
		assertThat(weeks.get(3)).doesNotContain(closed);
		assertThat(count(monthList(page), closed)).isEqualTo(1);
	}

	@Test
	void inEnglishTheCalendarShowsEnglishTitlesAndSaysTheEndIsNotDated() throws Exception {
		MockHttpSession editor = login("lich-en", Role.EDITOR);
		String page = page(editor, "/desk/calendar?month=2025-09&lang=en");
		assertThat(page).contains("lang=\"en\"")
			.contains("Plan phases this month")
			.contains("→ until 8th Congress of the Ba Ria - Vung Tau Provincial Party Organisation (no date yet)");
		assertThat(cell(page, "2025-09-02")).contains("80th anniversary of National Day (02/9/1945 - 02/9/2025)")
			.doesNotContain("Kỷ niệm");
		assertThat(cell(page(editor, "/desk/calendar?month=2026-01&lang=en"), "2026-01-20"))
			.contains("14th National Congress of the Communist Party of Viet Nam");
		assertThat(cell(page(editor, "/desk/calendar?month=2026-04&lang=en"), "2026-04-26"))
			.contains("Hung Kings Commemoration 2026")
			.contains("(10/3 lunar)");
		// The same session back in Vietnamese.
		assertThat(cell(page(editor, "/desk/calendar?month=2025-09&lang=vi"), "2025-09-02"))
			.contains("Kỷ niệm 80 năm Ngày Quốc khánh nước CHXHCN Việt Nam (02/9/1945 - 02/9/2025)");
	}

	@Test
	void aprilShowsTheLunarDateOfTheHungKingsCommemoration() throws Exception {
		MockHttpSession approver = login("lich-duyet", Role.APPROVER);
		assertThat(cell(page(approver, "/desk/calendar?month=2026-04"), "2026-04-26")).contains("Giỗ Tổ Hùng Vương")
			.contains("10/3 âm lịch");
	}

	@Test
	void contentWrittenForADayShowsOnThatDayWithItsTimeAndStatus() throws Exception {
		MockHttpSession editor = login("lich-viet", Role.EDITOR);
		this.mvc
			.perform(post("/desk/content").session(editor)
				.with(csrf(editor))
				.param("id", "tiem-chung-thang-3")
				.param("title", "Thông báo tiêm chủng tháng 3")
				.param("summary", "Lịch tiêm tháng này.")
				.param("body", "Nội dung chính.")
				.param("outlets", "feed")
				.param("when", "2031-03-08 06:30"))
			.andExpect(status().is3xxRedirection());
		String day = cell(page(editor, "/desk/calendar?month=2031-03"), "2031-03-08");
		assertThat(day).contains("06:30")
			.contains("Thông báo tiêm chủng tháng 3")
			.contains("<span class=\"badge status draft\">Nháp</span>");
		assertThat(cell(page(editor, "/desk/calendar?month=2031-03"), "2031-03-09")).doesNotContain("tiêm chủng");
	}

	@Test
	void anItemDraggedToAnotherDayMovesThereAtItsTimeAndAnApprovedOneGoesBackToReview() throws Exception {
		MockHttpSession editor = login("lich-keo", Role.EDITOR);
		MockHttpSession approver = login("lich-keo-duyet", Role.APPROVER);
		this.mvc
			.perform(post("/desk/content").session(editor)
				.with(csrf(editor))
				.param("id", "doi-ngay-hop")
				.param("title", "Họp dân khu phố 3")
				.param("body", "Kính mời bà con dự họp.")
				.param("outlets", "feed")
				.param("when", "2031-03-10 07:15")
				.param("action", "submit"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/desk/content/doi-ngay-hop/approve").session(approver).with(csrf(approver)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.store.find("doi-ngay-hop").orElseThrow().status()).isEqualTo(ContentStatus.SCHEDULED);
		String grid = cell(page(editor, "/desk/calendar?month=2031-03"), "2031-03-10");
		assertThat(grid).contains("draggable=\"true\" data-id=\"doi-ngay-hop\"");

		this.mvc
			.perform(post("/desk/calendar/move").session(editor)
				.with(csrf(editor))
				.param("id", "doi-ngay-hop")
				.param("date", "2031-03-12")
				.param("back", "/desk/calendar?month=2031-03"))
			.andExpect(redirectedUrl("/desk/calendar?month=2031-03"))
			.andExpect(flash().attributeExists("moved"));
		assertThat(page(editor, "/desk/calendar?month=2031-03")).contains(
				"Đã chuyển “Họp dân khu phố 3” sang ngày 12/03/2031, giữ nguyên giờ phát. Bài đã được duyệt nên phải gửi duyệt lại.");
		ContentItem moved = this.store.find("doi-ngay-hop").orElseThrow();
		assertThat(moved.dueAt().atZone(this.zone).toLocalDateTime())
			.isEqualTo(java.time.LocalDateTime.of(2031, 3, 12, 7, 15));
		assertThat(moved.status()).isEqualTo(ContentStatus.SUBMITTED);
		assertThat(this.jdbc.queryForList(
				"SELECT actor || ' ' || action FROM audit_entry WHERE subject = 'content:doi-ngay-hop' ORDER BY id",
				String.class))
			.endsWith("lich-keo content.update");

		// Never to a day already past, and never away from the calendar.
		this.mvc
			.perform(post("/desk/calendar/move").session(editor)
				.with(csrf(editor))
				.param("id", "doi-ngay-hop")
				.param("date", "2020-01-01")
				.param("back", "https://example.com/"))
			.andExpect(redirectedUrl("/desk/calendar"))
			.andExpect(flash().attributeExists("moveProblem"));
		assertThat(this.store.find("doi-ngay-hop").orElseThrow().dueAt()).isEqualTo(moved.dueAt());
		assertThat(page(editor, "/desk/calendar"))
			.contains("Không chuyển “Họp dân khu phố 3” sang ngày 01/01/2020 được: ngày đó đã qua.");

		// The week and the agenda show it on its new day.
		String week = page(editor, "/desk/calendar?view=week&date=2031-03-12");
		assertThat(week).contains("Tuần 10/03/2031 – 16/03/2031").contains("aria-current=\"page\">Tuần</a>");
		assertThat(cell(week, "2031-03-12")).contains("Họp dân khu phố 3");
		assertThat(cell(week, "2031-03-10")).doesNotContain("Họp dân khu phố 3");
		assertThat(week).doesNotContain("data-date=\"2031-03-17\"");
		String agenda = page(editor, "/desk/calendar?view=agenda&date=2031-03-01");
		assertThat(agenda).contains("Sắp tới: 01/03/2031 – 30/03/2031")
			.contains("<span>Thứ Tư</span>, <time datetime=\"2031-03-12\">12/03/2031</time>")
			.contains("Họp dân khu phố 3")
			.doesNotContain("<time datetime=\"2031-03-11\">");
		this.mvc.perform(get("/desk/calendar?view=nam").session(editor)).andExpect(status().isBadRequest());
	}

	@Test
	void aBadMonthIsABadRequestAndAnAnnouncerMayNotSeeTheCalendar() throws Exception {
		MockHttpSession editor = login("lich-sai", Role.EDITOR);
		this.mvc.perform(get("/desk/calendar?month=2025-13").session(editor)).andExpect(status().isBadRequest());
		this.mvc.perform(get("/desk/calendar?month=thang-chin").session(editor)).andExpect(status().isBadRequest());
		this.mvc.perform(get("/desk/calendar").session(editor)).andExpect(status().isOk());
		MockHttpSession announcer = login("lich-doc", Role.ANNOUNCER);
		this.mvc.perform(get("/desk/calendar?month=2025-09").session(announcer)).andExpect(status().isForbidden());
		this.mvc.perform(get("/desk/plans").session(announcer)).andExpect(status().isForbidden());
	}

	@Test
	void plansListAndDetailShowThePhasesAndWhatThePlanNames() throws Exception {
		MockHttpSession editor = login("ke-hoach-bt", Role.EDITOR);
		assertThat(page(editor, "/desk/plans")).contains("443-KH/TU")
			.contains("Ban Thường vụ Thành ủy Vũng Tàu")
			.contains("href=\"/desk/plans/443-kh-tu\"");
		assertThat(page(editor, "/desk/plans/443-kh-tu")).contains("Giai đoạn từ nay đến hết năm 2024")
			.contains("Giai đoạn từ năm 2025 đến Đại hội XIV của Đảng")
			.contains("31/12/2024")
			.contains("dai-hoi-xiv")
			.contains("quoc-khanh");
		this.mvc.perform(get("/desk/plans/khong-co").session(editor)).andExpect(status().isNotFound());
	}

	@Test
	void aPlansPageShowsWhatItImplementsItsRecipientsTheNextOccurrencesAndItsContent() throws Exception {
		ZonedDateTime phaseOne = ZonedDateTime.of(2024, 10, 3, 7, 0, 0, 0, this.zone);
		draft("trien-khai-443", "Triển khai Kế hoạch 443-KH/TU tại các phường", "start of phase 1 of 443-KH/TU, 07:00",
				phaseOne.toInstant());
		draft("trien-khai-83", "Triển khai Kế hoạch 83-KH/HU", "start of phase 1 of 83-kh-hu", null);
		// Quốc khánh is named by 443-KH/TU: marking it in 2025 carries the plan out; in
		// 2026,
		// after the plan's last phase ended at the XIV Congress, it does not.
		draft("quoc-khanh-2025", "Mừng Quốc khánh 2025", "anniversary quoc-khanh 2025, 1 day before",
				ZonedDateTime.of(2025, 9, 1, 6, 0, 0, 0, this.zone).toInstant());
		draft("quoc-khanh-chung", "Chuẩn bị Quốc khánh", "anniversary quoc-khanh 2026, 1 day before",
				ZonedDateTime.of(2026, 9, 1, 6, 0, 0, 0, this.zone).toInstant());
		LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
		int year = today.isAfter(LocalDate.of(today.getYear(), 9, 2)) ? today.getYear() + 1 : today.getYear();
		MockHttpSession editor = login("ke-hoach-chi-tiet", Role.EDITOR);

		String page = page(editor, "/desk/plans/443-kh-tu");

		assertThat(page).contains("Văn bản thực hiện")
			.contains("Hướng dẫn số 193-HD/BTGTU, ngày 03/10/2024 của Ban Tuyên giáo Tỉnh ủy Bà Rịa - Vũng Tàu")
			.contains("Nơi nhận")
			.contains("Ban Tuyên giáo Tỉnh ủy (b/c)")
			.contains("UBMTTQVN và các đoàn thể chính trị - xã hội TP")
			.contains("Lưu Văn phòng Thành ủy. (BTG)")
			.contains("<dd>443-KH/TU</dd>")
			.contains("<dd>Ban Thường vụ Thành ủy Vũng Tàu</dd>");
		// The copy of 443-KH/TU shows neither its place nor its date.
		assertThat(page).contains("<dt>Nơi ban hành</dt><dd>Không có</dd>")
			.contains("<dt>Ngày ban hành</dt><dd>Không có</dd>");
		assertThat(page).contains("<a href=\"/desk/calendar?month=" + year + "-09\">02/09/" + year + "</a>")
			.contains("Kỷ niệm " + (year - 1945) + " năm Ngày Quốc khánh nước CHXHCN Việt Nam")
			.contains("<a href=\"/desk/calendar?month=2026-01\">19/01/2026 – 23/01/2026</a>")
			.contains("Chưa biết ngày");
		assertThat(page)
			.contains("<a href=\"/desk/content/trien-khai-443/edit\">Triển khai Kế hoạch 443-KH/TU tại các phường</a>")
			.contains("03/10/2024 07:00")
			.contains("Nháp")
			.contains("<a href=\"/desk/content/quoc-khanh-2025/edit\">Mừng Quốc khánh 2025</a>")
			.doesNotContain("Triển khai Kế hoạch 83-KH/HU")
			.doesNotContain("Chuẩn bị Quốc khánh");

		String other = page(editor, "/desk/plans/83-kh-hu");
		assertThat(other).contains("<dt>Nơi ban hành</dt><dd>Tuy Phước</dd>")
			.contains("28/07/2023")
			.contains("Triển khai Kế hoạch 83-KH/HU")
			.doesNotContain("Triển khai Kế hoạch 443-KH/TU tại các phường");
		assertThat(section(other, "anniversaries")).contains("Không có");
		assertThat(section(other, "events")).contains("Không có");

		assertThat(page(editor, "/desk/plans/443-kh-tu?lang=en")).contains("Implements")
			.contains("Recipients")
			.contains("Next occurrence")
			.contains("Content for this plan")
			.contains("Lưu Văn phòng Thành ủy. (BTG)");
	}

	@Test
	void anUploadedPlanIsReviewedThenConfirmedIntoTheListAndAudited() throws Exception {
		MockHttpSession editor = login("nhap-bt", Role.EDITOR);
		MvcResult form = this.mvc.perform(get("/desk/plans/import").session(editor)).andReturn();
		assertThat(form.getResponse().getContentAsString()).contains("<label for=\"file\">")
			.contains("enctype=\"multipart/form-data\"");
		MockMultipartFile file = new MockMultipartFile("file", "ke-hoach-451.txt", "text/plain",
				PLAN.getBytes(StandardCharsets.UTF_8));

		this.mvc.perform(multipart("/desk/plans/import").file(file).session(editor)).andExpect(status().isForbidden());
		String review = this.mvc.perform(multipart("/desk/plans/import").file(file).session(editor).with(csrfOf(form)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(review).startsWith("/desk/plans/import/");
		MvcResult reviewPage = this.mvc.perform(get(review).session(editor)).andExpect(status().isOk()).andReturn();
		assertThat(reviewPage.getResponse().getContentAsString()).contains("Số: 451-KH/TU")
			.contains("Dòng 4")
			.contains("Cần kiểm tra (")
			.contains("number: &quot;451-KH/TU&quot;")
			.contains("Xác nhận và lưu vào lịch");
		assertThat(page(editor, "/desk/plans")).doesNotContain("451-KH/TU");

		this.mvc.perform(post(review + "/confirm").session(editor)).andExpect(status().isForbidden());
		this.mvc.perform(post(review + "/confirm").session(editor).with(csrfOf(reviewPage)))
			.andExpect(redirectedUrl("/desk/plans/451-kh-tu"));
		assertThat(page(editor, "/desk/plans")).contains("451-KH/TU");
		assertThat(page(editor, "/desk/plans/451-kh-tu")).contains("dai-hoi-xiv");
		assertThat(this.jdbc.queryForList("SELECT actor || ' ' || action FROM audit_entry WHERE subject = ?",
				String.class, review.replace("/desk/plans/import/", "plan-import:")))
			.containsExactly("nhap-bt plan-import.confirm");
	}

	@Test
	void aSecondImportOfAnExistingPlanShowsTheConflictAndMayReplaceIt() throws Exception {
		MockHttpSession editor = login("nhap-lai", Role.EDITOR);
		String again = PLAN.replace("451-KH/TU", "452-KH/TU");
		String first = upload(editor, again);
		this.mvc.perform(post(first + "/confirm").session(editor).with(csrf(editor)))
			.andExpect(redirectedUrl("/desk/plans/452-kh-tu"));
		String second = upload(editor, again);
		String conflict = this.mvc.perform(post(second + "/confirm").session(editor).with(csrf(editor)))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(conflict).contains("Lịch đã có kế hoạch “452-kh-tu”").contains("<label for=\"replace\"");
		this.mvc.perform(post(second + "/confirm").param("replace", "true").session(editor).with(csrf(editor)))
			.andExpect(redirectedUrl("/desk/plans/452-kh-tu"));
	}

	@Test
	void anEmptyFileShowsTheErrorOnTheForm() throws Exception {
		MockHttpSession editor = login("nhap-rong", Role.EDITOR);
		String page = this.mvc
			.perform(multipart("/desk/plans/import")
				.file(new MockMultipartFile("file", "rong.txt", "text/plain", new byte[0]))
				.session(editor)
				.with(csrf(editor)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"file-error\"").contains("Không đọc được tệp").contains("Tệp rong.txt rỗng");
	}

	private String upload(MockHttpSession session, String text) throws Exception {
		return this.mvc.perform(multipart("/desk/plans/import")
			.file(new MockMultipartFile("file", "ke-hoach.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8)))
			.session(session)
			.with(csrf(session))).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
	}

	/** The week rows of the grid, each with its days and its phase bands. */
	private static List<String> weeks(String page) {
		String grid = page.substring(page.indexOf("<table class=\"month\">"), page.indexOf("</table>"));
		return Arrays.stream(grid.split("<tbody")).skip(1).toList();
	}

	/** The week row holding a day. */
	private static String week(String page, String iso) {
		return weeks(page).stream()
			.filter((week) -> week.contains("date=" + iso + "\""))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no week row for " + iso));
	}

	/** The row of day cells of a week. */
	private static String days(String week) {
		return week.substring(week.indexOf("<tr class=\"days\">"), week.indexOf("</tr>"));
	}

	/** The phase bands of a week, one per row under its days. */
	private static List<String> bands(String week) {
		return Arrays.stream(week.split("<tr class=\"band-row\">")).skip(1).toList();
	}

	/** The list of the month's phases above the grid. */
	private static String monthList(String page) {
		int start = page.indexOf("<section class=\"month-phases\"");
		return page.substring(start, page.indexOf("</section>", start));
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

	/** A draft item written against {@code when}, stored as it is. */
	private void draft(String id, String title, String when, Instant dueAt) {
		ContentFixtures.store(this.store, new ContentItem(id, "default", title, "", "Nội dung.", null,
				EnumSet.of(Outlet.FEED), when, dueAt, Map.of(), ContentStatus.DRAFT, "api", Instant.now()));
	}

	/** One section of a page: from its heading's id to the section's end. */
	private static String section(String page, String id) {
		String from = page.substring(page.indexOf("id=\"" + id + "\""));
		return from.substring(0, from.indexOf("</section>"));
	}

	/** The grid cell of one day: from its opening tag to the next one. */
	private static String cell(String page, String iso) {
		return Arrays.stream(page.split("<td"))
			.filter((td) -> td.contains("date=" + iso + "\""))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no cell for " + iso));
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
		return csrfOf(this.mvc.perform(get("/desk/plans/import").session(session)).andReturn());
	}

	private static RequestPostProcessor csrfOf(MvcResult page) throws Exception {
		return DeskSessions.csrfOf(page);
	}

}
