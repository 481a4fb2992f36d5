package vn.loa.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.loa.accounts.Accounts;
import vn.loa.accounts.Role;
import vn.loa.content.ContentFixtures;
import vn.loa.content.ContentItem;
import vn.loa.organisations.NewOrganisation;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentQueries;
import vn.loa.content.Outlet;
import vn.loa.publishing.Publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The desk's content pages over MockMvc: writing, submitting, approving and withdrawing
 * with each role, the form's errors and previews, CSRF and the audit log.
 */
@DeskTest
class DeskContentIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ContentQueries store;

	@Autowired
	Publisher publisher;

	@Autowired
	MovableClock clock;

	@Autowired
	vn.loa.organisations.Organisations organisations;

	@Test
	void editorWritesAndSubmitsAnItemAndEveryStepIsAudited() throws Exception {
		MockHttpSession editor = login("bt-viet", Role.EDITOR);
		String form = page(editor, "/desk/content/new?date=2031-03-08");
		assertThat(form).contains("lang=\"vi\"")
			.contains("<label for=\"title\">Tiêu đề</label>")
			.contains("<label for=\"when\">Thời điểm phát</label>")
			.contains("value=\"2031-03-08\"");

		this.mvc.perform(write(editor, "/desk/content", "viet-moi", "2031-03-08 06:00").param("action", "submit"))
			.andExpect(redirectedUrl("/desk/content/viet-moi/edit"));

		assertThat(this.store.find("viet-moi").orElseThrow().status()).isEqualTo(ContentStatus.SUBMITTED);
		assertThat(this.store.people("viet-moi").orElseThrow().createdBy()).isEqualTo("bt-viet");
		assertThat(this.store.people("viet-moi").orElseThrow().submittedBy()).isEqualTo("bt-viet");
		assertThat(audit("viet-moi")).containsExactly("bt-viet content.create", "bt-viet content.submit");
		assertThat(page(editor, "/desk/content?status=submitted")).contains("Thông báo tiêm chủng");
		assertThat(page(editor, "/desk/content?status=draft")).doesNotContain("Thông báo tiêm chủng");
		// The item's own address opens it; one that does not exist is not found.
		this.mvc.perform(get("/desk/content/viet-moi").session(editor))
			.andExpect(redirectedUrl("/desk/content/viet-moi/edit"));
		this.mvc.perform(get("/desk/content/khong-co-bai-nay").session(editor)).andExpect(status().isNotFound());
	}

	@Test
	void editorWritesAProvinceItemForAllItsCommunesAndIsWarnedThatNoStationReadsIt() throws Exception {
		MockHttpSession editor = login("bt-tinh", Role.EDITOR);
		// A province of its own: no station reads for it or its communes.
		this.organisations.create(new NewOrganisation("tinh-canh-bao", "Tỉnh Cảnh Báo", "province", null), "test");
		this.organisations.create(new NewOrganisation("tinh-canh-bao-mot", "Xã Một", "commune", "tinh-canh-bao"),
				"test");
		this.organisations.create(new NewOrganisation("tinh-canh-bao-hai", "Xã Hai", "commune", "tinh-canh-bao"),
				"test");
		this.mvc
			.perform(write(editor, "/desk/content", "tinh-ca-xa", "2031-09-01 06:00",
					Map.of("organisation", "tinh-canh-bao", "audience", "all")))
			.andExpect(redirectedUrl("/desk/content/tinh-ca-xa/edit"));
		ContentItem item = this.store.find("tinh-ca-xa").orElseThrow();
		assertThat(item.organisation()).isEqualTo("tinh-canh-bao");
		assertThat(item.audience().key()).isEqualTo("all");

		String form = page(editor, "/desk/content/tinh-ca-xa/edit");
		assertThat(form).contains("value=\"tinh-canh-bao\"")
			.containsPattern("id=\"audience-all\" value=\"all\" checked")
			.contains("tới trang tin của 3 đơn vị, 0 đài truyền thanh")
			.contains("không đơn vị nào trong danh sách nhận có đài");

		String refused = this.mvc
			.perform(write(editor, "/desk/content", "tinh-ngoai", "2031-09-01 06:00",
					Map.of("organisation", "tinh-canh-bao", "audience", "chosen", "chosen",
							"tinh-canh-bao-mot, khong-thuoc-tinh")))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("id=\"audience-error\"").contains("khong-thuoc-tinh");
		assertThat(this.store.find("tinh-ngoai")).isEmpty();
	}

	@Test
	void editorMayNotApprove() throws Exception {
		MockHttpSession editor = login("bt-khong-duyet", Role.EDITOR);
		submitted(editor, "khong-duyet", "2031-04-01 06:00");
		this.mvc.perform(post("/desk/content/khong-duyet/approve").session(editor).with(csrf(editor)))
			.andExpect(status().isForbidden());
		assertThat(this.store.find("khong-duyet").orElseThrow().status()).isEqualTo(ContentStatus.SUBMITTED);
	}

	@Test
	void approverSchedulesAnItemWithATimeAndItIsPublishedByTheNormalPath() throws Exception {
		MockHttpSession editor = login("bt-lich", Role.EDITOR);
		MockHttpSession approver = login("duyet-lich", Role.APPROVER);
		Instant due = this.clock.instant().plus(Duration.ofDays(2));
		String when = due.atZone(ZoneId.of("Asia/Ho_Chi_Minh"))
			.toLocalDateTime()
			.withSecond(0)
			.withNano(0)
			.toString()
			.replace('T', ' ');
		submitted(editor, "len-lich", when);
		assertThat(page(approver, "/desk/content/len-lich/edit")).contains("Duyệt và lên lịch");

		this.mvc.perform(post("/desk/content/len-lich/approve").session(approver).with(csrf(approver)))
			.andExpect(redirectedUrl("/desk/content/len-lich/edit"));
		assertThat(this.store.find("len-lich").orElseThrow().status()).isEqualTo(ContentStatus.SCHEDULED);
		assertThat(this.store.people("len-lich").orElseThrow().approvedBy()).isEqualTo("duyet-lich");
		assertThat(audit("len-lich")).contains("duyet-lich content.approve");

		this.clock.advance(Duration.ofDays(2));
		this.publisher.publishDue();
		assertThat(this.store.find("len-lich").orElseThrow().status()).isEqualTo(ContentStatus.PUBLISHED);
	}

	@Test
	void aPublishedItemIsCorrectedThroughReviewInsteadOfEditedAndEveryStepIsAudited() throws Exception {
		MockHttpSession editor = login("bt-dinh-chinh", Role.EDITOR);
		MockHttpSession approver = login("duyet-dinh-chinh", Role.APPROVER);
		String when = this.clock.instant()
			.plus(Duration.ofHours(1))
			.atZone(ZoneId.of("Asia/Ho_Chi_Minh"))
			.toLocalDateTime()
			.withSecond(0)
			.withNano(0)
			.toString()
			.replace('T', ' ');
		submitted(editor, "da-phat-sua", when);
		this.mvc.perform(post("/desk/content/da-phat-sua/approve").session(approver).with(csrf(approver)))
			.andExpect(status().is3xxRedirection());
		this.clock.advance(Duration.ofHours(1));
		this.publisher.publishDue();
		assertThat(this.store.find("da-phat-sua").orElseThrow().status()).isEqualTo(ContentStatus.PUBLISHED);

		// A published item's form offers no Save: it offers a correction.
		String form = page(editor, "/desk/content/da-phat-sua/edit");
		assertThat(form).doesNotContain("value=\"save\"", "value=\"submit\"")
			.contains("Bài đã phát nên không sửa trực tiếp được")
			.contains("href=\"/desk/content/da-phat-sua/correct\"");
		assertThat(page(editor, "/desk/content/da-phat-sua/correct")).contains("Ghi chú đính chính")
			.contains("value=\"Thông báo tiêm chủng\"");

		// Without a note, the form says what is missing and nothing changes.
		String refused = this.mvc
			.perform(post("/desk/content/da-phat-sua/correct").session(editor)
				.with(csrf(editor))
				.param("title", "Thông báo tiêm chủng đợt 2")
				.param("body", "Nội dung **chính**.")
				.param("note", " "))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fieldError(refused, "note"))
			.isEqualTo("Hãy ghi rõ đính chính sửa gì và vì sao (người đọc sẽ thấy ghi chú này).");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM content_correction WHERE item_id = 'da-phat-sua'",
				Integer.class))
			.isZero();

		this.mvc
			.perform(post("/desk/content/da-phat-sua/correct").session(editor)
				.with(csrf(editor))
				.param("title", "Thông báo tiêm chủng đợt 2")
				.param("summary", "Lịch tiêm tháng này.")
				.param("body", "Nội dung **chính**.")
				.param("radioScript", "Mời bà con đưa trẻ đi tiêm.")
				.param("note", "Sửa tên đợt tiêm: đợt 2."))
			.andExpect(redirectedUrl("/desk/content/da-phat-sua/edit#corrections"));
		// Waiting for review: the item still says what it said.
		assertThat(this.store.find("da-phat-sua").orElseThrow().title()).isEqualTo("Thông báo tiêm chủng");
		String waiting = page(editor, "/desk/content/da-phat-sua/edit");
		assertThat(waiting).contains("Đính chính số 1", "Chờ duyệt", "Sửa tên đợt tiêm: đợt 2.")
			.contains("Tiêu đề: “Thông báo tiêm chủng” → “Thông báo tiêm chủng đợt 2”")
			.doesNotContain("href=\"/desk/content/da-phat-sua/correct\"", "/corrections/1/approve");
		// An editor may not apply it.
		this.mvc.perform(post("/desk/content/da-phat-sua/corrections/1/approve").session(editor).with(csrf(editor)))
			.andExpect(status().isForbidden());

		assertThat(page(approver, "/desk/content/da-phat-sua/edit")).contains("/corrections/1/approve");
		this.mvc.perform(post("/desk/content/da-phat-sua/corrections/1/approve").session(approver).with(csrf(approver)))
			.andExpect(redirectedUrl("/desk/content/da-phat-sua/edit#corrections"));
		ContentItem corrected = this.store.find("da-phat-sua").orElseThrow();
		assertThat(corrected.title()).isEqualTo("Thông báo tiêm chủng đợt 2");
		assertThat(corrected.status()).isEqualTo(ContentStatus.PUBLISHED);
		assertThat(page(editor, "/desk/content/da-phat-sua/edit")).contains("Đã áp dụng", "Xử lý bởi duyet-dinh-chinh");
		assertThat(audit("da-phat-sua")).contains("bt-dinh-chinh content.correction.propose",
				"duyet-dinh-chinh content.correct");

		// An approver may not apply their own correction; they may refuse it.
		this.mvc
			.perform(post("/desk/content/da-phat-sua/correct").session(approver)
				.with(csrf(approver))
				.param("title", "Thông báo tiêm chủng đợt 3")
				.param("body", "Nội dung **chính**.")
				.param("note", "Sửa tên đợt tiêm: đợt 3."))
			.andExpect(status().is3xxRedirection());
		String own = this.mvc
			.perform(post("/desk/content/da-phat-sua/corrections/2/approve").session(approver).with(csrf(approver)))
			.andExpect(redirectedUrl("/desk/content/da-phat-sua/edit#corrections"))
			.andReturn()
			.getFlashMap()
			.get("correctionProblem")
			.toString();
		assertThat(own).isEqualTo("Người duyệt không được tự duyệt bài do chính mình viết hoặc gửi duyệt.");
		assertThat(this.store.find("da-phat-sua").orElseThrow().title()).isEqualTo("Thông báo tiêm chủng đợt 2");
		this.mvc.perform(post("/desk/content/da-phat-sua/corrections/2/refuse").session(approver).with(csrf(approver)))
			.andExpect(status().is3xxRedirection());
		assertThat(page(editor, "/desk/content/da-phat-sua/edit")).contains("Đã từ chối")
			.contains("href=\"/desk/content/da-phat-sua/correct\"");
		assertThat(this.store.find("da-phat-sua").orElseThrow().title()).isEqualTo("Thông báo tiêm chủng đợt 2");
		assertThat(audit("da-phat-sua")).contains("duyet-dinh-chinh content.correction.refuse");
	}

	@Test
	void approverWithoutATimeLeavesTheItemApprovedAndAnEditSendsItBackToReview() throws Exception {
		MockHttpSession editor = login("bt-sua", Role.EDITOR);
		MockHttpSession approver = login("duyet-sua", Role.APPROVER);
		submitted(editor, "chua-co-gio", "");
		this.mvc.perform(post("/desk/content/chua-co-gio/approve").session(approver).with(csrf(approver)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.store.find("chua-co-gio").orElseThrow().status()).isEqualTo(ContentStatus.APPROVED);

		this.mvc.perform(write(editor, "/desk/content/chua-co-gio", null, "2031-05-01 06:00"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.store.find("chua-co-gio").orElseThrow().status()).isEqualTo(ContentStatus.SUBMITTED);
		assertThat(audit("chua-co-gio")).contains("bt-sua content.update");
	}

	@Test
	void approverMayNotApproveTheirOwnItem() throws Exception {
		MockHttpSession approver = login("duyet-minh", Role.APPROVER);
		submitted(approver, "cua-minh", "2031-06-01 06:00");
		String refused = this.mvc.perform(post("/desk/content/cua-minh/approve").session(approver).with(csrf(approver)))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(HtmlUtils.htmlUnescape(refused))
			.contains("Không thực hiện được: Người duyệt không được tự duyệt bài do chính mình viết hoặc gửi duyệt.");
		assertThat(this.store.find("cua-minh").orElseThrow().status()).isEqualTo(ContentStatus.SUBMITTED);
	}

	@Test
	void anApproverWhoEditsAnItemUnderReviewMayNotApproveItThen() throws Exception {
		MockHttpSession editor = login("bt-goc", Role.EDITOR);
		MockHttpSession approver = login("duyet-sua-roi", Role.APPROVER);
		submitted(editor, "duyet-sau-khi-sua", "2031-06-02 06:00");
		this.mvc.perform(write(approver, "/desk/content/duyet-sau-khi-sua", null, "2031-06-02 07:00"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.store.people("duyet-sau-khi-sua").orElseThrow().submittedBy()).isEqualTo("duyet-sua-roi");
		this.mvc.perform(post("/desk/content/duyet-sau-khi-sua/approve").session(approver).with(csrf(approver)))
			.andExpect(status().isForbidden());
	}

	@Test
	void anApprovalOfAPageOpenedBeforeAnEditIsRefusedAndShowsTheCurrentText() throws Exception {
		MockHttpSession editor = login("bt-sua-sau", Role.EDITOR);
		MockHttpSession approver = login("duyet-ban-cu", Role.APPROVER);
		this.mvc
			.perform(write(editor, "/desk/content", "ban-cu", "2031-06-03 06:00",
					Map.of("title", "Bản đầu", "action", "submit")))
			.andExpect(status().is3xxRedirection());
		String opened = page(approver, "/desk/content/ban-cu/edit");
		String seen = approveVersion(opened);

		// The editor changes the text while the approver is still reading the old one.
		this.mvc
			.perform(write(editor, "/desk/content/ban-cu", null, "2031-06-03 06:00",
					Map.of("title", "Bản đã sửa", "version", formVersion(page(editor, "/desk/content/ban-cu/edit")))))
			.andExpect(status().is3xxRedirection());

		String refused = this.mvc
			.perform(post("/desk/content/ban-cu/approve").session(approver).with(csrf(approver)).param("version", seen))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Bài đã được người khác thay đổi sau khi bạn mở").contains("Bản đã sửa");
		assertThat(this.store.find("ban-cu").orElseThrow().status()).isEqualTo(ContentStatus.SUBMITTED);
		assertThat(audit("ban-cu")).doesNotContain("duyet-ban-cu content.approve");

		// Having read the new text, the approver approves it.
		this.mvc
			.perform(post("/desk/content/ban-cu/approve").session(approver)
				.with(csrf(approver))
				.param("version", approveVersion(refused)))
			.andExpect(redirectedUrl("/desk/content/ban-cu/edit"));
		ContentItem approved = this.store.find("ban-cu").orElseThrow();
		assertThat(approved.status()).isEqualTo(ContentStatus.SCHEDULED);
		assertThat(approved.title()).isEqualTo("Bản đã sửa");
	}

	@Test
	void aSecondEditorSavingAnOlderVersionIsToldAndKeepsWhatTheyTyped() throws Exception {
		MockHttpSession first = login("bt-truoc", Role.EDITOR);
		MockHttpSession second = login("bt-sau", Role.EDITOR);
		this.mvc
			.perform(write(first, "/desk/content", "hai-nguoi", "2031-06-04 06:00", Map.of("title", "Bản đầu tiên")))
			.andExpect(status().is3xxRedirection());
		String version = formVersion(page(first, "/desk/content/hai-nguoi/edit"));
		assertThat(formVersion(page(second, "/desk/content/hai-nguoi/edit"))).isEqualTo(version);

		this.mvc
			.perform(write(first, "/desk/content/hai-nguoi", null, "2031-06-04 06:00",
					Map.of("title", "Bản người trước", "version", version)))
			.andExpect(status().is3xxRedirection());
		String refused = this.mvc
			.perform(write(second, "/desk/content/hai-nguoi", null, "2031-06-04 06:00",
					Map.of("title", "Bản người sau", "version", version)))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Bài đã được người khác thay đổi sau khi bạn mở")
			.contains("value=\"Bản người sau\"");
		assertThat(this.store.find("hai-nguoi").orElseThrow().title()).isEqualTo("Bản người trước");

		// Saving again from the page that said so is a deliberate overwrite.
		this.mvc
			.perform(write(second, "/desk/content/hai-nguoi", null, "2031-06-04 06:00",
					Map.of("title", "Bản người sau", "version", formVersion(refused))))
			.andExpect(status().is3xxRedirection());
		assertThat(this.store.find("hai-nguoi").orElseThrow().title()).isEqualTo("Bản người sau");
	}

	@Test
	void theRadioPreviewWeighsTheScriptAgainstItsSlot() throws Exception {
		MockHttpSession editor = login("bt-khung", Role.EDITOR);
		this.mvc.perform(write(editor, "/desk/content", "vua-khung", "2031-03-09 05:30", Map.of("title", "Vừa khung")))
			.andExpect(status().is3xxRedirection());
		assertThat(page(editor, "/desk/content/vua-khung/edit"))
			.contains("khung 06:00 ngày 09/03/2031 (30 phút): đã xếp 0:00, bài này 0:02, còn trống 29:58.");
		// Once queued, the item counts once: only the other item's minute is "queued".
		for (String[] entry : new String[][] { { "vua-khung", "2" }, { "bai-khac", "60" } }) {
			this.jdbc.update("INSERT INTO radio_entry (station_id, item_id, slot_date, slot_time, slot_order, title, "
					+ "script, syllables, reading_seconds, status, queued_at, updated_at) VALUES ('default', ?, "
					+ "DATE '2031-03-09', TIME '06:00:00', 1, 'Bài', 'Kính thưa bà con.', 4, ?, 'QUEUED', "
					+ "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", entry[0], Integer.parseInt(entry[1]));
		}
		assertThat(page(editor, "/desk/content/vua-khung/edit"))
			.contains("khung 06:00 ngày 09/03/2031 (30 phút): đã xếp 1:00, bài này 0:02, còn trống 28:58.");

		// 6,200 syllables at 200 a minute: 31 minutes, one more than the slot has.
		this.mvc
			.perform(write(editor, "/desk/content", "qua-khung", "2031-03-09 16:00",
					Map.of("title", "Quá khung", "radioScript", "bà con ".repeat(3100))))
			.andExpect(status().is3xxRedirection());
		assertThat(page(editor, "/desk/content/qua-khung/edit"))
			.contains("khung 17:00 ngày 09/03/2031 (30 phút): đã xếp 0:00, bài này 31:00, vượt quá 1:00.");
	}

	@Test
	void theListShowsTheItemsThatCarryOutAPlan() throws Exception {
		MockHttpSession editor = login("bt-ke-hoach", Role.EDITOR);
		this.mvc
			.perform(write(editor, "/desk/content", "theo-giai-doan", "start of phase 2 of 443-KH/TU, 07:00",
					Map.of("title", "Mở đầu giai đoạn hai")))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(write(editor, "/desk/content", "ngoai-ke-hoach", "2031-06-05 06:00",
					Map.of("title", "Lịch cắt điện")))
			.andExpect(status().is3xxRedirection());
		String list = page(editor, "/desk/content?plan=443-kh-tu");
		assertThat(list).contains("Mở đầu giai đoạn hai")
			.doesNotContain("Lịch cắt điện")
			.contains("<option value=\"443-kh-tu\" selected=\"selected\">");
		assertThat(page(editor, "/desk/content?from=2025-01-01&to=2031-06-05")).contains("Mở đầu giai đoạn hai")
			.contains("Lịch cắt điện");
	}

	@Test
	void theListPagesThroughEveryMatchingItemLatestFirstKeepingItsFilters() throws Exception {
		MockHttpSession editor = login("bt-trang", Role.EDITOR);
		ZonedDateTime first = ZonedDateTime.of(2040, 1, 1, 6, 0, 0, 0, ZoneId.of("Asia/Ho_Chi_Minh"));
		for (int day = 0; day < 55; day++) {
			Set<Outlet> outlets = (day % 5 == 0) ? EnumSet.of(Outlet.EMAIL) : EnumSet.of(Outlet.FEED, Outlet.RADIO);
			ContentFixtures.store(this.store,
					new ContentItem("trang-" + day, "default", "Bản tin ngày " + (day + 1), "", "Nội dung.", null,
							outlets, "2040", first.plusDays(day).toInstant(), Map.of(), ContentStatus.SCHEDULED, "api",
							null));
		}
		String filter = "/desk/content?from=2040-01-01&to=2040-12-31";

		String one = page(editor, filter);
		List<String> titles = titles(one);
		assertThat(titles).hasSize(DeskContentController.PAGE_SIZE)
			.startsWith("Bản tin ngày 55", "Bản tin ngày 54")
			.endsWith("Bản tin ngày 6");
		assertThat(one).contains("55 nội dung · trang 1 / 2")
			.contains(
					"href=\"/desk/content?status=&amp;outlet=&amp;plan=&amp;from=2040-01-01&amp;to=2040-12-31&amp;page=2\"");
		assertThat(titles(page(editor, filter + "&page=2"))).containsExactly("Bản tin ngày 5", "Bản tin ngày 4",
				"Bản tin ngày 3", "Bản tin ngày 2", "Bản tin ngày 1");
		// A page past the end shows the last one; the outlet is filtered before paging.
		assertThat(titles(page(editor, filter + "&page=9"))).hasSize(5);
		assertThat(titles(page(editor, filter + "&outlet=email"))).hasSize(11)
			.startsWith("Bản tin ngày 51", "Bản tin ngày 46");
	}

	@Test
	void anInvalidWhenKeepsWhatWasTypedAndShowsTheMessageNextToTheField() throws Exception {
		MockHttpSession editor = login("bt-loi", Role.EDITOR);
		String page = this.mvc.perform(write(editor, "/desk/content", "sai-gio", "anniversary khong-co-ngay 2031"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("value=\"anniversary khong-co-ngay 2031\"")
			.contains("value=\"Thông báo tiêm chủng\"")
			.contains("id=\"when-error\"")
			.contains("aria-invalid=\"true\"")
			.contains("Nội dung **chính**.");
		assertThat(this.store.find("sai-gio")).isEmpty();
	}

	@ParameterizedTest(name = "{0} {1}={2}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					vi | when  | anniversary khong-co-ngay 2031 | Không có ngày kỷ niệm nào mã 'khong-co-ngay'.
					en | when  | anniversary khong-co-ngay 2031 | There is no anniversary with id 'khong-co-ngay'.
					vi | when  | next tuesday                   | Không đọc được thời điểm 'next tuesday': hãy viết như 06:00 ngày 02/9/2025, 06:00, 1 ngày trước Kỷ niệm Quốc khánh 2025, 07:00 ngày bắt đầu giai đoạn 2 của 443-KH/TU hoặc ngày khai mạc Đại hội XIV
					en | when  | next tuesday                   | Cannot read the time 'next tuesday': write it like 2025-09-02 06:00 or anniversary quoc-khanh 2025, 1 day before, 06:00
					vi | when  | 30/02/2031 06:00               | Không có ngày '30/02/2031 06:00' trên lịch: hãy kiểm tra lại ngày và tháng.
					vi | when  | 2031-03-08 24:00               | Không có giờ '24:00' (trong '2031-03-08 24:00'): giờ phải từ 00:00 đến 23:59.
					en | when  | anniversary quoc-khanh 1940    | Anniversary 'quoc-khanh' does not fall in 1940.
					vi | when  | anniversary quoc-khanh 1940    | Ngày kỷ niệm 'quoc-khanh' không có dịp nào trong năm 1940.
					vi | title | Kỷ niệm 81 năm Quốc khánh (02/9/1945 - 02/9/2025) | '81 năm Quốc khánh (02/9/1945 - 02/9/2025)' ghi 81 năm nhưng hai mốc ngày cách nhau 80 năm.
					vi | body  | Mừng 80 năm (02/9/1945 - 03/9/2025). | '80 năm (02/9/1945 - 03/9/2025)' tính từ và đến hai ngày khác nhau trong năm: hai mốc phải cùng ngày, cùng tháng.
					en | body  | Mừng 80 năm (02/9/1945 - 03/9/2025). | '80 năm (02/9/1945 - 03/9/2025)' counts from and to different days of the year: both dates must share the day and the month.
					vi | title | " "                            | Hãy nhập tiêu đề.
					en | title | " "                            | Enter a title.
					vi | id    | Bai Sai                        | Mã 'Bai Sai' không dùng được: mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối, bắt đầu bằng chữ hoặc số, dài tối đa 120 ký tự.
					""")
	void aRefusedFieldIsExplainedNextToItInThePagesLanguageAndKeepsWhatWasTyped(String lang, String field, String typed,
			String expected) throws Exception {
		MockHttpSession editor = login("bt-ngon-ngu", Role.EDITOR);
		String id = "loi-" + Math.abs((lang + field + typed).hashCode());
		Map<String, String> fields = new LinkedHashMap<>(Map.of("lang", lang));
		if (!field.equals("id") && !field.equals("when")) {
			fields.put(field, typed);
		}
		String page = this.mvc
			.perform(write(editor, "/desk/content", field.equals("id") ? typed : id,
					field.equals("when") ? typed : "2031-03-08 06:00", fields))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("lang=\"" + lang + "\"");
		assertThat(fieldError(page, field)).isEqualTo(expected);
		assertThat(HtmlUtils.htmlUnescape(page))
			.contains(field.equals("body") ? ">" + typed + "</textarea>" : "value=\"" + typed + "\"");
		assertThat(this.store.find(id)).isEmpty();
	}

	@Test
	void whatAnEditorTypedIsQuotedBackAsTextNeverAsMarkup() throws Exception {
		MockHttpSession editor = login("bt-ma-doc", Role.EDITOR);
		String page = this.mvc
			.perform(write(editor, "/desk/content", "ma-doc", "anniversary <img src=x onerror=alert(1)> 2031"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
		assertThat(fieldError(page, "when"))
			.isEqualTo("Không đọc được thời điểm 'anniversary <img src=x onerror=alert(1)> 2031': "
					+ "hãy viết như 06:00 ngày 02/9/2025, 06:00, 1 ngày trước Kỷ niệm Quốc khánh 2025, 07:00 ngày bắt đầu giai đoạn 2 của 443-KH/TU hoặc ngày khai mạc Đại hội XIV");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					vi | Không thực hiện được: Bài 'gui-hai-lan-vi' đang ở trạng thái “Chờ duyệt”; bước này chỉ làm được khi bài ở trạng thái “Nháp”.
					en | Not done: Item 'gui-hai-lan-en' is “Awaiting review”; this step can only be taken when it is “Draft”.
					""")
	void aStepTheItemIsNotReadyForIsRefusedInThePagesLanguage(String lang, String expected) throws Exception {
		MockHttpSession editor = login("bt-gui-hai-lan", Role.EDITOR);
		submitted(editor, "gui-hai-lan-" + lang, "2031-07-01 06:00");
		String page = this.mvc
			.perform(post("/desk/content/gui-hai-lan-" + lang + "/submit").param("lang", lang)
				.session(editor)
				.with(csrf(editor)))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(alerts(page)).contains(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			vi | Không thực hiện được: Người duyệt không được tự duyệt bài do chính mình viết hoặc gửi duyệt.
			en | Not done: An approver may not approve their own item (one they wrote or submitted).
			""")
	void anApproverIsToldInThePagesLanguageWhyTheirOwnItemIsNotApproved(String lang, String expected) throws Exception {
		MockHttpSession approver = login("duyet-cua-minh-" + lang, Role.APPROVER);
		submitted(approver, "tu-duyet-" + lang, "2031-07-02 06:00");
		String page = this.mvc
			.perform(post("/desk/content/tu-duyet-" + lang + "/approve").param("lang", lang)
				.session(approver)
				.with(csrf(approver)))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(alerts(page)).contains(expected);
	}

	@Test
	void aTakenIdIsNamedNextToTheIdField() throws Exception {
		MockHttpSession editor = login("bt-trung-ma", Role.EDITOR);
		this.mvc.perform(write(editor, "/desk/content", "trung-ma", "2031-07-03 06:00"))
			.andExpect(status().is3xxRedirection());
		String page = this.mvc.perform(write(editor, "/desk/content", "trung-ma", "2031-07-03 06:00"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fieldError(page, "id"))
			.isEqualTo("Đã có bài mang mã 'trung-ma'; hãy chọn mã khác hoặc để trống để tạo mã từ tiêu đề.");
	}

	@Test
	void previewsShowTheFeedTheEmailAndTheRadioScriptWithItsReadingTime() throws Exception {
		MockHttpSession editor = login("bt-xem", Role.EDITOR);
		submitted(editor, "xem-truoc", "");
		String page = page(editor, "/desk/content/xem-truoc/edit");
		assertThat(page).contains("<strong>chính</strong>")
			.contains("Mời bà con đưa trẻ đi tiêm")
			.contains("7 âm tiết, khoảng 2 giây đọc");
	}

	@Test
	void previewingShowsTheBulletinAsItArrivesAndStoresNothing() throws Exception {
		MockHttpSession editor = login("bt-xem-thu", Role.EDITOR);
		String page = this.mvc
			.perform(write(editor, "/desk/content", "chi-xem-thu", "2031-06-06 06:00",
					Map.of("title", "Thư xem trước", "body", "Mời **bà con** dự họp.", "action", "preview")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher srcdoc = Pattern.compile("srcdoc=\"([^\"]*)\"").matcher(page);
		assertThat(srcdoc.find()).isTrue();
		String html = HtmlUtils.htmlUnescape(srcdoc.group(1));
		assertThat(html).contains("<h1 style=\"font-size:22px;margin:0 0 16px;\">Thư xem trước</h1>")
			.contains("<strong>bà con</strong>")
			.contains("Hủy đăng ký");
		assertThat(page).contains("<strong>Thư xem trước</strong>")
			.contains("Thư xem trước\n\nLịch tiêm tháng này.\n\nMời bà con dự họp.")
			.contains("value=\"Thư xem trước\"");
		assertThat(this.store.find("chi-xem-thu")).isEmpty();
	}

	@Test
	void withdrawingIsAudited() throws Exception {
		MockHttpSession editor = login("bt-rut", Role.EDITOR);
		submitted(editor, "rut-lai", "2031-07-01 06:00");
		this.mvc.perform(post("/desk/content/rut-lai/withdraw").session(editor).with(csrf(editor)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.store.find("rut-lai").orElseThrow().status()).isEqualTo(ContentStatus.WITHDRAWN);
		assertThat(audit("rut-lai")).contains("bt-rut content.withdraw");
	}

	@Test
	void postingWithoutTheCsrfTokenIsForbidden() throws Exception {
		MockHttpSession editor = login("bt-csrf", Role.EDITOR);
		this.mvc
			.perform(post("/desk/content").session(editor)
				.param("title", "Không CSRF")
				.param("body", "x")
				.param("outlets", "feed"))
			.andExpect(status().isForbidden());
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM content_item WHERE title = 'Không CSRF'", Integer.class))
			.isZero();
	}

	@Test
	void announcersMayNotOpenTheContentPages() throws Exception {
		MockHttpSession announcer = login("doc-dai", Role.ANNOUNCER);
		this.mvc.perform(get("/desk/content").session(announcer)).andExpect(status().isForbidden());
		this.mvc.perform(get("/desk/content/new").session(announcer)).andExpect(status().isForbidden());
	}

	@Test
	void gettingThePagesChangesNothing() throws Exception {
		MockHttpSession editor = login("bt-chi-xem", Role.EDITOR);
		submitted(editor, "chi-xem", "2031-08-01 06:00");
		int audits = this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Integer.class);
		List<Map<String, Object>> items = this.jdbc.queryForList("SELECT * FROM content_item ORDER BY id");
		for (String page : new String[] { "/desk/content", "/desk/content?status=submitted&outlet=feed",
				"/desk/content/new", "/desk/content/chi-xem/edit", "/desk/content/chi-xem/approve",
				"/desk/content/chi-xem/withdraw", "/desk/content/chi-xem/submit" }) {
			this.mvc.perform(get(page).session(editor));
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Integer.class)).isEqualTo(audits);
		assertThat(this.jdbc.queryForList("SELECT * FROM content_item ORDER BY id")).isEqualTo(items);
	}

	private void submitted(MockHttpSession session, String id, String when) throws Exception {
		this.mvc.perform(write(session, "/desk/content", id, when).param("action", "submit"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.store.find(id).orElseThrow().status()).isEqualTo(ContentStatus.SUBMITTED);
	}

	private MockHttpServletRequestBuilder write(MockHttpSession session, String path, String id, String when)
			throws Exception {
		return write(session, path, id, when, Map.of());
	}

	/** The form as an editor fills it, with some fields typed differently. */
	private MockHttpServletRequestBuilder write(MockHttpSession session, String path, String id, String when,
			Map<String, String> typed) throws Exception {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("title", "Thông báo tiêm chủng");
		fields.put("summary", "Lịch tiêm tháng này.");
		fields.put("body", "Nội dung **chính**.");
		fields.put("when", when);
		fields.put("radioScript", "Mời bà con đưa trẻ đi tiêm.");
		fields.putAll(typed);
		MockHttpServletRequestBuilder request = post(path).session(session)
			.with(csrf(session))
			.param("outlets", "feed", "radio");
		fields.forEach(request::param);
		return (id != null) ? request.param("id", id) : request;
	}

	/** The text shown under {@code field}, as a reader sees it. */
	private static String fieldError(String page, String field) {
		Matcher error = Pattern.compile("<p id=\"" + field + "-error\"[^>]*>([^<]*)</p>").matcher(page);
		assertThat(error.find()).as("an error under %s", field).isTrue();
		return HtmlUtils.htmlUnescape(error.group(1));
	}

	/** The texts of the page's alerts, as a reader sees them. */
	private static List<String> alerts(String page) {
		Matcher alert = Pattern.compile("<p class=\"error\" role=\"alert\"[^>]*>([^<]*)</p>").matcher(page);
		List<String> texts = new ArrayList<>();
		while (alert.find()) {
			texts.add(HtmlUtils.htmlUnescape(alert.group(1)));
		}
		return texts;
	}

	/** The titles in the list, in its order. */
	private static List<String> titles(String page) {
		Matcher title = Pattern.compile("<a href=\"/desk/content/[^\"]+/edit\">([^<]*)</a>").matcher(page);
		List<String> titles = new ArrayList<>();
		while (title.find()) {
			titles.add(title.group(1));
		}
		return titles;
	}

	/** The revision the edit form carries. */
	private static String formVersion(String page) {
		Matcher version = Pattern.compile("<input type=\"hidden\" name=\"version\" value=\"([^\"]*)\"").matcher(page);
		assertThat(version.find()).as("the form carries its version").isTrue();
		return version.group(1);
	}

	/** The revision the approve form carries. */
	private static String approveVersion(String page) {
		int form = page.indexOf("/approve\"");
		assertThat(form).as("the page has an approve form").isPositive();
		return formVersion(page.substring(form));
	}

	private List<String> audit(String id) {
		return this.jdbc.queryForList("SELECT actor || ' ' || action FROM audit_entry WHERE subject = ? ORDER BY id",
				String.class, "content:" + id);
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return this.mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpSession login(String username, Role role) throws Exception {
		return DeskSessions.login(this.mvc, this.accounts, username, role);
	}

	/** The CSRF token of a desk form, as a browser would send it back. */
	private RequestPostProcessor csrf(MockHttpSession session) throws Exception {
		return csrfOf(this.mvc.perform(get("/desk").session(session)).andReturn());
	}

	private static RequestPostProcessor csrfOf(MvcResult page) throws Exception {
		return DeskSessions.csrfOf(page);
	}

}
