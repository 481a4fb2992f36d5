package vn.loa.organisations;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading lists of administrative units: the shipped 2025 list whole and a province at a
 * time, ids that stay the same however it is read, and clear refusals naming file and
 * line.
 */
class AdministrativeUnitsTests {

	private static final String PROVINCES = """
			code,name,fullName,slug,type,isCentral
			19,Thái Nguyên,Tỉnh Thái Nguyên,thai-nguyen,province,false
			05,Hải Phòng,Thành phố Hải Phòng,hai-phong,city,true
			""";

	private static final String COMMUNES = """
			code,name,fullName,slug,type,provinceCode
			00300,"Bằng Thành","Xã Bằng Thành, Tỉnh Thái Nguyên",bang-thanh,commune,19
			00301,"Phan Đình Phùng","Phường Phan Đình Phùng, Tỉnh Thái Nguyên",phan-dinh-phung,ward,19
			01203,"Cẩm Giang","Xã Cẩm Giang, Thành phố Hải Phòng",cam-giang,commune,05
			01233,"Cẩm Giàng","Xã Cẩm Giàng, Thành phố Hải Phòng",cam-giang,commune,05
			01300,"Cát Hải","Đặc khu Cát Hải, Thành phố Hải Phòng",cat-hai,commune,05
			""";

	@Test
	void theShippedListHasEveryProvinceAndCommuneOnceEachUnderItsProvince() {
		List<AdministrativeUnits.Unit> units = AdministrativeUnits.shipped(List.of());

		assertThat(units).filteredOn((unit) -> unit.kind() == OrganisationKind.PROVINCE).hasSize(34);
		assertThat(units).hasSize(34 + 3_320);
		assertThat(units.stream().map(AdministrativeUnits.Unit::id).collect(Collectors.toSet())).hasSize(34 + 3_320);
		assertThat(units.stream().map(AdministrativeUnits.Unit::code).collect(Collectors.toSet())).hasSize(34 + 3_320);
		Set<String> provinces = new HashSet<>();
		for (AdministrativeUnits.Unit unit : units) {
			if (unit.kind() == OrganisationKind.PROVINCE) {
				assertThat(unit.parentId()).isNull();
				provinces.add(unit.id());
			}
			else {
				assertThat(provinces).as("%s comes after its province", unit.id()).contains(unit.parentId());
				assertThat(unit.id()).startsWith(unit.parentId() + "-");
			}
		}
		assertThat(units).filteredOn((unit) -> unit.kind() == OrganisationKind.SPECIAL_ZONE)
			.extracting(AdministrativeUnits.Unit::name)
			.contains("Đặc khu Phú Quốc", "Đặc khu Cát Hải", "Đặc khu Vân Đồn");
	}

	@Test
	void thaiNguyenAloneIsTheProvinceAndItsNinetyTwoUnitsWithTheSameIdsAsInTheWholeList() {
		List<AdministrativeUnits.Unit> province = AdministrativeUnits.shipped(List.of("thai-nguyen"));
		Map<String, AdministrativeUnits.Unit> whole = AdministrativeUnits.shipped(List.of())
			.stream()
			.collect(Collectors.toMap(AdministrativeUnits.Unit::code, Function.identity()));

		assertThat(province).hasSize(1 + 92);
		assertThat(province.get(0).id()).isEqualTo("thai-nguyen");
		assertThat(province.get(0).name()).isEqualTo("Tỉnh Thái Nguyên");
		assertThat(province.subList(1, province.size())).allSatisfy((unit) -> {
			assertThat(unit.parentId()).isEqualTo("thai-nguyen");
			assertThat(unit.id()).isEqualTo(whole.get(unit.code()).id());
		});
		assertThat(province).extracting(AdministrativeUnits.Unit::name)
			.contains("Xã Bằng Thành", "Xã Cao Minh", "Xã Nghiên Loan");
		assertThat(AdministrativeUnits.shipped(List.of("19"))).isEqualTo(province);
	}

	@Test
	void namesAreTheUnitsOwnKindsFollowTheListAndSlugsThatDifferOnlyInToneMarksCarryTheirCodes() {
		List<AdministrativeUnits.Unit> units = AdministrativeUnits.read(PROVINCES, COMMUNES, List.of());

		assertThat(units)
			.extracting(AdministrativeUnits.Unit::id, AdministrativeUnits.Unit::name, AdministrativeUnits.Unit::kind)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("thai-nguyen", "Tỉnh Thái Nguyên", OrganisationKind.PROVINCE),
					org.assertj.core.groups.Tuple.tuple("hai-phong", "Thành phố Hải Phòng", OrganisationKind.PROVINCE),
					org.assertj.core.groups.Tuple.tuple("thai-nguyen-bang-thanh", "Xã Bằng Thành",
							OrganisationKind.COMMUNE),
					org.assertj.core.groups.Tuple.tuple("thai-nguyen-phan-dinh-phung", "Phường Phan Đình Phùng",
							OrganisationKind.WARD),
					org.assertj.core.groups.Tuple.tuple("hai-phong-cam-giang-01203", "Xã Cẩm Giang",
							OrganisationKind.COMMUNE),
					org.assertj.core.groups.Tuple.tuple("hai-phong-cam-giang-01233", "Xã Cẩm Giàng",
							OrganisationKind.COMMUNE),
					org.assertj.core.groups.Tuple.tuple("hai-phong-cat-hai", "Đặc khu Cát Hải",
							OrganisationKind.SPECIAL_ZONE));
	}

	@Test
	void aBadLineIsRefusedWithItsFileAndLine() {
		assertThatThrownBy(() -> AdministrativeUnits.read(PROVINCES,
				COMMUNES + "00400,\"Lạ\",\"Xã Lạ, Tỉnh Lạ\",la,commune,99\n", List.of()))
			.isInstanceOf(InvalidOrganisationException.class)
			.hasMessage("communes.csv line 7: province code '99' is not in provinces.csv");
		assertThatThrownBy(() -> AdministrativeUnits.read(PROVINCES,
				COMMUNES + "00401,\"Sai\",\"Xã Sai, Tỉnh Thái Nguyên\",Xã Sai,commune,19\n", List.of()))
			.hasMessageContaining("communes.csv line 7: the slug 'Xã Sai' is not lower-case ASCII");
		assertThatThrownBy(() -> AdministrativeUnits.read(PROVINCES,
				COMMUNES + "00300,\"Lặp\",\"Xã Lặp, Tỉnh Thái Nguyên\",lap,commune,19\n", List.of()))
			.hasMessage("communes.csv line 7: code 00300 appears twice");
		assertThatThrownBy(() -> AdministrativeUnits.read(PROVINCES, "code,name,slug\n1,a,a\n", List.of()))
			.isInstanceOf(InvalidOrganisationException.class)
			.hasMessage("communes.csv lacks the column(s) fullName, provinceCode, type");
		assertThatThrownBy(
				() -> AdministrativeUnits.read(PROVINCES, COMMUNES + "00402,\"Ngắn\",bang-thanh\n", List.of()))
			.hasMessageContaining("communes.csv line 7: has 3 fields, the header has 6");
		assertThatThrownBy(() -> AdministrativeUnits.read(PROVINCES, COMMUNES, List.of("ha-noi")))
			.hasMessage("provinces.csv has no province 'ha-noi'");
	}

}
