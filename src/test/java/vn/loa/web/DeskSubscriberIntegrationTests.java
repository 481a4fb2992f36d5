package vn.loa.web;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import vn.loa.accounts.Accounts;
import vn.loa.accounts.Role;
import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.SubscriberStatus;
import vn.loa.subscribers.Subscribers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The subscribers' and deliveries' desk over MockMvc: search, the add form, CSV import
 * and export, a subscriber's history, and sending failed bulletins again.
 */
@DeskTest
class DeskSubscriberIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Subscribers subscribers;

	@Test
	void editorImportsGoodRowsReportsBadLinesAndCountsDuplicates() throws Exception {
		this.subscribers.add(null, "da-co@xa.vn", "Đã Có", null, "api");
		MockHttpSession editor = login("nhap-csv");
		MvcResult page = this.mvc.perform(get("/desk/subscribers").session(editor))
			.andExpect(status().isOk())
			.andReturn();
		byte[] csv = ("\uFEFFemail,name,status\r\n" + "an@xa.vn,Nguyễn Văn An,confirmed\r\n"
				+ "khong-phai-dia-chi,Bình\r\n" + "DA-CO@xa.vn,Trùng\r\n" + "chi@xa.vn,\"Trần, Thị Chi\"\r\n")
			.getBytes(StandardCharsets.UTF_8);
		MockMultipartFile file = new MockMultipartFile("file", "ds.csv", "text/csv", csv);

		this.mvc.perform(multipart("/desk/subscribers/import").file(file).session(editor))
			.andExpect(status().isForbidden());
		String result = this.mvc
			.perform(multipart("/desk/subscribers/import").file(file).session(editor).with(csrfOf(page)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(result).contains("Đã thêm 2, trùng (bỏ qua) 1, dòng lỗi 1.").contains("Dòng 3:");
		assertThat(this.subscribers.list(null, null)).extracting(Subscriber::email)
			.contains("an@xa.vn", "chi@xa.vn")
			.doesNotContain("khong-phai-dia-chi");
		assertThat(this.subscribers.list(null, SubscriberStatus.CONFIRMED)).extracting(Subscriber::name)
			.contains("Nguyễn Văn An");
	}

	@Test
	void aFileOverTwoMegabytesIsRefused() throws Exception {
		MockHttpSession editor = login("tep-lon");
		MvcResult page = this.mvc.perform(get("/desk/subscribers").session(editor)).andReturn();
		byte[] big = new byte[2 * 1024 * 1024 + 1];
		java.util.Arrays.fill(big, (byte) 'a');
		String result = this.mvc
			.perform(multipart("/desk/subscribers/import")
				.file(new MockMultipartFile("file", "lon.csv", "text/csv", big))
				.session(editor)
				.with(csrfOf(page)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(result).contains("Tệp lớn hơn 2 MB");
	}

	@Test
	void exportRoundTripsAndNeutralisesFormulas() throws Exception {
		this.subscribers.add(null, "cong-thuc@xa.vn", "=HYPERLINK(\"http://x.test\",\"bấm\")",
				SubscriberStatus.CONFIRMED, "api");
		MockHttpSession editor = login("xuat-csv");
		MvcResult export = this.mvc.perform(get("/desk/subscribers/export").session(editor))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(export.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
		String csv = export.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("email,name,status\r\n")
			.contains("cong-thuc@xa.vn,\"'=HYPERLINK(\"\"http://x.test\"\",\"\"bấm\"\")\",confirmed");

		DeskSubscriberCsv.Parsed parsed = DeskSubscriberCsv.read(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.rows()).extracting(DeskSubscriberCsv.Row::email)
			.containsExactlyElementsOf(this.subscribers.list(null, null).stream().map(Subscriber::email).toList());
	}

	@Test
	void addFormKeepsWhatWasTypedAndShowsTheErrorNextToTheField() throws Exception {
		MockHttpSession editor = login("them-tay");
		MvcResult page = this.mvc.perform(get("/desk/subscribers").session(editor)).andReturn();
		String html = this.mvc
			.perform(post("/desk/subscribers").param("email", "sai@@dia-chi")
				.param("name", "Lê Văn Sai")
				.session(editor)
				.with(csrfOf(page)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("value=\"sai@@dia-chi\"")
			.contains("value=\"Lê Văn Sai\"")
			.contains("id=\"email-error\"")
			.contains("<label for=\"email\">Địa chỉ email</label>");

		this.mvc
			.perform(post("/desk/subscribers").param("email", "moi@xa.vn")
				.param("name", "Người Mới")
				.session(editor)
				.with(csrfOf(page)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.mvc.perform(get("/desk/subscribers").param("q", "NGƯỜI MỚI").session(editor))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("moi@xa.vn").doesNotContain("da-co@xa.vn");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					vi | sai@@dia-chi     | Lê Văn Sai | email | 'sai@@dia-chi' không phải là địa chỉ email hợp lệ.
					en | sai@@dia-chi     | Lê Văn Sai | email | 'sai@@dia-chi' is not a valid email address.
					vi | trung@xa.vn      | Trùng      | email | 'trung@xa.vn' đã có trong danh sách người nhận của đơn vị 'default'.
					en | trung@xa.vn      | Trùng      | email | 'trung@xa.vn' is already a subscriber of organisation 'default'.
					vi | ten-dai@xa.vn    | 201        | name  | Họ tên dài 201 ký tự, quá giới hạn 200 ký tự.
					en | ten-dai@xa.vn    | 201        | name  | The name is 201 characters long; the limit is 200.
					""")
	void theAddFormExplainsARefusalInThePagesLanguageNextToTheField(String lang, String email, String name,
			String field, String expected) throws Exception {
		if (this.subscribers.list(null, null).stream().noneMatch((s) -> s.email().equals("trung@xa.vn"))) {
			this.subscribers.add(null, "trung@xa.vn", "Đã Có", null, "api");
		}
		String typedName = name.equals("201") ? "Lê".repeat(100) + "n" : name;
		MockHttpSession editor = login("them-" + lang);
		MvcResult page = this.mvc.perform(get("/desk/subscribers").session(editor)).andReturn();
		String html = this.mvc
			.perform(post("/desk/subscribers").param("email", email)
				.param("name", typedName)
				.param("lang", lang)
				.session(editor)
				.with(csrfOf(page)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("lang=\"" + lang + "\"");
		Matcher error = Pattern.compile("<p class=\"error\" id=\"" + field + "-error\"[^>]*>([^<]*)</p>").matcher(html);
		assertThat(error.find()).as("an error under %s", field).isTrue();
		assertThat(HtmlUtils.htmlUnescape(error.group(1))).isEqualTo(expected);
		assertThat(HtmlUtils.htmlUnescape(html)).contains("value=\"" + email + "\"")
			.contains("value=\"" + typedName + "\"");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					vi | Dòng 2: 'khong-phai-dia-chi' không phải là địa chỉ email hợp lệ.;Dòng 3: Không có trạng thái 'vip': chỉ có pending (chờ xác nhận), confirmed (đã xác nhận) hoặc unsubscribed (đã hủy đăng ký).;Dòng 4: Có dấu ngoặc kép mở mà không đóng.;Dòng 5: Cần 2 hoặc 3 giá trị (email, họ tên, trạng thái) nhưng dòng này có 1.;Dòng 6: Hãy nhập địa chỉ email.
					en | Line 2: 'khong-phai-dia-chi' is not a valid email address.;Line 3: There is no status 'vip': only pending, confirmed or unsubscribed.;Line 4: A quote is opened and not closed.;Line 5: Expected 2 or 3 values (email, name, status) but this line has 1.;Line 6: Enter an email address.
					""")
	void anImportNamesEachRefusedLineAndWhyInThePagesLanguage(String lang, String expected) throws Exception {
		MockHttpSession editor = login("nhap-loi-" + lang);
		MvcResult page = this.mvc.perform(get("/desk/subscribers").session(editor)).andReturn();
		byte[] csv = ("email,name,status\n" + "khong-phai-dia-chi,Bình\n" + "vip-" + lang + "@xa.vn,Vip,vip\n"
				+ "\"chua-dong@xa.vn,Chưa đóng\n" + "mot-o\n" + ",Không có địa chỉ\n")
			.getBytes(StandardCharsets.UTF_8);
		String result = this.mvc
			.perform(multipart("/desk/subscribers/import")
				.file(new MockMultipartFile("file", "loi.csv", "text/csv", csv))
				.param("lang", lang)
				.session(editor)
				.with(csrfOf(page)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> lines = new ArrayList<>();
		Matcher line = Pattern.compile("<li>([^<]*)</li>").matcher(result);
		while (line.find()) {
			lines.add(HtmlUtils.htmlUnescape(line.group(1)));
		}
		assertThat(lines).containsSubsequence(expected.split(";"));
		assertThat(this.subscribers.list(null, null)).extracting(Subscriber::email)
			.doesNotContain("vip-" + lang + "@xa.vn");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			vi | Không đọc được tệp: | dòng đầu phải là dòng tiêu đề email,name,status.
			en | The file could not be read: | the first line must be the header email,name,status.
			""")
	void aFileWithoutTheHeaderIsRefusedInThePagesLanguage(String lang, String heading, String detail) throws Exception {
		MockHttpSession editor = login("nhap-sai-dau-" + lang);
		MvcResult page = this.mvc.perform(get("/desk/subscribers").session(editor)).andReturn();
		String result = this.mvc.perform(multipart("/desk/subscribers/import")
			.file(new MockMultipartFile("file", "sai.csv", "text/csv",
					"dia chi,ho ten\nan@xa.vn,An\n".getBytes(StandardCharsets.UTF_8)))
			.param("lang", lang)
			.session(editor)
			.with(csrfOf(page))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(HtmlUtils.htmlUnescape(result)).contains("<span>" + heading + "</span>")
			.contains("<span>" + detail + "</span>");
	}

	@Test
	void resendingPutsFailedDeliveriesBackInTheQueueAndShowsThemOnTheSubscriberPage() throws Exception {
		Subscriber failed = this.subscribers.add(null, "hong@xa.vn", "Hỏng", SubscriberStatus.CONFIRMED, "api");
		Subscriber sent = this.subscribers.add(null, "tot@xa.vn", "Tốt", SubscriberStatus.CONFIRMED, "api");
		delivery("ban-tin-1", failed.id(), "FAILED", "550 5.1.1 mailbox unavailable");
		delivery("ban-tin-1", sent.id(), "SENT", "250 OK");
		MockHttpSession editor = login("gui-lai");

		MvcResult page = this.mvc.perform(get("/desk/deliveries").param("item", "ban-tin-1").session(editor))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(page.getResponse().getContentAsString()).contains("550 5.1.1 mailbox unavailable")
			.contains("hong@xa.vn")
			.contains("Thất bại")
			.contains("Gửi lại 1 thư bị lỗi");
		assertThat(statusOf(failed.id())).isEqualTo("FAILED");

		this.mvc.perform(post("/desk/deliveries/resend").param("item", "ban-tin-1").session(editor))
			.andExpect(status().isForbidden());
		assertThat(statusOf(failed.id())).isEqualTo("FAILED");
		this.mvc.perform(post("/desk/deliveries/resend").param("item", "ban-tin-1").session(editor).with(csrfOf(page)))
			.andExpect(status().is3xxRedirection());
		assertThat(statusOf(failed.id())).isEqualTo("RETRYING");
		assertThat(statusOf(sent.id())).isEqualTo("SENT");
		assertThat(this.jdbc.queryForObject(
				"SELECT actor FROM audit_entry WHERE action = 'delivery.resend' AND subject = 'content:ban-tin-1'",
				String.class))
			.isEqualTo("gui-lai");

		assertThat(this.mvc.perform(get("/desk/subscribers/" + sent.id()).session(editor))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("ban-tin-1").contains("250 OK").contains("Đã gửi");
	}

	@Test
	void gettingThePagesChangesNothingAndTheEnglishBundleIsThere() throws Exception {
		Subscriber failed = this.subscribers.add(null, "chi-xem@xa.vn", "Chỉ Xem", SubscriberStatus.CONFIRMED, "api");
		delivery("ban-tin-xem", failed.id(), "FAILED", "554 refused");
		MockHttpSession editor = login("chi-xem-ban-tin");
		int audits = this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Integer.class);
		int people = this.jdbc.queryForObject("SELECT COUNT(*) FROM subscriber", Integer.class);
		for (String page : new String[] { "/desk/subscribers?status=nonsense", "/desk/subscribers/export",
				"/desk/subscribers/" + failed.id(), "/desk/deliveries?item=ban-tin-xem", "/desk/deliveries",
				"/desk/deliveries/resend?item=ban-tin-xem", "/desk/subscribers/import" }) {
			this.mvc.perform(get(page).session(editor));
		}
		assertThat(statusOf(failed.id())).isEqualTo("FAILED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Integer.class)).isEqualTo(audits);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM subscriber", Integer.class)).isEqualTo(people);

		assertThat(this.mvc
			.perform(get("/desk/deliveries").param("item", "ban-tin-xem").param("lang", "en").session(editor))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("lang=\"en\"").contains("Resend 1 failed").contains("Mail server reply");
	}

	private void delivery(String item, long subscriber, String status, String reply) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update(
				"INSERT INTO bulletin_delivery (item_id, subscriber_id, status, attempts, next_attempt_at, last_reply, "
						+ "sent_at, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)",
				item, subscriber, status, now, reply, status.equals("SENT") ? now : null, now, now);
	}

	private String statusOf(long subscriber) {
		return this.jdbc.queryForObject("SELECT status FROM bulletin_delivery WHERE subscriber_id = ?", String.class,
				subscriber);
	}

	private MockHttpSession login(String username) throws Exception {
		return DeskSessions.login(this.mvc, this.accounts, username, Role.EDITOR);
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor csrfOf(MvcResult page)
			throws Exception {
		return DeskSessions.csrfOf(page);
	}

}
