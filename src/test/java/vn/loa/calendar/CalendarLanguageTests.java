package vn.loa.calendar;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarLanguageTests {

	@ParameterizedTest
	@CsvSource({ "1, 1st", "2, 2nd", "3, 3rd", "4, 4th", "10, 10th", "11, 11th", "12, 12th", "13, 13th", "14, 14th",
			"21, 21st", "22, 22nd", "23, 23rd", "50, 50th", "71, 71st", "80, 80th", "92, 92nd", "95, 95th",
			"100, 100th", "101, 101st", "111, 111th", "112, 112th", "113, 113th", "122, 122nd", "135, 135th",
			"1000, 1000th", "1011, 1011th", "1021, 1021st" })
	void writesEnglishOrdinals(int number, String ordinal) {
		assertThat(CalendarLanguage.ordinal(number)).isEqualTo(ordinal);
	}

	@ParameterizedTest
	@CsvSource({ "en, true", "en-US, true", "en-GB, true", "vi, false", "vi-VN, false", "fr, false" })
	void onlyEnglishLocalesGetEnglish(String tag, boolean english) {
		assertThat(CalendarLanguage.english(Locale.forLanguageTag(tag))).isEqualTo(english);
	}

}
