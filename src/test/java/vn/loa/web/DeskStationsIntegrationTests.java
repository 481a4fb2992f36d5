package vn.loa.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.loa.accounts.Accounts;
import vn.loa.accounts.Role;
import vn.loa.audit.AuditLog;
import vn.loa.channels.radio.RadioStation;
import vn.loa.channels.radio.RadioStations;
import vn.loa.channels.radio.SpokenScripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Radio stations at the desk and over the API: each organisation's stations, adding one
 * with its slots, refusals beside their field, changing and disabling one, a stale form
 * refused with the current state; every change takes effect at once and is audited.
 */
@DeskTest
class DeskStationsIntegrationTests {

	private static final String BEARER = "Bearer " + DeskTest.TOKEN;

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	RadioStations stations;

	@Autowired
	SpokenScripts spoken;

	@Autowired
	AuditLog audit;

	@Test
	void anAdministratorGivesACommuneAStationChangesItsSlotsAndDisablesIt() throws Exception {
		MockHttpSession admin = DeskSessions.login(this.mvc, this.accounts, "dai-them", Role.ADMIN);
		String empty = page(get("/desk/stations").param("organisation", "thai-nguyen-phu-binh").session(admin));
		assertThat(empty).contains("Đài truyền thanh của Xã Phú Bình").contains("Chưa có đài nào");
		MvcResult form = this.mvc.perform(get("/desk/stations").session(admin)).andReturn();

		String refused = this.mvc
			.perform(post("/desk/stations").session(admin)
				.param("id", "dai-phu-binh")
				.param("name", "Đài truyền thanh xã Phú Bình")
				.param("organisation", "thai-nguyen-phu-binh")
				.param("slots", "06:00/30, sáu giờ chiều")
				.with(DeskSessions.csrfOf(form)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Khung giờ")
			.contains("không đọc được")
			.contains("value=\"Đài truyền thanh xã Phú Bình\"")
			.contains("value=\"06:00/30, sáu giờ chiều\"");
		assertThat(this.stations.find("dai-phu-binh")).isEmpty();

		this.mvc
			.perform(post("/desk/stations").session(admin)
				.param("id", "dai-phu-binh")
				.param("name", "Đài truyền thanh xã Phú Bình")
				.param("organisation", "thai-nguyen-phu-binh")
				.param("slots", "17:00/45, 05:30/20")
				.with(DeskSessions.csrfOf(form)))
			.andExpect(redirectedUrl("/desk/stations?organisation=thai-nguyen-phu-binh&added=dai-phu-binh"));
		assertThat(page(get("/desk/stations").param("organisation", "thai-nguyen-phu-binh").session(admin)))
			.contains("Đài truyền thanh xã Phú Bình")
			.contains("05:30/20, 17:00/45");
		assertThat(this.stations.reading(java.util.List.of("thai-nguyen-phu-binh"))).extracting(RadioStation::id)
			.containsExactly("dai-phu-binh");

		MvcResult edit = this.mvc.perform(get("/desk/stations/dai-phu-binh").session(admin)).andReturn();
		this.mvc
			.perform(post("/desk/stations/dai-phu-binh").session(admin)
				.param("name", "Đài truyền thanh xã Phú Bình")
				.param("organisation", "thai-nguyen-phu-binh")
				.param("slots", "06:00/30")
				.param("syllablesPerMinute", "180")
				.param("version", "1")
				.with(DeskSessions.csrfOf(edit)))
			.andExpect(redirectedUrl("/desk/stations/dai-phu-binh?saved"));
		RadioStation changed = this.stations.find("dai-phu-binh").orElseThrow();
		assertThat(changed.slotsText()).isEqualTo("06:00/30");
		assertThat(changed.syllablesPerMinute()).isEqualTo(180);
		// The unticked box disabled it: no new item is queued for it.
		assertThat(changed.enabled()).isFalse();
		assertThat(this.stations.reading(java.util.List.of("thai-nguyen-phu-binh"))).isEmpty();

		// A form opened on version 1 is stale now: refused, showing what is stored.
		String stale = this.mvc
			.perform(post("/desk/stations/dai-phu-binh").session(admin)
				.param("name", "Tên cũ")
				.param("organisation", "thai-nguyen-phu-binh")
				.param("slots", "06:00/30")
				.param("enabled", "on")
				.param("version", "1")
				.with(DeskSessions.csrfOf(edit)))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(stale).contains("vừa được người khác sửa").contains("value=\"06:00/30\"");
		assertThat(this.audit.latest("radio-station:dai-phu-binh", 20)).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("radio-station.created");
			assertThat(entry.subject()).isEqualTo("radio-station:dai-phu-binh");
			assertThat(entry.actor()).isEqualTo("dai-them");
		});
	}

	@Test
	void theApiAddsAStationRefusesAnUnknownOrganisationAndATakenIdAndChangesOnePart() throws Exception {
		this.mvc.perform(api(post("/api/radio/stations")).content("""
				{"id": "dai-api-bang-thanh", "name": "Đài xã Bằng Thành", "organisation": "khong-co"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("organisation"));
		this.mvc.perform(api(post("/api/radio/stations")).content("""
				{"id": "dai-api-bang-thanh", "name": "Đài xã Bằng Thành", "organisation": "thai-nguyen-bang-thanh"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.slots[0].time").value("06:00:00"))
			.andExpect(jsonPath("$.syllablesPerMinute").value(200))
			.andExpect(jsonPath("$.enabled").value(true));
		this.mvc.perform(api(post("/api/radio/stations")).content("""
				{"id": "dai-api-bang-thanh", "name": "Trùng", "organisation": "thai-nguyen-bang-thanh"}"""))
			.andExpect(status().isConflict());
		this.mvc.perform(api(patch("/api/radio/stations/dai-api-bang-thanh")).content("""
				{"slots": "05:00/15, 18:00/30"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Đài xã Bằng Thành"))
			.andExpect(jsonPath("$.slots.length()").value(2));
		this.mvc.perform(api(get("/api/radio/stations")).param("organisation", "thai-nguyen-bang-thanh"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value("dai-api-bang-thanh"))
			.andExpect(jsonPath("$[0].variant").doesNotExist());
		// A southern station: its scripts are said "ngàn", "lẻ", "mùng"; a change that
		// names no variant keeps it; an unknown one is refused by name.
		this.mvc.perform(api(patch("/api/radio/stations/dai-api-bang-thanh")).content("""
				{"variant": "south"}""")).andExpect(status().isOk()).andExpect(jsonPath("$.variant").value("SOUTH"));
		this.mvc.perform(api(patch("/api/radio/stations/dai-api-bang-thanh")).content("""
				{"name": "Đài truyền thanh xã Bằng Thành"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.variant").value("SOUTH"));
		this.mvc.perform(api(patch("/api/radio/stations/dai-api-bang-thanh")).content("""
				{"variant": "tay-nguyen"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("variant"));
		RadioStation south = this.stations.find("dai-api-bang-thanh").orElseThrow();
		assertThat(this.spoken.spoken("Ngày 02/9/1945", this.spoken.variant(south)))
			.isEqualTo("Ngày mùng hai tháng chín năm một ngàn chín trăm bốn mươi lăm");
		assertThat(this.spoken.spoken("Ngày 02/9/1945"))
			.isEqualTo("Ngày mồng hai tháng chín năm một nghìn chín trăm bốn mươi lăm");
		this.mvc.perform(api(patch("/api/radio/stations/khong-co")).content("{}")).andExpect(status().isNotFound());
	}

	private MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request) {
		return request.header("Authorization", BEARER).contentType(MediaType.APPLICATION_JSON);
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
