package vn.loa.web;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.loa.accounts.Accounts;
import vn.loa.accounts.Role;
import vn.loa.channels.radio.RadioQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The announcers' radio desk over MockMvc: the rundown with its overruns, marking entries
 * with the CSRF token and an audit entry, the large-print sheet, and what an announcer
 * may not open.
 */
@DeskTest
class DeskRadioIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RadioQueue queue;

	@Test
	void announcerSeesTheRundownWithOverrunsAndMarksAnEntryAired() throws Exception {
		long first = entry("doc-1", 1, "Thông báo tiêm chủng", 1200);
		long second = entry("doc-2", 2, "Lịch cắt điện", 900);
		MockHttpSession announcer = login("doc-ban-tin", Role.ANNOUNCER);

		MvcResult page = this.mvc.perform(get("/desk/radio").session(announcer)).andExpect(status().isOk()).andReturn();
		String html = page.getResponse().getContentAsString();
		assertThat(html).contains("Đài truyền thanh")
			.contains("Thông báo tiêm chủng")
			.contains("35:00")
			.contains("Quá giờ")
			.contains("action=\"/desk/radio/entries/" + first + "/aired\"")
			.contains("name=\"_csrf\"");

		this.mvc.perform(post("/desk/radio/entries/" + first + "/aired").session(announcer))
			.andExpect(status().isForbidden());
		assertThat(statusOf(first)).isEqualTo("QUEUED");

		this.mvc.perform(post("/desk/radio/entries/" + first + "/aired").session(announcer).with(csrfOf(page)))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/desk/radio/entries/" + second + "/skipped").session(announcer).with(csrfOf(page)))
			.andExpect(status().is3xxRedirection());
		assertThat(statusOf(first)).isEqualTo("AIRED");
		assertThat(statusOf(second)).isEqualTo("SKIPPED");
		assertThat(
				this.jdbc.queryForObject("SELECT actor FROM audit_entry WHERE action = 'radio.aired' AND subject = ?",
						String.class, "radio-entry:" + first))
			.isEqualTo("doc-ban-tin");
	}

	@Test
	void largePrintSheetHasEveryEntryOfTheDayInReadingOrder() throws Exception {
		entry("in-1", 1, "Tin thứ nhất", 60, LocalTime.of(17, 0));
		entry("in-2", 2, "Tin thứ hai", 60, LocalTime.of(17, 0));
		MockHttpSession announcer = login("doc-in", Role.ANNOUNCER);
		String html = this.mvc
			.perform(get("/desk/radio/print").param("date", this.queue.today().toString())
				.param("station", "default")
				.session(announcer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("@page { size: A4").contains("font-size: 20pt");
		assertThat(html.indexOf("Tin thứ nhất")).isPositive().isLessThan(html.indexOf("Tin thứ hai"));
		this.mvc.perform(get("/desk/radio/print").param("station", "nowhere").session(announcer))
			.andExpect(status().isNotFound());
	}

	@Test
	void announcerPlaysAnEntryFromTheRundownAsAudio() throws Exception {
		long id = entry("nghe-1", 1, "Lịch tiêm chủng ngày 02/9", 60, LocalTime.of(17, 0));
		MockHttpSession announcer = login("nghe-dai", Role.ANNOUNCER);
		String html = this.mvc.perform(get("/desk/radio").session(announcer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		boolean noEngine = html.contains("chưa đọc được thành tiếng");
		assertThat(noEngine && "true".equals(System.getenv("CI"))).as("CI installs espeak-ng (.ci/run)").isFalse();
		if (noEngine) {
			// No speech engine on this machine: the page says so and audio is refused.
			assertThat(html).doesNotContain("<audio");
			this.mvc.perform(get("/desk/radio/entries/" + id + "/audio").session(announcer))
				.andExpect(status().isServiceUnavailable());
			return;
		}
		assertThat(html).contains("src=\"/desk/radio/entries/" + id + "/audio\"");
		byte[] wav = this.mvc.perform(get("/desk/radio/entries/" + id + "/audio").session(announcer))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.contentType("audio/wav"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (javax.sound.sampled.AudioInputStream audio = javax.sound.sampled.AudioSystem
			.getAudioInputStream(new java.io.ByteArrayInputStream(wav))) {
			double seconds = audio.getFrameLength() / audio.getFormat().getFrameRate();
			// "Kính thưa bà con. Lịch tiêm chủng ngày mồng hai tháng chín": 13 syllables.
			assertThat(seconds).isBetween(2.0, 8.0);
		}
		this.mvc.perform(get("/desk/radio/entries/999999/audio").session(announcer)).andExpect(status().isNotFound());
	}

	@Test
	void announcerMayNotOpenTheSubscribersOrDeliveries() throws Exception {
		MockHttpSession announcer = login("chi-doc", Role.ANNOUNCER);
		this.mvc.perform(get("/desk/subscribers").session(announcer)).andExpect(status().isForbidden());
		this.mvc.perform(get("/desk/subscribers/export").session(announcer)).andExpect(status().isForbidden());
		this.mvc.perform(get("/desk/deliveries").session(announcer)).andExpect(status().isForbidden());
	}

	@Test
	void openingTheRadioPagesChangesNothing() throws Exception {
		long id = entry("xem-1", 1, "Chỉ xem", 60, LocalTime.of(17, 0));
		MockHttpSession announcer = login("chi-xem-dai", Role.ANNOUNCER);
		int audits = this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Integer.class);
		this.mvc.perform(get("/desk/radio").session(announcer)).andExpect(status().isOk());
		this.mvc.perform(get("/desk/radio/print").session(announcer)).andExpect(status().isOk());
		this.mvc.perform(get("/desk/radio/entries/" + id + "/aired").session(announcer));
		assertThat(statusOf(id)).isEqualTo("QUEUED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Integer.class)).isEqualTo(audits);
	}

	private long entry(String itemId, int order, String title, int seconds) {
		return entry(itemId, order, title, seconds, LocalTime.of(6, 0));
	}

	private long entry(String itemId, int order, String title, int seconds, LocalTime slot) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update(
				"INSERT INTO radio_entry (station_id, item_id, slot_date, slot_time, slot_order, title, script, "
						+ "syllables, reading_seconds, status, queued_at, updated_at) "
						+ "VALUES ('default', ?, ?, ?, ?, ?, ?, 10, ?, 'QUEUED', ?, ?)",
				itemId, Date.valueOf(this.queue.today()), Time.valueOf(slot), order, title,
				"Kính thưa bà con. " + title, seconds, now, now);
		return this.jdbc.queryForObject("SELECT id FROM radio_entry WHERE item_id = ?", Long.class, itemId);
	}

	private String statusOf(long id) {
		return this.jdbc.queryForObject("SELECT status FROM radio_entry WHERE id = ?", String.class, id);
	}

	private MockHttpSession login(String username, Role role) throws Exception {
		return DeskSessions.login(this.mvc, this.accounts, username, role);
	}

	private static RequestPostProcessor csrfOf(MvcResult page) throws Exception {
		return DeskSessions.csrfOf(page);
	}

}
