package vn.loa.channels.radio.speech;

import java.io.StringReader;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.loa.channels.radio.speech.VietnameseNumbers.Variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What the radio says for phrases as the real plans write them (Kế hoạch 443-KH/TU of
 * Thái Nguyên, the 80th National Day plans and the congress plans).
 */
class SpokenVietnameseTests {

	private final SpokenVietnamese north = SpokenVietnamese.standard(Variant.NORTH);

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			0 | không
			5 | năm
			10 | mười
			14 | mười bốn
			15 | mười lăm
			21 | hai mươi mốt
			24 | hai mươi tư
			25 | hai mươi lăm
			30 | ba mươi
			79 | bảy mươi chín
			100 | một trăm
			101 | một trăm linh một
			105 | một trăm linh năm
			110 | một trăm mười
			115 | một trăm mười lăm
			443 | bốn trăm bốn mươi ba
			1000 | một nghìn
			1005 | một nghìn không trăm linh năm
			1930 | một nghìn chín trăm ba mươi
			1945 | một nghìn chín trăm bốn mươi lăm
			2025 | hai nghìn không trăm hai mươi lăm
			2024 | hai nghìn không trăm hai mươi tư
			3320 | ba nghìn ba trăm hai mươi
			1000050 | một triệu không trăm năm mươi
			2500000 | hai triệu năm trăm nghìn
			1000000000 | một tỷ
			""")
	void readsNumbersAsTheNorthSaysThem(long number, String said) {
		assertThat(new VietnameseNumbers(Variant.NORTH).cardinal(number)).isEqualTo(said);
	}

	@Test
	void theSouthSaysNgànAndLẻAndMùng() {
		VietnameseNumbers south = new VietnameseNumbers(Variant.SOUTH);
		assertThat(south.cardinal(2025)).isEqualTo("hai ngàn không trăm hai mươi lăm");
		assertThat(south.cardinal(105)).isEqualTo("một trăm lẻ năm");
		assertThat(SpokenVietnamese.standard(Variant.SOUTH).speak("ngày 02/9/2025"))
			.isEqualTo("ngày mùng hai tháng chín năm hai ngàn không trăm hai mươi lăm");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					Quốc khánh 02/9/1945 | Quốc khánh ngày mồng hai tháng chín năm một nghìn chín trăm bốn mươi lăm
					ngày 02/9/2025 | ngày mồng hai tháng chín năm hai nghìn không trăm hai mươi lăm
					ngày 19/8/1945 | ngày mười chín tháng tám năm một nghìn chín trăm bốn mươi lăm
					ngày 30/4/1975 | ngày ba mươi tháng tư năm một nghìn chín trăm bảy mươi lăm
					ngày 10/10/2024 | ngày mồng mười tháng mười năm hai nghìn không trăm hai mươi tư
					treo cờ từ ngày 01/9 | treo cờ từ ngày mồng một tháng chín
					sáng 2/9 | sáng ngày mồng hai tháng chín
					từ tháng 11/2024 đến tháng 07/2025 | từ tháng mười một năm hai nghìn không trăm hai mươi tư đến tháng bảy năm hai nghìn không trăm hai mươi lăm
					""")
	void readsDates(String written, String said) {
		assertThat(this.north.speak(written)).isEqualTo(said);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					Kỷ niệm 80 năm Ngày Quốc khánh (02/9/1945 - 02/9/2025) | Kỷ niệm tám mươi năm Ngày Quốc khánh (từ ngày mồng hai tháng chín năm một nghìn chín trăm bốn mươi lăm đến ngày mồng hai tháng chín năm hai nghìn không trăm hai mươi lăm)
					Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930-03/02/2025) | Kỷ niệm chín mươi lăm năm Ngày thành lập Đảng Cộng sản Việt Nam (từ ngày mồng ba tháng hai năm một nghìn chín trăm ba mươi đến ngày mồng ba tháng hai năm hai nghìn không trăm hai mươi lăm)
					Kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh (1890 - 2025) | Kỷ niệm một trăm ba mươi lăm năm Ngày sinh Chủ tịch Hồ Chí Minh (từ năm một nghìn tám trăm chín mươi đến năm hai nghìn không trăm hai mươi lăm)
					""")
	void readsTheRangesOfAnniversaries(String written, String said) {
		assertThat(this.north.speak(written)).isEqualTo(said);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Đại hội XIV của Đảng | Đại hội mười bốn của Đảng
			Hội nghị Trung ương 10 khóa XIII | Hội nghị Trung ương mười khóa mười ba
			Đại hội đại biểu toàn quốc lần thứ XIV | Đại hội đại biểu toàn quốc lần thứ mười bốn
			Đại hội Đảng bộ tỉnh lần thứ XXI | Đại hội Đảng bộ tỉnh lần thứ hai mươi mốt
			Đại hội lần thứ IV | Đại hội lần thứ tư
			lần thứ 2 | lần thứ hai
			giải thưởng thứ 1 | giải thưởng thứ nhất
			""")
	void readsCongressesTermsAndOrdinals(String written, String said) {
		assertThat(this.north.speak(written)).isEqualTo(said);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					theo Kế hoạch số 443-KH/TU | theo Kế hoạch số bốn trăm bốn mươi ba của Tỉnh ủy
					Nghị quyết số 18-NQ/TW, ngày 16/6/2022 | Nghị quyết số mười tám của Trung ương, ngày mười sáu tháng sáu năm hai nghìn không trăm hai mươi hai
					Quy định 101-QĐ/TW ngày 07/6/2012 | Quy định số một trăm linh một của Trung ương ngày mồng bảy tháng sáu năm hai nghìn không trăm mười hai
					thực hiện 76-KH/HU | thực hiện số bảy mươi sáu, kế hoạch của Huyện ủy
					Hướng dẫn số 06-HD/BTGDVTU | Hướng dẫn số sáu của Ban Tuyên giáo và Dân vận Tỉnh ủy
					văn bản 12-XY/ABC | văn bản số mười hai X Y A B C
					""")
	void readsDocumentNumbers(String written, String said) {
		assertThat(this.north.speak(written)).isEqualTo(said);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			phát sóng lúc 06:00 | phát sóng lúc sáu giờ
			từ 6h30 | từ sáu giờ ba mươi phút
			treo cờ từ 7h | treo cờ từ bảy giờ
			với số phiếu tuyệt đối (100%) | với số phiếu tuyệt đối (một trăm phần trăm)
			tăng trưởng 8,5% | tăng trưởng tám phẩy năm phần trăm
			dân số 1.250.000 người | dân số một triệu hai trăm năm mươi nghìn người
			chiều dài 3,05 km | chiều dài ba phẩy không năm km
			""")
	void readsTimesPercentagesAndNumbers(String written, String said) {
		assertThat(this.north.speak(written)).isEqualTo(said);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			UBND xã Phú Bình | Ủy ban nhân dân xã Phú Bình
			HĐND và UBND tỉnh | Hội đồng nhân dân và Ủy ban nhân dân tỉnh
			Ban Thường trực UBMTTQVN | Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam
			MTTQ các cấp | Mặt trận Tổ quốc các cấp
			nước CHXHCN Việt Nam | nước Cộng hòa xã hội chủ nghĩa Việt Nam
			TP. Thái Nguyên | thành phố Thái Nguyên
			hội thi, hội diễn, v.v. | hội thi, hội diễn, vân vân
			""")
	void readsTheGenresAbbreviations(String written, String said) {
		assertThat(this.north.speak(written)).isEqualTo(said);
	}

	@Test
	void readsTheNumbersOfHeadings() {
		assertThat(this.north.speak("I- MỤC ĐÍCH, YÊU CẦU\n1.2. Tuyên truyền\nII. NỘI DUNG"))
			.isEqualTo("một- MỤC ĐÍCH, YÊU CẦU\nmột chấm hai. Tuyên truyền\nhai. NỘI DUNG");
	}

	@Test
	void leavesAloneWhatItDoesNotKnow() {
		assertThat(this.north.speak("Mạng 5G và chuẩn G7; ngày 31/2; XIV đứng một mình; UBNDX."))
			.isEqualTo("Mạng 5G và chuẩn G7; ngày 31/2; XIV đứng một mình; UBNDX.");
	}

	@Test
	void aDeploymentAddsAndChangesReadings() {
		SpokenVietnamese city = SpokenVietnamese.withAbbreviations(Variant.NORTH,
				Map.of("issuer:TU", "Thành ủy", "BQL", "Ban quản lý"));
		assertThat(city.speak("Kế hoạch số 443-KH/TU của BQL chợ"))
			.isEqualTo("Kế hoạch số bốn trăm bốn mươi ba của Thành ủy của Ban quản lý chợ");
	}

	@Test
	void aListLineWithoutATabIsNamed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpokenVietnamese.readList(new StringReader("# đầu\nUBND\tỦy ban\nHĐND Hội đồng\n"),
					"abbreviations.tsv"))
			.withMessage("abbreviations.tsv line 3: expected the written form, a tab and what is said, "
					+ "found 'HĐND Hội đồng'");
	}

}
