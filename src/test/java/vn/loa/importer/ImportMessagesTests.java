package vn.loa.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.loa.calendar.CalendarBook;
import vn.loa.importer.PlanDraft.Recognised;
import vn.loa.importer.PlanDraft.Warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The importer's codes: each has its words in Vietnamese and English, and each warning
 * and document error carries its code and arguments beside the unchanged English text.
 */
class ImportMessagesTests {

	private static final CalendarBook BOOK = PlanTexts.book();

	@ParameterizedTest
	@ValueSource(strings = { "messages.properties", "messages_en.properties" })
	void everyCodeTheImporterUsesHasAMessage(String file) throws IOException {
		Properties messages = load(file);
		for (ImportMessage code : ImportMessage.values()) {
			String key = ImportMessage.KEY_PREFIX + code.code();
			assertThat(messages.getProperty(key)).as("%s in %s", key, file).isNotBlank();
			// Every argument placed, no apostrophe swallowed as a MessageFormat quote.
			String pattern = messages.getProperty(key);
			String filled = new MessageFormat(pattern, Locale.ROOT).format(new Object[] { "A0", "A1", "A2", "A3" });
			assertThat(filled).as("%s in %s", key, file).doesNotContain("{", "}");
			assertThat(pattern.replace("''", "")).as("%s in %s", key, file).doesNotContain("'");
		}
	}

	@Test
	void codesAreDistinct() {
		List<String> codes = Arrays.stream(ImportMessage.values()).map(ImportMessage::code).toList();
		assertThat(codes).doesNotHaveDuplicates();
	}

	@Test
	void everyWarningOfTheTestPlansHasAKnownCode() {
		List<String> codes = Arrays.stream(ImportMessage.values()).map(ImportMessage::code).toList();
		Stream.of(Fixtures.GUIDANCE, Fixtures.COMMUNE, Fixtures.DISTRICT, Fixtures.PROVINCE, Fixtures.CITY)
			.map(ImportMessagesTests::parse)
			.flatMap((draft) -> Stream.concat(draft.warnings().stream().map(Warning::code),
					draft.recognised().stream().map(Recognised::code)))
			.forEach((code) -> assertThat(codes).contains(code));
	}

	@Test
	void aWarningCarriesItsCodeAndArgumentsBesideTheEnglishText() {
		PlanDraft draft = parse(
				"KẾ HOẠCH\ntuyên truyền năm 2025\n\nI. NỘI DUNG\n\n1. Giai đoạn 1: tuyên truyền sâu rộng.\n"
						+ "2. Kỷ niệm 80 năm Cách mạng tháng Tám (19/8/1945-31/9/2025).\n");
		assertThat(draft.warnings()).extracting(Warning::line, Warning::code, Warning::arguments, Warning::message)
			.contains(tuple(6, "phase.no-end", List.of("Giai đoạn 1"), "phase 'Giai đoạn 1' has no end: enter one"),
					tuple(7, "anniversary.range-impossible-date", List.of("19/8/1945-31/9/2025"),
							"impossible date in '19/8/1945-31/9/2025': anniversary not added"));
	}

	@Test
	void anOrdinalThatDisagreesWithItsDatesSaysBothCounts() {
		PlanDraft draft = parse("KẾ HOẠCH\ntuyên truyền\n\nI. NỘI DUNG\n\n1. Kỷ niệm 71 năm Ngày thành lập"
				+ " Hợp tác xã (16/11/1974-16/11/2018).\n");
		assertThat(draft.warnings()).filteredOn((w) -> w.code().equals("anniversary.ordinal-span"))
			.singleElement()
			.satisfies((w) -> {
				assertThat(w.line()).isEqualTo(6);
				assertThat(w.arguments()).containsExactly("71 năm (16/11/1974 - 16/11/2018)", "71", "44",
						"Ngày thành lập Hợp tác xã");
				assertThat(w.message()).contains("says 71 năm", "44 years apart");
			});
	}

	@Test
	void theRecognisedValuesNameNumberDatePhasesAndOutletsWithTheirLines() {
		PlanDraft draft = parse("""
				ĐẢNG BỘ XÃ LONG SƠN
				Số 12-KH/ĐU          Long Sơn, ngày 05 tháng 3 năm 2025

				KẾ HOẠCH
				tuyên truyền kỷ niệm 50 năm Ngày giải phóng miền Nam

				I. NỘI DUNG

				1. Giai đoạn từ ngày 01/4/2025 đến ngày 30/4/2025: tuyên truyền sâu rộng.

				II. HÌNH THỨC TUYÊN TRUYỀN

				Tuyên truyền trên hệ thống đài truyền thanh xã.
				""");
		assertThat(draft.recognised()).extracting(Recognised::line, Recognised::code, Recognised::arguments)
			.contains(tuple(2, "value.number", List.of("12-KH/ĐU")), tuple(2, "value.date", List.of("05/03/2025")),
					tuple(9, "value.phase",
							List.of("Giai đoạn từ ngày 01/4/2025 đến ngày 30/4/2025", "01/04/2025", "30/04/2025")));
		assertThat(draft.recognised()).extracting(Recognised::code).contains("value.outlet.radio");
	}

	@Test
	void aDocumentErrorCarriesItsCodeAndTheFileName() {
		UnreadableDocumentException empty = catchThrowableOfType(UnreadableDocumentException.class,
				() -> PlanDocuments.read("rong.txt", new byte[0]));
		assertThat(empty).hasMessage("rong.txt is empty");
		assertThat(empty.code()).isEqualTo("document.empty");
		assertThat(empty.arguments()).containsExactly("rong.txt");

		UnreadableDocumentException doc = catchThrowableOfType(UnreadableDocumentException.class,
				() -> PlanDocuments.read("ke-hoach.doc", new byte[] { 1, 2, 3 }));
		assertThat(doc.getMessage()).contains("save it as .docx");
		assertThat(doc.code()).isEqualTo("document.doc");
		assertThat(doc.arguments()).containsExactly("ke-hoach.doc");

		UnreadableDocumentException latin = catchThrowableOfType(UnreadableDocumentException.class, () -> PlanDocuments
			.read("cp1258.txt", "KE HOACH\nNgày lễ\n".getBytes(java.nio.charset.Charset.forName("windows-1258"))));
		assertThat(latin.code()).isEqualTo("document.text.encoding");
		assertThat(latin.arguments()).containsExactly("cp1258.txt", "UTF-8", "2");
	}

	private static PlanDraft parse(String text) {
		return new PlanParser().parse(PlanTexts.of("fixture.txt", text), BOOK);
	}

	private static Properties load(String file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ImportMessagesTests.class.getResourceAsStream("/" + file);
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
