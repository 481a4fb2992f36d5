package vn.loa.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.loa.accounts.Accounts;
import vn.loa.accounts.Role;
import vn.loa.audit.AuditLog;
import vn.loa.organisations.Organisation;
import vn.loa.organisations.Organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Organisations at the desk and over the API: the hierarchy a level at a time, a search
 * that ignores tone marks, adding, renaming, moving and disabling with refusals shown
 * beside their field, loading a province's communes, and the same over the API.
 */
@DeskTest
class DeskOrganisationsIntegrationTests {

	private static final String BEARER = "Bearer " + DeskTest.TOKEN;

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Organisations organisations;

	@Autowired
	AuditLog audit;

	@Test
	void anAdministratorOpensAProvinceToItsCommunesAndFindsOneWithoutToneMarks() throws Exception {
		MockHttpSession admin = DeskSessions.login(this.mvc, this.accounts, "dv-xem", Role.ADMIN);

		String top = page(get("/desk/organisations").session(admin));
		assertThat(top).contains("href=\"/desk/organisations\">Đơn vị</a>")
			.contains("Tỉnh Thái Nguyên")
			.contains("href=\"/desk/organisations?within=thai-nguyen\">93 đơn vị</a>");
		String province = page(get("/desk/organisations").param("within", "thai-nguyen").session(admin));
		assertThat(province).contains("Trực thuộc Tỉnh Thái Nguyên")
			.contains("href=\"/desk/organisations/thai-nguyen-bang-thanh\">Xã Bằng Thành</a>")
			.contains("Phường Phan Đình Phùng");
		String found = page(get("/desk/organisations").param("q", "bang thanh").session(admin));
		assertThat(found).contains("Xã Bằng Thành").doesNotContain("Xã Cao Minh");
		assertThat(page(get("/desk/organisations").param("q", "19").session(admin))).contains("Tỉnh Thái Nguyên")
			.doesNotContain("Xã Bằng Thành");
		// By the proper name, word by word, as a Vietnamese reader looks for it.
		assertThat(province.indexOf("Phường Bá Xuyên")).isLessThan(province.indexOf("Phường Bách Quang"));
		assertThat(province.indexOf("Phường Bắc Kạn")).isLessThan(province.indexOf("Xã Bằng Thành"));
		assertThat(province.indexOf("Xã An Khánh")).isLessThan(province.indexOf("Xã Ba Bể"));
	}

	@Test
	void anAdministratorAddsRenamesMovesAndDisablesAnOrganisationAndSeesRefusalsBesideTheirField() throws Exception {
		MockHttpSession admin = DeskSessions.login(this.mvc, this.accounts, "dv-sua", Role.ADMIN);
		MvcResult form = this.mvc.perform(get("/desk/organisations").session(admin)).andReturn();

		String refused = this.mvc
			.perform(post("/desk/organisations").session(admin)
				.param("id", "Trung Tâm")
				.param("name", "Trung tâm truyền thông")
				.param("kind", "communication-centre")
				.param("parent", "thai-nguyen-bang-thanh")
				.with(DeskSessions.csrfOf(form)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("id=\"id-error\"")
			.contains("Mã “Trung Tâm” không hợp lệ")
			.contains("value=\"Trung tâm truyền thông\"")
			.contains("value=\"thai-nguyen-bang-thanh\"");

		this.mvc
			.perform(post("/desk/organisations").session(admin)
				.param("id", "ttt-bang-thanh")
				.param("name", "Trung tâm truyền thông xã Bằng Thành")
				.param("kind", "communication-centre")
				.param("parent", "thai-nguyen-bang-thanh")
				.with(DeskSessions.csrfOf(form)))
			.andExpect(redirectedUrl("/desk/organisations/ttt-bang-thanh?done=created"));
		String created = page(get("/desk/organisations/ttt-bang-thanh").param("done", "created").session(admin));
		assertThat(created).contains("Đã thêm đơn vị.")
			.contains("Trung tâm truyền thông</span>")
			.contains("href=\"/desk/organisations/thai-nguyen\">Tỉnh Thái Nguyên</a>")
			.contains("href=\"/desk/organisations/thai-nguyen-bang-thanh\">Xã Bằng Thành</a>");

		MvcResult edit = this.mvc.perform(get("/desk/organisations/ttt-bang-thanh").session(admin)).andReturn();
		this.mvc
			.perform(post("/desk/organisations/ttt-bang-thanh").session(admin)
				.param("name", "Trung tâm Văn hóa - Thể thao và Truyền thông")
				.param("kind", "communication-centre")
				.param("parent", "thai-nguyen")
				.param("version", "1")
				.with(DeskSessions.csrfOf(edit)))
			.andExpect(redirectedUrl("/desk/organisations/ttt-bang-thanh?done=saved"));
		Organisation moved = this.organisations.find("ttt-bang-thanh").orElseThrow();
		assertThat(moved.parentId()).isEqualTo("thai-nguyen");
		assertThat(moved.enabled()).isFalse();
		assertThat(this.audit.latest("organisation:ttt-bang-thanh", 1).get(0).actor()).isEqualTo("dv-sua");

		String stale = this.mvc
			.perform(post("/desk/organisations/ttt-bang-thanh").session(admin)
				.param("name", "Tên cũ")
				.param("kind", "communication-centre")
				.param("parent", "thai-nguyen")
				.param("enabled", "on")
				.param("version", "1")
				.with(DeskSessions.csrfOf(edit)))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(stale).contains("vừa được người khác sửa")
			.contains("value=\"Trung tâm Văn hóa - Thể thao và Truyền thông\"");

		String cycle = this.mvc
			.perform(post("/desk/organisations/thai-nguyen").session(admin)
				.param("name", "Tỉnh Thái Nguyên")
				.param("kind", "province")
				.param("parent", "thai-nguyen-bang-thanh")
				.param("enabled", "on")
				.param("version", String.valueOf(this.organisations.find("thai-nguyen").orElseThrow().version()))
				.with(DeskSessions.csrfOf(edit)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(cycle).contains("Không thể chuyển “thai-nguyen” về trực thuộc “thai-nguyen-bang-thanh”");
		assertThat(this.organisations.find("thai-nguyen").orElseThrow().parentId()).isNull();
	}

	@Test
	void anAdministratorLoadsAProvinceFromTheShippedListAndAHalfSentListIsRefused() throws Exception {
		MockHttpSession admin = DeskSessions.login(this.mvc, this.accounts, "dv-nap", Role.ADMIN);
		MvcResult form = this.mvc.perform(get("/desk/organisations").session(admin)).andReturn();

		String refused = this.mvc
			.perform(multipart("/desk/organisations/import")
				.file(new MockMultipartFile("provinces", "provinces.csv", "text/csv",
						"code,name,fullName,slug,type,isCentral\n".getBytes(StandardCharsets.UTF_8)))
				.session(admin)
				.with(DeskSessions.csrfOf(form)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Hãy gửi cả provinces.csv và communes.csv");

		this.mvc
			.perform(multipart("/desk/organisations/import").param("province", "bac-ninh")
				.session(admin)
				.with(DeskSessions.csrfOf(form)))
			.andExpect(status().is3xxRedirection());
		int communes = this.organisations.children("bac-ninh").size();
		assertThat(communes).isGreaterThan(50);
		assertThat(page(get("/desk/organisations").param("added", String.valueOf(communes + 1))
			.param("updated", "0")
			.param("unchanged", "0")
			.session(admin))).contains("Đã nạp danh sách: thêm " + (communes + 1));
	}

	@Test
	void theApiAddsChangesListsAndImportsOrganisations() throws Exception {
		this.mvc
			.perform(post("/api/organisations").header("Authorization", BEARER)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"id": "api-ttt-cao-minh", "name": "Trung tâm truyền thông xã Cao Minh",
						 "kind": "communication-centre", "parent": "thai-nguyen-cao-minh"}
						"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.parent").value("thai-nguyen-cao-minh"))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc
			.perform(post("/api/organisations").header("Authorization", BEARER)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"id": "api-lac", "name": "Lạc", "parent": "khong-co"}
						"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("parent"));
		this.mvc
			.perform(patch("/api/organisations/api-ttt-cao-minh").header("Authorization", BEARER)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"enabled": false, "version": 1}
						"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(false))
			.andExpect(jsonPath("$.version").value(2));
		this.mvc
			.perform(patch("/api/organisations/khong-co").header("Authorization", BEARER)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/organisations/api-ttt-cao-minh").header("Authorization", BEARER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ancestors[0]").value("thai-nguyen-cao-minh"))
			.andExpect(jsonPath("$.ancestors[1]").value("thai-nguyen"));
		this.mvc
			.perform(get("/api/organisations").param("within", "thai-nguyen-cao-minh").header("Authorization", BEARER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].id").value("thai-nguyen-cao-minh"));

		String provinces = "code,name,fullName,slug,type,isCentral\n19,Thái Nguyên,Tỉnh Thái Nguyên,thai-nguyen,province,false\n";
		String communes = "code,name,fullName,slug,type,provinceCode\n"
				+ this.organisations.find("thai-nguyen-nghien-loan").orElseThrow().code()
				+ ",\"Nghiên Loan\",\"Xã Nghiên Loan, Tỉnh Thái Nguyên\",nghien-loan,commune,19\n";
		this.mvc
			.perform(multipart("/api/organisations/import")
				.file(new MockMultipartFile("provinces", "provinces.csv", "text/csv",
						provinces.getBytes(StandardCharsets.UTF_8)))
				.file(new MockMultipartFile("communes", "communes.csv", "text/csv",
						communes.getBytes(StandardCharsets.UTF_8)))
				.header("Authorization", BEARER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.unchanged").value(2));
		this.mvc
			.perform(multipart("/api/organisations/import")
				.file(new MockMultipartFile("provinces", "provinces.csv", "text/csv",
						provinces.getBytes(StandardCharsets.UTF_8)))
				.file(new MockMultipartFile("communes", "communes.csv", "text/csv",
						(communes + "1,x\n").getBytes(StandardCharsets.UTF_8)))
				.header("Authorization", BEARER))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("communes.csv line 3: has 2 fields, the header has 6"));
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
