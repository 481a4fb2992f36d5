package vn.loa.content;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.loa.calendar.WrittenOrdinals;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar's findings about written ordinals, each turned into a code with the values
 * a translation quotes.
 */
class OrdinalProblemsTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					Kỷ niệm 81 năm Quốc khánh (02/9/1945 - 02/9/2025)  | ORDINAL_WRONG_COUNT       | 81 năm Quốc khánh (02/9/1945 - 02/9/2025);81;80
					80 năm (30/02/1945 - 30/02/2025)                     | ORDINAL_IMPOSSIBLE_DATE   | 30/02/1945;80 năm (30/02/1945 - 30/02/2025)
					80 năm (02/9/1945 - 03/9/2025)                       | ORDINAL_DIFFERENT_DAYS    | 80 năm (02/9/1945 - 03/9/2025)
					""")
	void everyFindingTheCalendarWritesGetsItsOwnCode(String text, ContentError error, String arguments) {
		WrittenOrdinals.Finding finding = WrittenOrdinals.check(text).get(0);
		InvalidContentException refusal = OrdinalProblems.refusal("title", finding);
		assertThat(refusal.field()).isEqualTo("title");
		assertThat(refusal.getMessage()).isEqualTo(finding.message());
		assertThat(refusal.code()).isEqualTo(error.code());
		assertThat(refusal.arguments()).containsExactly((Object[]) arguments.split(";"));
	}

}
