package vn.loa.importer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Names from headers in capitals, written as running text writes them. */
class AgencyNamesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI                | Ủy ban nhân dân tỉnh Quảng Ngãi
			ỦY BAN NHÂN DÂN XÃ AN PHÚ                       | Ủy ban nhân dân xã An Phú
			BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY LÂM ĐỒNG       | Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng
			BAN THƯỜNG VỤ HUYỆN ỦY TUẦN GIÁO                | Ban Thường vụ Huyện ủy Tuần Giáo
			SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH ĐỒNG THÁP   | Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Tháp
			ĐẢNG ỦY XÃ LONG SƠN                             | Đảng ủy xã Long Sơn
			ĐẢNG BỘ XÃ LONG SƠN                             | Đảng bộ xã Long Sơn
			ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH GIA LAI    | Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Gia Lai
			ỦY BAN KIỂM TRA THÀNH ỦY HẢI PHÒNG              | Ủy ban Kiểm tra Thành ủy Hải Phòng
			ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH           | Ủy ban nhân dân thành phố Hồ Chí Minh
			BAN CHẤP HÀNH ĐẢNG BỘ TỈNH NGHỆ AN              | Ban Chấp hành Đảng bộ tỉnh Nghệ An
			Ban Tuyên giáo Tỉnh ủy Thái Bình                | Ban Tuyên giáo Tỉnh ủy Thái Bình
			PHÒNG VĂN HÓA - XÃ HỘI PHƯỜNG NAM ĐỊNH          | Phòng Văn hóa - Xã hội phường Nam Định
			ỦY BAN NHÂN DÂN XÃ HỘI HOAN                     | Ủy ban nhân dân xã Hội Hoan
			""")
	void writesAHeaderInCapitalsAsRunningTextWritesIt(String header, String name) {
		assertThat(AgencyNames.normalCase(header)).isEqualTo(name);
	}

}
