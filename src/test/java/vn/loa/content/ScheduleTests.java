package vn.loa.content;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.CalendarLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScheduleTests {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final CalendarBook BOOK = CalendarLoader.load(Path.of("calendar")).book();

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2025-09-02 06:00                                    | 2025-09-02T06:00+07:00
			2025-09-02T17:30                                    | 2025-09-02T17:30+07:00
			2025-09-02 17:30:45                                 | 2025-09-02T17:30:45+07:00
			02/09/2025 06:00                                    | 2025-09-02T06:00+07:00
			2/9/2025                                            | 2025-09-02T06:00+07:00
			anniversary quoc-khanh 2025, 1 day before, 06:00    | 2025-09-01T06:00+07:00
			anniversary quoc-khanh, 2025, 1 day before, 06:00   | 2025-09-01T06:00+07:00
			Anniversary quoc-khanh 2025                         | 2025-09-02T06:00+07:00
			anniversary thanh-lap-dang 2025, 2 weeks before     | 2025-01-20T06:00+07:00
			anniversary tong-tuyen-cu 2026, 3 hours before, 09:00 | 2026-01-06T06:00+07:00
			start of phase 2 of 443-KH/TU, 07:00                | 2025-01-01T07:00+07:00
			start of phase 1 of 443-kh-tu                       | 2024-10-03T06:00+07:00
			end of phase 2 of 443-KH/TU, 17:00                  | 2026-01-19T17:00+07:00
			event dai-hoi-xiv, 1 day after, 06:00               | 2026-01-20T06:00+07:00
			""")
	void resolvesWrittenSchedulesInVietnamTime(String spec, String expected) {
		ZonedDateTime resolved = Schedule.resolve(spec, BOOK, VIETNAM);
		assertThat(resolved.toOffsetDateTime()).hasToString(expected);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			06:00 ngày 02/9/2025                                   | 2025-09-02T06:00+07:00
			6h30 ngày 2/9/2025                                     | 2025-09-02T06:30+07:00
			ngày 02/9/2025 lúc 17 giờ 15                           | 2025-09-02T17:15+07:00
			06:00, 1 ngày trước Kỷ niệm Quốc khánh 2025            | 2025-09-01T06:00+07:00
			06:00, 1 ngày trước Kỷ niệm 80 năm Quốc khánh          | 2025-09-01T06:00+07:00
			2 tuần trước Ngày thành lập Đảng 2025                  | 2025-01-20T06:00+07:00
			07:00 ngày bắt đầu giai đoạn 2 của 443-KH/TU           | 2025-01-01T07:00+07:00
			17:00 ngày kết thúc đợt 2 của 443-KH/TU                | 2026-01-19T17:00+07:00
			ngày khai mạc Đại hội XIV                              | 2026-01-19T06:00+07:00
			06:00, 1 ngày sau khai mạc Đại hội XIV                 | 2026-01-20T06:00+07:00
			08:00 Kỷ niệm quoc-khanh 2025                          | 2025-09-02T08:00+07:00
			""")
	void readsSchedulesWrittenInVietnamese(String spec, String expected) {
		ZonedDateTime resolved = Schedule.resolve(spec, BOOK, VIETNAM);
		assertThat(resolved.toOffsetDateTime()).hasToString(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					2025-09-02 06:00                                 | 06:00 ngày 02/09/2025                                                   | 06:00 on 02/09/2025
					anniversary quoc-khanh 2025, 1 day before, 06:00 | 06:00, 1 ngày trước Kỷ niệm Ngày Quốc khánh nước CHXHCN Việt Nam 2025 | 06:00, 1 day before National Day 2025
					start of phase 2 of 443-KH/TU, 07:00             | 07:00 ngày bắt đầu giai đoạn 2 của 443-KH/TU                            | 07:00 on the start of phase 2 of 443-KH/TU
					event dai-hoi-xiv, 2 weeks before, 07:00         | 07:00, 2 tuần trước ngày khai mạc Đại hội đại biểu toàn quốc lần thứ XIV của Đảng | 07:00, 2 weeks before the opening of 14th National Congress of the Communist Party of Viet Nam
					""")
	void saysAStoredScheduleAsAnEditorWouldAndTheVietnameseReadsBack(String stored, String vietnamese, String english) {
		assertThat(Schedule.said(stored, BOOK, java.util.Locale.forLanguageTag("vi"))).isEqualTo(vietnamese);
		assertThat(Schedule.said(stored, BOOK, java.util.Locale.ENGLISH)).isEqualTo(english);
		assertThat(Schedule.stored(vietnamese, BOOK)).isEqualTo(stored);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			06:00, 1 ngày trước Kỷ niệm Ngày Không Có 2025 | WHEN_UNKNOWN_NAME   | Ngày Không Có
			06:00, 1 ngày trước Kỷ niệm Quốc khánh         | WHEN_ANNIVERSARY_YEAR | Quốc khánh
			06:00 ngày 31/9/2025                           | WHEN_IMPOSSIBLE_DATE | 31/9/2025
			""")
	void aVietnameseScheduleItCannotReadIsRefusedInWordsThatDoNotAskForEnglish(String spec, ContentError error,
			String argument) {
		assertThatExceptionOfType(Schedule.ScheduleException.class)
			.isThrownBy(() -> Schedule.resolve(spec, BOOK, VIETNAM))
			.satisfies((ex) -> {
				assertThat(ex.error()).isEqualTo(error);
				assertThat(ex.arguments()).first().hasToString(argument);
			});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			30/02/2025 06:00                        | impossible date
			2025-09-02 25:00                        | impossible time '25:00'
			anniversary quoc-khan 2025              | unknown anniversary 'quoc-khan'
			anniversary quoc-khanh 1940             | has no occurrence in 1940
			start of phase 3 of 443-KH/TU           | has no phase 3
			start of phase 1 of 999-KH/TU           | unknown plan '999-KH/TU'
			event dai-hoi-tinh-thai-nguyen-xxi      | is not known yet
			anniversary quoc-khanh 2025, soon       | cannot read 'soon'
			next tuesday                            | cannot read schedule 'next tuesday'
			""")
	void explainsWhatItCannotResolve(String spec, String message) {
		assertThatExceptionOfType(Schedule.ScheduleException.class)
			.isThrownBy(() -> Schedule.resolve(spec, BOOK, VIETNAM))
			.withMessageContaining(message);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			30/02/2025 06:00                        | WHEN_IMPOSSIBLE_DATE      | 30/02/2025 06:00
			2025-09-02 25:00                        | WHEN_IMPOSSIBLE_TIME      | 25:00;2025-09-02 25:00
			anniversary quoc-khan 2025              | WHEN_UNKNOWN_ANNIVERSARY  | quoc-khan
			anniversary quoc-khanh 1940             | WHEN_NO_OCCURRENCE        | quoc-khanh;1940
			start of phase 3 of 443-KH/TU           | WHEN_NO_PHASE             | 443-KH/TU;3
			start of phase 1 of 999-KH/TU           | WHEN_UNKNOWN_PLAN         | 999-KH/TU
			event dai-hoi-tinh-thai-nguyen-xxi      | WHEN_EVENT_UNDATED        | dai-hoi-tinh-thai-nguyen-xxi
			event khong-co                          | WHEN_UNKNOWN_EVENT        | khong-co
			anniversary quoc-khanh 2025, soon       | WHEN_UNREADABLE_PART      | soon;anniversary quoc-khanh 2025, soon
			next tuesday                            | WHEN_UNREADABLE           | next tuesday
			""")
	void namesWhatItCannotResolveByCodeForPagesInOtherLanguages(String spec, ContentError error, String arguments) {
		assertThatExceptionOfType(Schedule.ScheduleException.class)
			.isThrownBy(() -> Schedule.resolve(spec, BOOK, VIETNAM))
			.satisfies((ex) -> {
				assertThat(ex.error()).isEqualTo(error);
				assertThat(ex.arguments()).containsExactly((Object[]) arguments.split(";"));
				assertThat(ex.arguments()).hasSize(error.arity());
			});
	}

	@Test
	void givesTheSameInstantWhateverTheJvmZone() {
		java.util.TimeZone saved = java.util.TimeZone.getDefault();
		try {
			java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
			var utc = Schedule.resolve("anniversary quoc-khanh 2025, 06:00", BOOK, VIETNAM).toInstant();
			java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
			var vietnam = Schedule.resolve("anniversary quoc-khanh 2025, 06:00", BOOK, VIETNAM).toInstant();
			assertThat(utc).isEqualTo(vietnam).hasToString("2025-09-01T23:00:00Z");
		}
		finally {
			java.util.TimeZone.setDefault(saved);
		}
	}

}
