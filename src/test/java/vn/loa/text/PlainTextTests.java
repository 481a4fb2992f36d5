package vn.loa.text;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTests {

	@ParameterizedTest
	@ValueSource(ints = { 0x00, 0x01, 0x07, 0x08, 0x1B, 0x1F, 0x7F, 0x80, 0x9F, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xFDD0,
			0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF })
	void refusesControlsSurrogatesAndNonCharacters(int codePoint) {
		assertThat(PlainText.isForbidden(codePoint)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(ints = { '\t', '\n', '\r', 0x0B, 0x0C, 0x85, 0x2028, 0x2029, ' ', 'a', 0x1EA1, 0x0301, 0x200F, 0x202E,
			0x200D, 0xFEFF, 0xFFFD, 0x1F600, 0x20000, 0xE000 })
	void acceptsTextLineBreaksAndEveryOtherCharacter(int codePoint) {
		assertThat(PlainText.isForbidden(codePoint)).isFalse();
	}

	@Test
	void everyC0ControlButTabAndLineBreaksIsForbidden() {
		assertThat(IntStream.range(0, 0x20).filter(PlainText::isForbidden).count()).isEqualTo(32 - 5);
	}

	@Test
	void turnsWordProcessorLineBreaksIntoNewLines() {
		for (String lineBreak : new String[] { "\u000B", "\u000C", "\r\n", "\r", "\u2028", "\u2029", "\u0085" }) {
			assertThat(PlainText.normalise("Dòng một" + lineBreak + "Dòng hai")).as(lineBreak)
				.isEqualTo("Dòng một\nDòng hai");
		}
		assertThat(PlainText.normalise("Không đổi")).isEqualTo("Không đổi");
	}

	@Test
	void aOneLineFieldGetsSpacesForLineBreaksAndTabs() {
		assertThat(PlainText.normaliseLine("Kỷ niệm 80 năm\u000BNgày Quốc khánh\tnăm 2025"))
			.isEqualTo("Kỷ niệm 80 năm Ngày Quốc khánh năm 2025");
	}

	@Test
	void findsTheFirstForbiddenCharacterWithItsLineAndColumn() {
		ForbiddenCharacter found = PlainText.firstForbidden("Dòng một\nDòng\u0007 hai\u0000").orElseThrow();

		assertThat(found.codePoint()).isEqualTo(7);
		assertThat(found.line()).isEqualTo(2);
		assertThat(found.column()).isEqualTo(5);
		assertThat(found.character()).isEqualTo("U+0007 BEL");
		assertThat(found.position()).isEqualTo("line 2, column 5");
	}

	@Test
	void countsAnEmojiAsOneColumnAndNamesALoneSurrogate() {
		ForbiddenCharacter found = PlainText.firstForbidden("😀x\uD800").orElseThrow();

		assertThat(found.column()).isEqualTo(3);
		assertThat(found.character()).isEqualTo("U+D800 (lone surrogate)");
		assertThat(PlainText.firstForbidden("a\uFFFE").orElseThrow().character()).isEqualTo("U+FFFE (non-character)");
	}

	@Test
	void cleanTextHasNothingForbidden() {
		assertThat(PlainText.firstForbidden("Kỷ niệm 80 năm 😀 e\u0301 \u200F\u202E\uD840\uDC00\n\tx")).isEmpty();
	}

	@Test
	void outputDropsWhatNoFormatCarriesAndKeepsTheRest() {
		assertThat(PlainText.forOutput("A\u0000B\u0007C\u001BD\uD800E\uFFFEF😀G\u000BH")).isEqualTo("ABCDEF😀G\nH");
		assertThat(PlainText.lineForOutput("Tiêu\u0007 đề\nmới")).isEqualTo("Tiêu đề mới");
	}

	@Test
	void aLoneLowSurrogateAfterAPairIsStillDropped() {
		assertThat(PlainText.forOutput("😀\uDC00x")).isEqualTo("😀x");
	}

}
