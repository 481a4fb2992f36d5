package vn.loa.calendar;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OccurrenceTests {

	private static CalendarBook book;

	@BeforeAll
	static void loadRealCalendar() {
		book = CalendarLoader.load(Path.of("calendar")).book();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					quoc-khanh                | 2025 | 80  | NAM_TRON | Kỷ niệm 80 năm Ngày Quốc khánh nước CHXHCN Việt Nam (02/9/1945 - 02/9/2025)
					quoc-khanh                | 2024 | 79  | KHAC     | Kỷ niệm 79 năm Ngày Quốc khánh nước CHXHCN Việt Nam (02/9/1945 - 02/9/2024)
					thanh-lap-dang            | 2025 | 95  | NAM_LE_5 | Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025)
					thanh-lap-dang            | 2030 | 100 | NAM_TRON | Kỷ niệm 100 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2030)
					giai-phong-mien-nam       | 2025 | 50  | NAM_TRON | Kỷ niệm 50 năm Ngày Giải phóng miền Nam thống nhất đất nước (30/4/1975 - 30/4/2025)
					sinh-nhat-bac-ho          | 2025 | 135 | NAM_LE_5 | Kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2025)
					cach-mang-thang-tam       | 2025 | 80  | NAM_TRON | Kỷ niệm 80 năm Ngày Cách mạng Tháng Tám thành công (19/8/1945 - 19/8/2025)
					chien-thang-dien-bien-phu | 2024 | 70  | NAM_TRON | Kỷ niệm 70 năm Ngày Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)
					tong-tuyen-cu             | 2026 | 80  | NAM_TRON | Kỷ niệm 80 năm Ngày Tổng tuyển cử đầu tiên bầu Quốc hội Việt Nam (06/01/1946 - 06/01/2026)
					thanh-lap-doan            | 2026 | 95  | NAM_LE_5 | Kỷ niệm 95 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh (26/3/1931 - 26/3/2026)
					toan-dan-bao-ve-an-ninh-to-quoc | 2026 | 21 | KHAC | Kỷ niệm 21 năm Ngày hội Toàn dân bảo vệ an ninh Tổ quốc (19/8/2005 - 19/8/2026)
					""")
	void countsOrdinalClassAndTitleFromTheOrigin(String id, int year, int ordinal, OccurrenceClass occurrenceClass,
			String title) {
		Occurrence occurrence = book.anniversary(id).orElseThrow().occurrenceIn(year).orElseThrow();
		assertThat(occurrence.ordinal()).isEqualTo(ordinal);
		assertThat(occurrence.occurrenceClass()).isEqualTo(occurrenceClass);
		assertThat(occurrence.title()).isEqualTo(title);
		assertThat(occurrence.date().getYear()).isEqualTo(year);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					quoc-khanh                | 2025 | 80th anniversary of National Day (02/9/1945 - 02/9/2025)
					quoc-khanh                | 1946 | 1st anniversary of National Day (02/9/1945 - 02/9/1946)
					quoc-khanh                | 1947 | 2nd anniversary of National Day (02/9/1945 - 02/9/1947)
					quoc-khanh                | 1948 | 3rd anniversary of National Day (02/9/1945 - 02/9/1948)
					quoc-khanh                | 1956 | 11th anniversary of National Day (02/9/1945 - 02/9/1956)
					quoc-khanh                | 1957 | 12th anniversary of National Day (02/9/1945 - 02/9/1957)
					quoc-khanh                | 1958 | 13th anniversary of National Day (02/9/1945 - 02/9/1958)
					toan-dan-bao-ve-an-ninh-to-quoc | 2026 | 21st anniversary of All-People National Security Protection Day (19/8/2005 - 19/8/2026)
					toan-dan-bao-ve-an-ninh-to-quoc | 2027 | 22nd anniversary of All-People National Security Protection Day (19/8/2005 - 19/8/2027)
					toan-dan-bao-ve-an-ninh-to-quoc | 2028 | 23rd anniversary of All-People National Security Protection Day (19/8/2005 - 19/8/2028)
					thanh-lap-dang            | 2025 | 95th anniversary of Founding of the Communist Party of Viet Nam (03/02/1930 - 03/02/2025)
					giai-phong-mien-nam       | 2025 | 50th anniversary of Liberation of the South and National Reunification (30/4/1975 - 30/4/2025)
					sinh-nhat-bac-ho          | 2025 | 135th anniversary of Birthday of President Ho Chi Minh (19/5/1890 - 19/5/2025)
					tet-nguyen-dan            | 2026 | Lunar New Year (Tết) 2026
					gio-to-hung-vuong         | 2026 | Hung Kings Commemoration 2026
					""")
	void writesTheTitleInEnglishWithEnglishOrdinals(String id, int year, String title) {
		Occurrence occurrence = book.anniversary(id).orElseThrow().occurrenceIn(year).orElseThrow();
		assertThat(occurrence.title(Locale.ENGLISH)).isEqualTo(title);
		assertThat(occurrence.title(Locale.forLanguageTag("en-GB"))).isEqualTo(title);
	}

	@ParameterizedTest
	@CsvSource({ "quoc-khanh, 2025", "tet-nguyen-dan, 2026", "gio-to-hung-vuong, 2026", "thanh-lap-dang, 2030" })
	void keepsTheVietnameseTitleAndDateForAnyOtherLanguage(String id, int year) {
		Occurrence occurrence = book.anniversary(id).orElseThrow().occurrenceIn(year).orElseThrow();
		for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.forLanguageTag("vi-VN"), Locale.FRENCH)) {
			assertThat(occurrence.title(locale)).isEqualTo(occurrence.title());
			assertThat(occurrence.displayDate(locale)).isEqualTo(occurrence.displayDate());
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			1990 | 11th anniversary of Ngày hội (23/11/1979 - 23/11/1990)
			2001 | 22nd anniversary of Ngày hội (23/11/1979 - 23/11/2001)
			""")
	void fallsBackToTheVietnameseNameWhenThereIsNoEnglishOne(int year, String title) {
		Anniversary anniversary = new Anniversary("ngay-hoi", "Ngày hội", 23, 11, 1979, Tier.KHAC, "default");
		Occurrence occurrence = anniversary.occurrenceIn(year).orElseThrow();
		assertThat(occurrence.title(Locale.ENGLISH)).isEqualTo(title);
		assertThat(anniversary.nameIn(Locale.ENGLISH)).isEqualTo("Ngày hội");
	}

	@Test
	void aLunarOccurrenceBelongsToItsLunarYearEvenInTheNextJanuary() {
		// 23/12 of lunar year 2026 falls on 30/01/2027, a week before Tết.
		Anniversary lunar = new Anniversary("ong-tao", "Ông Công Ông Táo", 23, 12, null, Tier.KHAC, "default", true,
				null);
		Occurrence occurrence = lunar.occurrenceIn(2026).orElseThrow();
		assertThat(occurrence.date()).isEqualTo(LocalDate.of(2027, 1, 30));
		assertThat(occurrence.year()).isEqualTo(2026);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			gio-to-hung-vuong | 2026 | 10/3 lunar, 26/04/2026  | 10/3 âm lịch, 26/04/2026
			quoc-khanh        | 2025 | 02/09/2025              | 02/09/2025
			""")
	void showsTheLunarDateInEnglish(String id, int year, String english, String vietnamese) {
		Occurrence occurrence = book.anniversary(id).orElseThrow().occurrenceIn(year).orElseThrow();
		assertThat(occurrence.displayDate(Locale.ENGLISH)).isEqualTo(english);
		assertThat(occurrence.displayDate()).isEqualTo(vietnamese);
	}

	@ParameterizedTest
	@CsvSource({ "quoc-khanh, 1945", "quoc-khanh, 1900", "tong-tuyen-cu, 1946", "sinh-nhat-bac-ho, 1890" })
	void hasNoOccurrenceInOrBeforeTheOriginYear(String id, int year) {
		assertThat(book.anniversary(id).orElseThrow().occurrenceIn(year)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null",
			value = { "null, KHAC", "0, KHAC", "-10, KHAC", "1, KHAC", "5, NAM_LE_5", "10, NAM_TRON", "15, NAM_LE_5",
					"79, KHAC", "80, NAM_TRON", "95, NAM_LE_5", "135, NAM_LE_5", "100, NAM_TRON" })
	void classifiesOrdinalsByTheirLastDigit(Integer ordinal, OccurrenceClass expected) {
		assertThat(OccurrenceClass.of(ordinal)).isEqualTo(expected);
	}

	@Test
	void titlesAnAnniversaryWithoutOriginYearByItsYear() {
		Anniversary anniversary = new Anniversary("ngay-hoi", "Ngày hội", 23, 11, null, Tier.KHAC, "default");
		Occurrence occurrence = anniversary.occurrenceIn(2025).orElseThrow();
		assertThat(occurrence.ordinal()).isNull();
		assertThat(occurrence.occurrenceClass()).isEqualTo(OccurrenceClass.KHAC);
		assertThat(occurrence.title()).isEqualTo("Ngày hội 2025");
	}

	@Test
	void skipsTheTwentyNinthOfFebruaryOutsideLeapYears() {
		Anniversary anniversary = new Anniversary("nhuan", "Ngày nhuận", 29, 2, 2000, Tier.KHAC, "default");
		assertThat(anniversary.occurrenceIn(2025)).isEmpty();
		assertThat(anniversary.occurrenceIn(2028)).map(Occurrence::ordinal).contains(28);
	}

	@Test
	void listsTheOccurrencesAroundNationalDayByDateThenId() {
		assertThat(book.occurrencesBetween(LocalDate.of(2025, 8, 19), LocalDate.of(2025, 9, 2)))
			.extracting((occurrence) -> occurrence.anniversary().id())
			.containsExactly("cach-mang-thang-tam", "toan-dan-bao-ve-an-ninh-to-quoc", "truyen-thong-cong-an-nhan-dan",
					"truyen-thong-van-hoa", "ngay-mat-bac-ho", "quoc-khanh");
	}

	@Test
	void countsTheDeathAnniversaryOfHoChiMinhFrom1969() {
		Occurrence occurrence = book.anniversary("ngay-mat-bac-ho").orElseThrow().occurrenceIn(2029).orElseThrow();
		assertThat(occurrence.ordinal()).isEqualTo(60);
		assertThat(occurrence.title())
			.isEqualTo("Kỷ niệm 60 năm Ngày mất Chủ tịch Hồ Chí Minh (02/9/1969 - 02/9/2029)");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			tet-nguyen-dan    | 2024 | 2024-02-10 | 1/1 âm lịch, 10/02/2024  | Tết Nguyên đán 2024
			tet-nguyen-dan    | 2025 | 2025-01-29 | 1/1 âm lịch, 29/01/2025  | Tết Nguyên đán 2025
			tet-nguyen-dan    | 2026 | 2026-02-17 | 1/1 âm lịch, 17/02/2026  | Tết Nguyên đán 2026
			tet-nguyen-dan    | 2027 | 2027-02-06 | 1/1 âm lịch, 06/02/2027  | Tết Nguyên đán 2027
			gio-to-hung-vuong | 2024 | 2024-04-18 | 10/3 âm lịch, 18/04/2024 | Giỗ Tổ Hùng Vương 2024
			gio-to-hung-vuong | 2025 | 2025-04-07 | 10/3 âm lịch, 07/04/2025 | Giỗ Tổ Hùng Vương 2025
			gio-to-hung-vuong | 2026 | 2026-04-26 | 10/3 âm lịch, 26/04/2026 | Giỗ Tổ Hùng Vương 2026
			""")
	void placesTheLunarAnniversariesOfTheRealCalendar(String id, int year, LocalDate date, String display,
			String title) {
		Occurrence occurrence = book.anniversary(id).orElseThrow().occurrenceIn(year).orElseThrow();
		assertThat(occurrence.date()).isEqualTo(date);
		assertThat(occurrence.displayDate()).isEqualTo(display);
		assertThat(occurrence.title()).isEqualTo(title);
		assertThat(occurrence.ordinal()).isNull();
		assertThat(occurrence.lunarDate()).map(LunarDate::year).contains(year);
	}

	@Test
	void showsOnlyTheSolarDateOfASolarAnniversary() {
		Occurrence occurrence = book.anniversary("quoc-khanh").orElseThrow().occurrenceIn(2025).orElseThrow();
		assertThat(occurrence.lunarDate()).isEmpty();
		assertThat(occurrence.displayDate()).isEqualTo("02/09/2025");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2023 | 2024-02-09 | 30/12 âm lịch, 09/02/2024
			2024 | 2025-01-28 | 29/12 âm lịch, 28/01/2025
			2025 | 2026-02-16 | 29/12 âm lịch, 16/02/2026
			""")
	void keepsTheThirtiethOfAShortLunarMonthOnTheTwentyNinth(int year, LocalDate date, String display) {
		Anniversary anniversary = new Anniversary("tat-nien", "Tất niên", 30, 12, null, Tier.KHAC, "default", true);
		Occurrence occurrence = anniversary.occurrenceIn(year).orElseThrow();
		assertThat(occurrence.date()).isEqualTo(date);
		assertThat(occurrence.displayDate()).isEqualTo(display);
	}

	@Test
	void keepsALunarAnniversaryInTheRegularMonthOfALeapYear() {
		// Lunar 2025 repeats month 6: the regular one starts 25/06/2025, the leap one
		// 25/07/2025.
		Anniversary anniversary = new Anniversary("giua-nam", "Giữa năm", 15, 6, null, Tier.KHAC, "default", true);
		Occurrence occurrence = anniversary.occurrenceIn(2025).orElseThrow();
		assertThat(occurrence.date()).isEqualTo(LocalDate.of(2025, 7, 9));
		assertThat(occurrence.lunarDate()).contains(new LunarDate(15, 6, 2025, false));
	}

	@Test
	void countsLunarYearsFromALunarOrigin() {
		// 20/12 of lunar 2024 is 19/01/2025; of lunar 2025, 07/02/2026.
		Anniversary anniversary = new Anniversary("ngay-le", "Ngày lễ", 20, 12, 2024, Tier.KHAC, "default", true);
		assertThat(anniversary.occurrenceIn(2024)).isEmpty();
		Occurrence occurrence = anniversary.occurrenceIn(2025).orElseThrow();
		assertThat(occurrence.date()).isEqualTo(LocalDate.of(2026, 2, 7));
		assertThat(occurrence.ordinal()).isEqualTo(1);
		assertThat(occurrence.title()).isEqualTo("Kỷ niệm 1 năm Ngày lễ (19/01/2025 - 07/02/2026)");
		CalendarBook lunarBook = new CalendarBook(List.of(anniversary), List.of(), List.of(), List.of());
		assertThat(lunarBook.occurrencesBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1)))
			.extracting(Occurrence::date)
			.containsExactly(LocalDate.of(2026, 2, 7));
	}

	@ParameterizedTest
	@CsvSource({ "1945-09-02, 02/9/1945", "1930-02-03, 03/02/1930", "1975-04-30, 30/4/1975", "1946-01-06, 06/01/1946",
			"2025-12-31, 31/12/2025" })
	void writesDatesTheAdministrativeWay(LocalDate date, String written) {
		assertThat(VietnameseDates.format(date)).isEqualTo(written);
	}

}
