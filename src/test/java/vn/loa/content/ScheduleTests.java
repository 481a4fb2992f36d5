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
