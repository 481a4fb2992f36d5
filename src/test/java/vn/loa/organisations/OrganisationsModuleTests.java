package vn.loa.organisations;

import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The organisations module on its own, on the shipped {@code calendar/}: what it seeds,
 * loading the whole country and loading it again, changes with their refusals and their
 * audit events, and a change another node made.
 */
@ApplicationModuleTest
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:organisations-module;DB_CLOSE_DELAY=-1",
		"spring.quartz.auto-startup=false", "loa.scheduling.enabled=false" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrganisationsModuleTests {

	@Autowired
	Organisations organisations;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@Order(1)
	void theShippedCalendarSeedsThaiNguyenWithItsCommunesAndThePlanIssuerUnderIt() {
		assertThat(this.organisations.find(Organisations.DEFAULT)).isPresent();
		assertThat(this.organisations.find("thai-nguyen")).get()
			.extracting(Organisation::name, Organisation::kind, Organisation::code)
			.containsExactly("Tỉnh Thái Nguyên", OrganisationKind.PROVINCE, "19");
		assertThat(this.organisations.descendants("thai-nguyen")).hasSize(92 + 1);
		assertThat(this.organisations.find("dang-uy-xa-thai-nguyen")).get()
			.extracting(Organisation::parentId)
			.isEqualTo("thai-nguyen");
		assertThat(this.organisations.find("huyen-uy-tuy-phuoc")).get()
			.extracting(Organisation::kind)
			.isEqualTo(OrganisationKind.HISTORICAL_DISTRICT);
		assertThat(this.organisations.isWithin("thai-nguyen-bang-thanh", "thai-nguyen")).isTrue();
		assertThat(this.organisations.count()).isEqualTo(1 + 3 + 93);
	}

	@Test
	@Order(2)
	void theWholeCountryLoadsOnceAndLoadingItAgainChangesNothing(Scenario scenario) {
		scenario.stimulate(() -> this.organisations.importShipped(List.of(), "quan-tri"))
			.andWaitForEventOfType(OrganisationChanged.class)
			.matching((changed) -> changed.action().equals("organisation.import"))
			.toArriveAndVerify((changed, imported) -> {
				assertThat(imported).isEqualTo(new Organisations.Imported(33 + 3_320 - 92, 0, 1 + 92));
				assertThat(changed.actor()).isEqualTo("quan-tri");
			});
		assertThat(this.organisations.count()).isEqualTo(4 + 34 + 3_320);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Integer.class))
			.isEqualTo(4 + 34 + 3_320);

		assertThat(this.organisations.importShipped(List.of(), "quan-tri"))
			.isEqualTo(new Organisations.Imported(0, 0, 34 + 3_320));
		assertThat(this.organisations.children("ha-noi")).isNotEmpty()
			.allSatisfy((commune) -> assertThat(commune.id()).startsWith("ha-noi-"));
	}

	@Test
	@Order(3)
	void aCorrectedListUpdatesTheSameOrganisationsByTheirCodes() {
		String provinces = "code,name,fullName,slug,type,isCentral\n19,Thái Nguyên,Tỉnh Thái Nguyên,thai-nguyen,province,false\n";
		Organisation bangThanh = this.organisations.find("thai-nguyen-bang-thanh").orElseThrow();
		String communes = "code,name,fullName,slug,type,provinceCode\n" + bangThanh.code()
				+ ",\"Bằng Thành\",\"Xã Bằng Thành (đã sửa), Tỉnh Thái Nguyên\",bang-thanh,commune,19\n";

		Organisations.Imported imported = this.organisations.importUnits(provinces, communes, List.of(), "quan-tri");

		assertThat(imported).isEqualTo(new Organisations.Imported(0, 1, 1));
		assertThat(this.organisations.find("thai-nguyen-bang-thanh")).get()
			.extracting(Organisation::name, Organisation::version)
			.containsExactly("Xã Bằng Thành (đã sửa)", bangThanh.version() + 1);
	}

	@Test
	@Order(4)
	void anOrganisationIsAddedRenamedMovedAndDisabledWithItsEventsAndRefusals(Scenario scenario) {
		scenario
			.stimulate(() -> this.organisations.create(new NewOrganisation("trung-tam-bang-thanh",
					"Trung tâm truyền thông xã Bằng Thành", "communication-centre", "thai-nguyen-bang-thanh"),
					"quan-tri"))
			.andWaitForEventOfType(OrganisationChanged.class)
			.matching((changed) -> changed.subject().equals("organisation:trung-tam-bang-thanh"))
			.toArriveAndVerify((changed) -> assertThat(changed.after()).isEqualTo(
					"Trung tâm truyền thông xã Bằng Thành, communication-centre, parent thai-nguyen-bang-thanh, enabled"));

		assertThatThrownBy(() -> this.organisations
			.create(new NewOrganisation("trung-tam-bang-thanh", "Lặp", null, null), "quan-tri"))
			.isInstanceOf(InvalidOrganisationException.class)
			.satisfies((ex) -> assertThat(((InvalidOrganisationException) ex).isConflict()).isTrue());
		assertThatThrownBy(
				() -> this.organisations.create(new NewOrganisation("Trung Tâm", "Sai mã", null, null), "quan-tri"))
			.hasMessageContaining("the id 'Trung Tâm' must be lower-case");
		assertThatThrownBy(() -> this.organisations.create(new NewOrganisation("mo-coi", "Không cha", null, "khong-co"),
				"quan-tri"))
			.hasMessage("there is no organisation 'khong-co'");
		assertThatThrownBy(() -> this.organisations.update("thai-nguyen",
				new OrganisationChange(null, null, "trung-tam-bang-thanh", null, null), "quan-tri"))
			.hasMessage("'thai-nguyen' cannot move below itself ('trung-tam-bang-thanh' is within it)");
		assertThatThrownBy(() -> this.organisations.update(Organisations.DEFAULT,
				new OrganisationChange(null, null, null, false, null), "quan-tri"))
			.hasMessage("the default organisation cannot be disabled");

		Organisation moved = this.organisations.update("trung-tam-bang-thanh",
				new OrganisationChange("Trung tâm Văn hóa - Thể thao và Truyền thông", null, "thai-nguyen", false, 1L),
				"quan-tri");
		assertThat(moved.parentId()).isEqualTo("thai-nguyen");
		assertThat(this.organisations.accepts("trung-tam-bang-thanh")).isFalse();
		assertThat(this.organisations.children("thai-nguyen")).extracting(Organisation::id)
			.contains("trung-tam-bang-thanh");
		assertThatThrownBy(() -> this.organisations.update("trung-tam-bang-thanh",
				new OrganisationChange("Cũ", null, null, null, 1L), "quan-tri"))
			.satisfies((ex) -> assertThat(((InvalidOrganisationException) ex).isConflict()).isTrue());
	}

	@Test
	@Order(5)
	void aChangeAnotherNodeMadeIsReadOnTheNextRefresh() {
		this.jdbc.update("UPDATE organisation SET name = ?, version = version + 1 WHERE id = ?",
				"Xã Cao Minh (nút khác)", "thai-nguyen-cao-minh");
		assertThat(this.organisations.find("thai-nguyen-cao-minh")).get()
			.extracting(Organisation::name)
			.isEqualTo("Xã Cao Minh");

		assertThat(this.organisations.refreshIfChanged()).isTrue();

		assertThat(this.organisations.find("thai-nguyen-cao-minh")).get()
			.extracting(Organisation::name)
			.isEqualTo("Xã Cao Minh (nút khác)");
		assertThat(this.organisations.refreshIfChanged()).isFalse();
	}

	@Test
	@Order(6)
	void aBrokenListStoresNothing() {
		int before = this.organisations.count();
		String provinces = "code,name,fullName,slug,type,isCentral\n77,Mới,Tỉnh Mới,tinh-moi,province,false\n";
		String communes = "code,name,fullName,slug,type,provinceCode\n77001,A,\"Xã A, Tỉnh Mới\",xa-a,commune,77\n"
				+ "77002,B,\"Xã B, Tỉnh Mới\",XA B,commune,77\n";

		assertThatThrownBy(() -> this.organisations.importUnits(provinces, communes, List.of(), "quan-tri"))
			.hasMessageContaining("communes.csv line 3");
		assertThat(this.organisations.count()).isEqualTo(before);
		assertThat(this.organisations.find("tinh-moi")).isEmpty();
	}

}
