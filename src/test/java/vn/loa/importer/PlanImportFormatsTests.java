package vn.loa.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.loa.calendar.CalendarBook;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same plan, received as a Word file, a PDF (with the line breaks of a printed page)
 * or an HTML page with entities, is read into the same draft as its plain text.
 */
class PlanImportFormatsTests {

	private static final CalendarBook BOOK = PlanTexts.book();

	private static final Map<String, String> FIXTURES = Map.of("guidance", Fixtures.GUIDANCE, "commune",
			Fixtures.COMMUNE, "district", Fixtures.DISTRICT, "province", Fixtures.PROVINCE, "city", Fixtures.CITY);

	static Stream<Arguments> plansAndFormats() {
		return FIXTURES.keySet()
			.stream()
			.sorted()
			.flatMap((plan) -> Stream.of("docx", "pdf", "html").map((format) -> Arguments.of(plan, format)));
	}

	@ParameterizedTest(name = "{0} as .{1}")
	@MethodSource("plansAndFormats")
	void readsTheSameDraftFromEveryFormat(String plan, String format) throws IOException {
		String text = FIXTURES.get(plan);
		PlanDraft expected = PlanImports.read(plan + ".txt", text.getBytes(StandardCharsets.UTF_8), BOOK);
		byte[] bytes = switch (format) {
			case "docx" -> docx(text);
			case "pdf" -> pdf(text);
			default -> html(text);
		};
		PlanDraft actual = PlanImports.read(plan + "." + format, bytes, BOOK);
		assertThat(actual.toYaml()).isEqualTo(expected.toYaml());
		assertThat(actual.warnings()).extracting(PlanDraft.Warning::message)
			.containsExactlyInAnyOrderElementsOf(expected.warnings().stream().map(PlanDraft.Warning::message).toList());
	}

	private static byte[] docx(String text) throws IOException {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (String line : text.split("\n", -1)) {
				document.createParagraph().createRun().setText(line);
			}
			document.write(out);
			return out.toByteArray();
		}
	}

	/**
	 * Set on A4 as a word processor prints it: long paragraphs wrap onto several lines.
	 */
	private static byte[] pdf(String text) {
		Optional<Path> font = DocumentFixtures.vietnameseFont();
		Assumptions.assumeTrue(font.isPresent(), "no font with Vietnamese glyphs under /usr/share/fonts");
		List<String> lines = new ArrayList<>();
		for (String line : text.split("\n", -1)) {
			lines.addAll(wrap(line, 90));
		}
		return DocumentFixtures.pdf(lines, font);
	}

	private static List<String> wrap(String line, int width) {
		List<String> wrapped = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String word : line.split(" ")) {
			if (current.length() > 0 && current.length() + 1 + word.length() > width) {
				wrapped.add(current.toString());
				current.setLength(0);
			}
			current.append((current.length() > 0) ? " " : "").append(word);
		}
		wrapped.add(current.toString());
		return wrapped;
	}

	/**
	 * A page as a portal serves it: paragraphs, entities for accented letters and spaces.
	 */
	private static byte[] html(String text) {
		StringBuilder page = new StringBuilder(
				"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Kế hoạch</title>"
						+ "<script>var x = 1;</script></head><body>");
		for (String line : text.split("\n", -1)) {
			StringBuilder escaped = new StringBuilder();
			line.codePoints().forEach((c) -> {
				if (c == '&') {
					escaped.append("&amp;");
				}
				else if (c == '<') {
					escaped.append("&lt;");
				}
				else if (c == ' ' && escaped.length() % 7 == 3) {
					escaped.append("&nbsp;");
				}
				else if (c > 127) {
					escaped.append("&#").append(c).append(';');
				}
				else {
					escaped.appendCodePoint(c);
				}
			});
			page.append("<p>").append(escaped).append("</p>\n");
		}
		return page.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
	}

}
