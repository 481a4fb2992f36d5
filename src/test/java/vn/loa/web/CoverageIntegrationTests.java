package vn.loa.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.loa.accounts.Accounts;
import vn.loa.accounts.Role;
import vn.loa.organisations.Audience;
import vn.loa.organisations.Organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The coverage a province opens the week before 02/9: which of its communes have content
 * for the occurrence (a province item for all of them counts for each), and which have no
 * station or no confirmed subscriber.
 */
@DeskTest
class CoverageIntegrationTests {

	private static final String BEARER = "Bearer " + DeskTest.TOKEN;

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Organisations organisations;

	@Test
	void aProvinceSeesWhichCommunesHaveContentForQuocKhanhAndWhichCannotCarryIt() throws Exception {
		int members = this.organisations.resolve("thai-nguyen", Audience.ALL).size();
		api("/api/radio/stations",
				"""
						{"id": "dai-van-xuan-coverage", "name": "Đài phường Vạn Xuân", "organisation": "thai-nguyen-van-xuan"}""");
		api("/api/subscribers",
				"""
						{"email": "van-xuan-coverage@example.vn", "organisation": "thai-nguyen-van-xuan", "status": "confirmed"}""");
		// Before anything is written for 02/9/2031 only the province's own check shows.
		this.mvc
			.perform(get("/api/coverage").header("Authorization", BEARER)
				.param("organisation", "thai-nguyen")
				.param("from", "2031-08-30")
				.param("to", "2031-09-05"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.occurrences[?(@.anniversary == 'quoc-khanh')].covered").value(hasItem(0)));
		api("/api/content", """
				{"id": "coverage-tinh-quoc-khanh", "organisation": "thai-nguyen", "audience": "all",
				 "title": "Treo cờ mừng Quốc khánh", "body": "Đề nghị bà con treo cờ.",
				 "outlets": ["feed", "radio"], "when": "anniversary quoc-khanh 2031, 1 day before, 06:00"}""");

		this.mvc
			.perform(get("/api/coverage").header("Authorization", BEARER)
				.param("organisation", "thai-nguyen")
				.param("from", "2031-08-30")
				.param("to", "2031-09-05"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.occurrences[?(@.anniversary == 'quoc-khanh')].covered").value(hasItem(members)))
			.andExpect(jsonPath("$.occurrences[?(@.anniversary == 'quoc-khanh')].of").value(hasItem(members)))
			.andExpect(jsonPath("$.organisations[?(@.id == 'thai-nguyen-van-xuan')].stations").value(hasItem(1)))
			.andExpect(jsonPath("$.organisations[?(@.id == 'thai-nguyen-van-xuan')].subscribers").value(hasItem(1)))
			.andExpect(jsonPath("$.organisations[?(@.id == 'thai-nguyen-pho-yen')].stations").value(hasItem(0)))
			.andExpect(jsonPath("$.organisations[?(@.id == 'thai-nguyen-pho-yen')].items").value(hasItem(1)));

		MockHttpSession editor = DeskSessions.login(this.mvc, this.accounts, "coverage-editor", Role.EDITOR);
		String page = this.mvc
			.perform(get("/desk/coverage").session(editor)
				.param("organisation", "thai-nguyen")
				.param("from", "2031-08-30")
				.param("to", "2031-09-05"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Độ phủ của Tỉnh Thái Nguyên")
			.contains(members + "/" + members)
			.contains("Tất cả đều có")
			.contains("Chưa có đài");
		this.mvc.perform(get("/api/coverage").header("Authorization", BEARER).param("organisation", "khong-co"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/coverage").header("Authorization", BEARER)
				.param("from", "2031-09-05")
				.param("to", "2031-08-30"))
			.andExpect(status().isBadRequest());
	}

	private void api(String path, String json) throws Exception {
		this.mvc
			.perform(post(path).header("Authorization", BEARER).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated());
	}

}
