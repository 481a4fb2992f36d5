package vn.loa.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.loa.channels.radio.SpokenScripts;

import static org.assertj.core.api.Assertions.assertThat;

class DeskPreviewTests {

	private final SpokenScripts speech = new SpokenScripts("north", null);

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Mời bà con đưa trẻ đi tiêm.|7", "Ngày 02/9 - Quốc khánh|7", "  |0",
			"UBND xã treo cờ lúc 06:00|10" })
	void countsTheSyllablesOfWhatIsSaidAsTheRadioQueueDoes(@org.jspecify.annotations.Nullable String written,
			int syllables) {
		String script = (written != null) ? written : "";
		assertThat(this.speech.syllables(script)).isEqualTo(syllables);
		assertThat(DeskPreview.of("", script, this.speech).syllables()).isEqualTo(syllables);
	}

	@Test
	void showsWhatIsSaid() {
		assertThat(DeskPreview.of("x", "Kỷ niệm 80 năm Quốc khánh 02/9", this.speech).spokenScript())
			.isEqualTo("Kỷ niệm tám mươi năm Quốc khánh ngày mồng hai tháng chín");
	}

	@Test
	void readsTheBodyWhenThereIsNoScriptAndSanitisesTheFeed() {
		DeskPreview preview = DeskPreview.of("Một **hai** <script>ba</script>", null, this.speech);
		assertThat(preview.feedHtml()).contains("<strong>hai</strong>").doesNotContain("script");
		assertThat(preview.radioScript()).isEqualTo("Một hai");
		assertThat(preview.readingSeconds()).isEqualTo(1);
	}

	@Test
	void takesAMinuteForTwoHundredSyllables() {
		assertThat(DeskPreview.of("x", "từ ".repeat(200), this.speech).readingSeconds()).isEqualTo(60);
	}

}
