package vn.loa.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import vn.loa.accounts.Accounts;
import vn.loa.accounts.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Importing a plan at the desk in Vietnamese and, with {@code ?lang=en}, in English: the
 * values read and the warnings, each with its line, and the reasons a file is refused.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:desk-plan-language;DB_CLOSE_DELAY=-1",
		"spring.quartz.auto-startup=false", "loa.api.token=desk-plan-language-token",
		"loa.secret=desk-plan-language-secret" })
@AutoConfigureMockMvc
class DeskPlanImportLanguageTests {

	private static final Path DATA = TestData.withCalendar("loa-desk-plan-language");

	/**
	 * A commune's plan with an anniversary dated 31/9 and a first phase that never says
	 * when it ends.
	 */
	private static final String PLAN = """
			ĐẢNG BỘ XÃ LONG SƠN
			Số 12-KH/ĐU          Long Sơn, ngày 05 tháng 3 năm 2025

			KẾ HOẠCH
			tuyên truyền các ngày lễ lớn năm 2025

			I. NỘI DUNG

			1. Giai đoạn 1: tuyên truyền sâu rộng trong Nhân dân.

			2. Giai đoạn từ ngày 01/8/2025 đến ngày 31/8/2025: kỷ niệm 80 năm Cách mạng tháng Tám (19/8/1945-31/9/2025).

			II. HÌNH THỨC TUYÊN TRUYỀN

			Tuyên truyền trên hệ thống đài truyền thanh xã.
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestData.register(registry, DATA);
	}

	@Test
	void theReviewPageListsTheWarningsInVietnameseWithTheirLines() throws Exception {
		MockHttpSession editor = login("nhap-viet");
		String page = page(editor, upload(editor, PLAN));

		assertThat(items(page, "warnings")).containsSubsequence(
				"Dòng 9: Giai đoạn “Giai đoạn 1” chưa có ngày kết thúc: hãy nhập ngày kết thúc.",
				"Dòng 11: Có ngày không có thật trong “19/8/1945-31/9/2025”: chưa thêm ngày kỷ niệm.");
		assertThat(items(page, "warnings")).contains("Cả văn bản: Không có mục “Nơi nhận”.");
		assertThat(section(page, "warnings")).doesNotContain("impossible date", "has no end", "dòng/line");
	}

	@Test
	void theReviewPageSummarisesWhatWasReadAboveTheDraftInVietnamese() throws Exception {
		MockHttpSession editor = login("nhap-tom-tat");
		String page = page(editor, upload(editor, PLAN));

		// First, which line was taken as the heading and why.
		assertThat(items(page, "values")).containsExactly(
				"Dòng 4: Dòng tiêu đề: “KẾ HOẠCH” — chọn vì ngay trên nó là số và ngày văn bản", "Dòng 2: Số: 12-KH/ĐU",
				"Dòng 1: Cơ quan ban hành: Đảng bộ xã Long Sơn", "Dòng 2: Ngày ban hành: 05/03/2025",
				"Dòng 5: Trích yếu: Tuyên truyền các ngày lễ lớn năm 2025",
				"Dòng 9: Giai đoạn “Giai đoạn 1”: thiếu ngày bắt đầu hoặc ngày kết thúc, chưa đưa vào lịch",
				"Dòng 11: Giai đoạn “Giai đoạn từ ngày 01/8/2025 đến ngày 31/8/2025”: từ 01/08/2025 đến 31/08/2025",
				"Dòng 11: Ngày kỷ niệm: 80 năm Ngày Cách mạng Tháng Tám thành công (mã cach-mang-thang-tam)",
				"Dòng 15: Loa phát trên đài truyền thanh (văn bản ghi: “đài truyền thanh”)");
		assertThat(page.indexOf("id=\"values\"")).isLessThan(page.indexOf("id=\"yaml\""));
		assertThat(section(page, "yaml")).contains("number: &quot;12-KH/ĐU&quot;");
	}

	@Test
	void inEnglishTheReviewPageShowsTheSameWarningsAndValuesWithTheirLines() throws Exception {
		MockHttpSession editor = login("nhap-anh");
		String page = page(editor, upload(editor, PLAN) + "?lang=en");

		assertThat(items(page, "warnings")).containsSubsequence("Line 9: Phase “Giai đoạn 1” has no end: enter one.",
				"Line 11: Impossible date in “19/8/1945-31/9/2025”: anniversary not added.");
		assertThat(items(page, "warnings")).contains("Whole document: No “Nơi nhận” list.");
		assertThat(items(page, "values")).contains(
				"Line 4: Heading: “KẾ HOẠCH”, taken because the number and date are just above it",
				"Line 2: Number: 12-KH/ĐU", "Line 2: Date: 05/03/2025",
				"Line 11: Phase “Giai đoạn từ ngày 01/8/2025 đến ngày 31/8/2025”: from 01/08/2025 to 31/08/2025");
		assertThat(page).contains("To check (").doesNotContain("Cần kiểm tra");
	}

	@Test
	void anEmptyUploadIsRefusedInTheEditorsLanguage() throws Exception {
		MockHttpSession editor = login("nhap-rong-vi");
		assertThat(refused(editor, "/desk/plans/import", "rong.txt", new byte[0]))
			.isEqualTo("Không đọc được tệp: Tệp rong.txt rỗng, không có nội dung.");
		assertThat(refused(editor, "/desk/plans/import?lang=en", "rong.txt", new byte[0]))
			.isEqualTo("The file could not be read: rong.txt is empty.");
	}

	@Test
	void anOldWordDocumentIsRefusedWithHowToSaveItAsDocx() throws Exception {
		MockHttpSession editor = login("nhap-doc");
		byte[] doc = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		assertThat(refused(editor, "/desk/plans/import", "ke-hoach.doc", doc))
			.isEqualTo("Không đọc được tệp: Tệp ke-hoach.doc là văn bản Word 97-2003 (.doc) cũ; hãy mở bằng Word, "
					+ "chọn Lưu thành (Save As) kiểu Tài liệu Word (.docx) rồi tải tệp .docx lên.");
		assertThat(refused(editor, "/desk/plans/import?lang=en", "ke-hoach.doc", doc))
			.isEqualTo("The file could not be read: ke-hoach.doc is an old Word 97-2003 document; save it as .docx "
					+ "(Word: File, Save As, Word Document) and upload that.");
	}

	@Test
	void aDraftReadBeforeItsWarningsWereKeptShowsItsReport() throws Exception {
		MockHttpSession editor = login("nhap-cu");
		String review = upload(editor, PLAN);
		this.jdbc.update("DELETE FROM plan_import_note WHERE import_id = ?",
				review.substring(review.lastIndexOf('/') + 1));
		String page = page(editor, review);
		assertThat(page).contains("Số / Number: 12-KH/ĐU (dòng/line 2)").doesNotContain("id=\"warnings\"");
	}

	@Test
	void aConfirmationThatWouldOverwriteAPlanSaysSoInTheEditorsLanguageAndKeepsTheWarnings() throws Exception {
		MockHttpSession editor = login("nhap-trung");
		String plan = PLAN.replace("12-KH/ĐU", "13-KH/ĐU");
		this.mvc.perform(post(upload(editor, plan) + "/confirm").session(editor).with(csrf(editor)))
			.andExpect(status().is3xxRedirection());
		String second = upload(editor, plan);

		String page = this.mvc.perform(post(second + "/confirm").session(editor).with(csrf(editor)))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(HtmlUtils.htmlUnescape(page)).contains("Không lưu được: Lịch đã có kế hoạch “13-kh-du”; hãy chọn "
				+ "“Thay thế kế hoạch đã có” rồi xác nhận lại để ghi đè.");
		assertThat(items(page, "warnings")).contains("Cả văn bản: Lịch đã có kế hoạch “13-kh-du” cùng mã hoặc cùng số: "
				+ "hãy thay tệp của kế hoạch đó thay vì thêm kế hoạch này.");

		String english = this.mvc.perform(post(second + "/confirm?lang=en").session(editor).with(csrf(editor)))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(HtmlUtils.htmlUnescape(english)).contains("Not stored: The calendar already holds plan “13-kh-du”; "
				+ "tick “Replace the existing plan” and confirm again to overwrite it.");
	}

	/** The error under the file field of a refused upload. */
	private String refused(MockHttpSession session, String url, String name, byte[] bytes) throws Exception {
		String page = this.mvc
			.perform(multipart(url).file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
				.session(session)
				.with(csrf(session)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher error = Pattern.compile("<p id=\"file-error\"[^>]*>([^<]*)</p>").matcher(page);
		assertThat(error.find()).as("an error under the field").isTrue();
		return HtmlUtils.htmlUnescape(error.group(1));
	}

	private String upload(MockHttpSession session, String text) throws Exception {
		return this.mvc.perform(multipart("/desk/plans/import")
			.file(new MockMultipartFile("file", "ke-hoach-12.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8)))
			.session(session)
			.with(csrf(session))).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
	}

	/** The items of a section's list as a reader sees them: tags gone, spaces joined. */
	private static List<String> items(String page, String id) {
		return Arrays.stream(section(page, id).split("<li"))
			.skip(1)
			.map((item) -> HtmlUtils.htmlUnescape(item.replaceAll("^[^>]*>", "").replaceAll("<[^>]+>", "")))
			.map((item) -> item.replaceAll("\\s+", " ").strip())
			.toList();
	}

	/** One section of a page: from its heading's id to the section's end. */
	private static String section(String page, String id) {
		String from = page.substring(page.indexOf("id=\"" + id + "\""));
		return from.substring(0, from.indexOf("</section>"));
	}

	private String page(MockHttpSession session, String url) throws Exception {
		return this.mvc.perform(get(url).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpSession login(String username) throws Exception {
		return DeskSessions.login(this.mvc, this.accounts, username, Role.EDITOR);
	}

	private RequestPostProcessor csrf(MockHttpSession session) throws Exception {
		return DeskSessions.csrfOf(this.mvc.perform(get("/desk/plans/import").session(session)).andReturn());
	}

}
