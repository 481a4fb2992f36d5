package vn.loa.web;

import java.net.URI;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import vn.loa.accounts.Accounts;
import vn.loa.audit.AuditedChange;
import vn.loa.accounts.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log page of the desk: administrators only, newest first, filtered by actor,
 * action, subject text and days in Asia/Ho_Chi_Minh, fifty to a page.
 */
@DeskTest
class DeskAuditIntegrationTests {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	MovableClock clock;

	@Test
	void onlyAdministratorsSeeTheAuditLogAndItsLink() throws Exception {
		MockHttpSession editor = DeskSessions.login(this.mvc, this.accounts, "xem-bien-tap", Role.EDITOR);
		MockHttpSession admin = DeskSessions.login(this.mvc, this.accounts, "xem-quan-tri", Role.ADMIN);
		this.mvc.perform(get("/desk/audit").session(editor)).andExpect(status().isForbidden());
		assertThat(page(get("/desk").session(editor))).doesNotContain("href=\"/desk/audit\"")
			.doesNotContain("href=\"/desk/accounts\"");
		assertThat(page(get("/desk").session(admin))).contains("href=\"/desk/audit\">Nhật ký thay đổi</a>")
			.contains("href=\"/desk/accounts\"");
		this.mvc.perform(get("/desk/audit")).andExpect(status().is3xxRedirection());
	}

	@Test
	void anAdministratorFiltersByActorActionSubjectAndDaysInVietnam() throws Exception {
		MockHttpSession admin = DeskSessions.login(this.mvc, this.accounts, "loc-quan-tri", Role.ADMIN);
		// 23:30 on 01/09 in Hà Nội is still 01/09 there, though 16:30 UTC.
		at(2025, 9, 1, 23, 30);
		record("loc-a", "content.create", "content:loc-quoc-khanh", null, "{\"title\":\"Quốc khánh\"}");
		at(2025, 9, 2, 0, 30);
		record("loc-a", "content.update", "content:loc-quoc-khanh", "{\"title\":\"Quốc khánh\"}",
				"{\"title\":\"Quốc khánh 80 năm\"}");
		at(2025, 9, 3, 8, 0);
		record("loc-b", "content.update", "content:loc-khac", "{\"title\":\"Khác\"}", "{\"title\":\"Khác nữa\"}");

		String byActor = page(get("/desk/audit").param("actor", "loc-a").session(admin));
		assertThat(byActor).contains("2 thay đổi, trang 1/1").doesNotContain("content:loc-khac");
		assertThat(byActor.indexOf("02/09/2025 00:30:00")).isLessThan(byActor.indexOf("01/09/2025 23:30:00"));
		assertThat(byActor).contains("<summary>title: Quốc khánh → Quốc khánh 80 năm</summary>");

		String byAction = page(
				get("/desk/audit").param("action", "content.update").param("subject", "LOC-").session(admin));
		assertThat(byAction).contains("2 thay đổi").contains("content:loc-khac").contains("02/09/2025 00:30:00");

		String byDays = page(get("/desk/audit").param("subject", "loc-")
			.param("from", "02/09/2025")
			.param("to", "02/09/2025")
			.session(admin));
		assertThat(byDays).contains("1 thay đổi")
			.contains("02/09/2025 00:30:00")
			.doesNotContain("01/09/2025 23:30:00")
			.doesNotContain("03/09/2025 08:00:00")
			.contains("value=\"02/09/2025\"");
		assertThat(page(get("/desk/audit").param("subject", "loc-").param("to", "01/09/2025").session(admin)))
			.contains("1 thay đổi")
			.contains("01/09/2025 23:30:00");
	}

	@Test
	void aWrongDateIsShownBesideItsFieldAndKeptAsTyped() throws Exception {
		MockHttpSession admin = DeskSessions.login(this.mvc, this.accounts, "sai-ngay", Role.ADMIN);
		String wrong = this.mvc.perform(get("/desk/audit").param("from", "31/02/2025").session(admin))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(wrong).contains("id=\"from-error\"")
			.contains("Ngày phải có dạng dd/MM/yyyy")
			.contains("value=\"31/02/2025\"");
		String reversed = this.mvc
			.perform(get("/desk/audit").param("from", "05/09/2025").param("to", "01/09/2025").session(admin))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(reversed).contains("id=\"to-error\"").contains("Ngày kết thúc phải từ ngày bắt đầu trở đi.");
	}

	@Test
	void theLogComesFiftyToAPageNewestFirst() throws Exception {
		MockHttpSession admin = DeskSessions.login(this.mvc, this.accounts, "trang-quan-tri", Role.ADMIN);
		at(2026, 1, 5, 8, 0);
		for (int i = 1; i <= 120; i++) {
			record("trang-api", "radio.aired", "trang:" + i, null, "aired");
		}
		String first = page(get("/desk/audit").param("actor", "trang-api").session(admin));
		assertThat(first).contains("120 thay đổi, trang 1/3");
		assertThat(rows(first)).isEqualTo(50);
		assertThat(first.indexOf("trang:120<")).isLessThan(first.indexOf("trang:71<"));
		assertThat(first).doesNotContain("trang:70<").doesNotContain("rel=\"prev\"");
		Matcher next = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(first);
		assertThat(next.find()).isTrue();
		assertThat(next.group(1)).isEqualTo("/desk/audit?actor=trang-api&amp;page=2");

		String last = page(get("/desk/audit").param("actor", "trang-api").param("page", "3").session(admin));
		assertThat(last).contains("120 thay đổi, trang 3/3").contains("trang:1<").doesNotContain("trang:21<");
		assertThat(rows(last)).isEqualTo(20);
		assertThat(last).contains("href=\"/desk/audit?actor=trang-api&amp;page=2\" rel=\"prev\"")
			.doesNotContain("rel=\"next\"");
		assertThat(page(get("/desk/audit").param("actor", "trang-api").param("page", "9").session(admin)))
			.contains("trang 3/3");

		// A subject with a plus sign keeps it on the next page.
		for (int i = 1; i <= 60; i++) {
			record("trang-api", "radio.aired", "tin+" + i, null, "aired");
		}
		String plus = page(get("/desk/audit").param("subject", "tin+").session(admin));
		assertThat(plus).contains("60 thay đổi, trang 1/2");
		Matcher more = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(plus);
		assertThat(more.find()).isTrue();
		assertThat(more.group(1)).isEqualTo("/desk/audit?subject=tin%2B&amp;page=2");
		assertThat(page(get(URI.create(HtmlUtils.htmlUnescape(more.group(1)))).session(admin)))
			.contains("60 thay đổi, trang 2/2");
	}

	private void at(int year, int month, int day, int hour, int minute) {
		this.clock.set(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, VIETNAM).toInstant());
	}

	private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static int rows(String page) {
		return page.split("<details>", -1).length - 1;
	}

	/** A change some module announced, as the audit log receives it. */
	private void record(String actor, String action, String subject, String before, String after) {
		this.events.publishEvent(new Change(actor, action, subject, before, after));
	}

	private record Change(String actor, String action, String subject, String before,
			String after) implements AuditedChange {

	}

}
