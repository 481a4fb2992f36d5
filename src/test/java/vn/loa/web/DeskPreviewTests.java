package vn.loa.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DeskPreviewTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Mời bà con đưa trẻ đi tiêm.|7", "Ngày 02/9 - Quốc khánh|4", "  |0" })
	void countsSyllablesAsTheRadioQueueDoes(String script, int syllables) {
		assertThat(vn.loa.channels.radio.ReadingTime.syllables(script)).isEqualTo(syllables);
	}

	@Test
	void readsTheBodyWhenThereIsNoScriptAndSanitisesTheFeed() {
		DeskPreview preview = DeskPreview.of("Một **hai** <script>ba</script>", null);
		assertThat(preview.feedHtml()).contains("<strong>hai</strong>").doesNotContain("script");
		assertThat(preview.radioScript()).isEqualTo("Một hai");
		assertThat(preview.readingSeconds()).isEqualTo(1);
	}

	@Test
	void takesAMinuteForTwoHundredSyllables() {
		assertThat(DeskPreview.of("x", "từ ".repeat(200)).readingSeconds()).isEqualTo(60);
	}

}
