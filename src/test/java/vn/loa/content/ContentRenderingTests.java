package vn.loa.content;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentRenderingTests {

	private static final String HOSTILE = "Kính gửi bà con. <script>alert('x')</script>\n\n"
			+ "[Xem chi tiết](javascript:alert(1)) <img src=x onerror=alert(2)> [Cổng](https://example.vn)\n\n"
			+ "<div onclick=\"steal()\">khối</div>";

	@Test
	void htmlKeepsTheWordsAndDropsScriptsHandlersAndJavascriptLinks() {
		assertThat(ContentRendering.html(HOSTILE)).contains("Kính gửi bà con.", "Xem chi tiết", "https://example.vn")
			.doesNotContain("<script", "alert('x')", "javascript:", "onerror", "onclick");
	}

	@Test
	void plainTextForMailAndRadioCarriesNoMarkupNoScriptAndNoUnsafeAddress() {
		assertThat(ContentRendering.text(HOSTILE)).isEqualTo("""
				Kính gửi bà con.
				"Xem chi tiết" "Cổng" (https://example.vn)""");
	}

}
