package vn.loa.importer;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.loa.organisations.Organisation;
import vn.loa.organisations.OrganisationKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan's issuer names the organisation that owns it, whatever its tone marks and case;
 * an issuer that fits two organisations, or none, is left for the editor.
 */
class PlanOwnerTests {

	private static final List<Organisation> KNOWN = List.of(
			new Organisation("default", "Loa — đơn vị mặc định", OrganisationKind.OTHER, null, null, true, 1),
			new Organisation("thanh-uy-vung-tau", "Ban Thường vụ Thành ủy Vũng Tàu",
					OrganisationKind.HISTORICAL_DISTRICT, null, null, true, 1),
			new Organisation("dang-uy-xa-thai-nguyen", "Ban Thường vụ Đảng ủy xã (tỉnh Thái Nguyên)",
					OrganisationKind.OTHER, "thai-nguyen", null, true, 1),
			new Organisation("thai-nguyen", "Tỉnh Thái Nguyên", OrganisationKind.PROVINCE, null, "19", true, 1),
			new Organisation("thai-nguyen-bang-thanh", "Xã Bằng Thành", OrganisationKind.COMMUNE, "thai-nguyen",
					"02663", true, 1),
			new Organisation("thai-nguyen-phu-binh", "Xã Phú Bình", OrganisationKind.COMMUNE, "thai-nguyen", "00723",
					true, 1),
			new Organisation("bac-ninh-phu-binh", "Xã Phú Bình", OrganisationKind.COMMUNE, "bac-ninh", "07777", true,
					1),
			new Organisation("thai-nguyen-cu", "Xã Cũ", OrganisationKind.COMMUNE, "thai-nguyen", "09999", false, 1));

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			Ban Thường vụ Thành ủy Vũng Tàu                 | thanh-uy-vung-tau
			BAN THƯỜNG VỤ THÀNH ỦY VŨNG TÀU                 | thanh-uy-vung-tau
			Ban Thường vụ Đảng ủy xã                        | dang-uy-xa-thai-nguyen
			Ủy ban nhân dân xã Bằng Thành                   | thai-nguyen-bang-thanh
			UBND XÃ BẰNG THÀNH                              | thai-nguyen-bang-thanh
			Ban Thường vụ Tỉnh ủy Thái Nguyên               | thai-nguyen
			Ủy ban nhân dân tỉnh Thái Nguyên                | thai-nguyen
			Ủy ban nhân dân xã Phú Bình                     | -
			Ủy ban nhân dân xã Cũ                           | -
			Ban Tuyên giáo Trung ương                       | -
			""")
	void readsTheOwnerFromTheIssuer(String issuer, String owner) {
		assertThat(PlanOwner.of(issuer, KNOWN)).isEqualTo(java.util.Optional.ofNullable(owner));
	}

}
