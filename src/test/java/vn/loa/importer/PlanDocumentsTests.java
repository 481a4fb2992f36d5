package vn.loa.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

class PlanDocumentsTests {

	// Next to the project in the main checkout; -Dloa.shared-dir points elsewhere (a
	// worktree).
	private static final Path SHARED = Path.of(System.getProperty("loa.shared-dir", "../shared"));

	@Test
	void readsPlainTextAsWritten() {
		PlanText text = PlanDocuments.read("443-KH-TU.txt", utf8(DocumentFixtures.PLAN));
		assertThat(text.source()).isEqualTo("443-KH-TU.txt");
		assertThat(text.lines()).isEqualTo(DocumentFixtures.PLAN.lines().toList());
		assertThat(text.line(3)).isEqualTo("Số 443-KH/TU | Vũng Tàu, ngày 15 tháng 10 năm 2024");
	}

	@ParameterizedTest
	@ValueSource(strings = { "UTF-8 BOM", "UTF-16LE BOM", "UTF-16BE BOM", "CRLF", "NFD" })
	void readsTextSavedByOtherEditorsAsTheSameLines(String variant) {
		byte[] bytes = switch (variant) {
			case "UTF-8 BOM" -> withBom(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, StandardCharsets.UTF_8);
			case "UTF-16LE BOM" -> withBom(new byte[] { (byte) 0xFF, (byte) 0xFE }, StandardCharsets.UTF_16LE);
			case "UTF-16BE BOM" -> withBom(new byte[] { (byte) 0xFE, (byte) 0xFF }, StandardCharsets.UTF_16BE);
			case "CRLF" -> utf8(DocumentFixtures.PLAN.replace("\n", "\r\n"));
			default -> utf8(Normalizer.normalize(DocumentFixtures.PLAN, Normalizer.Form.NFD));
		};
		assertThat(PlanDocuments.read("plan.txt", bytes).lines()).isEqualTo(DocumentFixtures.PLAN.lines().toList());
	}

	@Test
	void readsMarkdownWithoutItsMarkersFootnoteMarksAndPageNumbers() {
		PlanText text = PlanDocuments.read("Kế hoạch.MD", utf8(DocumentFixtures.MARKDOWN));
		assertThat(text.lines()).contains(DocumentFixtures.MARKDOWN_FOOTNOTE);
		assertThat(nonBlank(text).stream().filter((line) -> !line.equals(DocumentFixtures.MARKDOWN_FOOTNOTE)))
			.containsExactlyElementsOf(DocumentFixtures.planLines());
		// Noise becomes a blank line, so line N is still line N of the file.
		assertThat(text.lines()).hasSize((int) DocumentFixtures.MARKDOWN.lines().count());
		assertThat(text.line(15)).isEqualTo("nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9/1945 - 02/9/2025).");
		assertThat(text.line(17)).isEmpty();
	}

	@Test
	void readsWordBodyInOrderWithTheHeaderTableSideBySide() {
		PlanText text = PlanDocuments.read("443-KH-TU.docx", DocumentFixtures.docx());
		assertThat(nonBlank(text)).containsExactlyElementsOf(DocumentFixtures.planLines());
		assertThat(String.join("\n", text.lines())).doesNotContain(DocumentFixtures.FOOTER);
	}

	@Test
	void numbersWordListsAsWordShowsThem() throws IOException {
		try (XWPFDocument document = new XWPFDocument()) {
			var sections = DocumentFixtures.list(document, STNumberFormat.UPPER_ROMAN, "%1.");
			for (String heading : List.of("MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG TUYÊN TRUYỀN")) {
				XWPFParagraph paragraph = document.createParagraph();
				paragraph.setNumID(sections);
				paragraph.createRun().setText(heading);
			}
			PlanText text = PlanDocuments.read("plan.docx", DocumentFixtures.save(document));
			assertThat(text.lines()).containsExactly("I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG TUYÊN TRUYỀN");
		}
	}

	@Test
	void readsPdfWithVietnameseText() {
		Optional<Path> font = DocumentFixtures.vietnameseFont();
		Assumptions.assumeTrue(font.isPresent(),
				"no TrueType font with Vietnamese glyphs under /usr/share/fonts (install fonts-dejavu-core);"
						+ " the plain-ASCII PDF test still runs");
		PlanText text = PlanDocuments.read("443-KH-TU.pdf",
				DocumentFixtures.pdf(DocumentFixtures.PLAN.lines().toList(), font));
		assertThat(nonBlank(text)).containsExactlyElementsOf(DocumentFixtures.planLines());
	}

	@Test
	void readsPdfWithAStandardFont() {
		String plan = DocumentFixtures.ascii(DocumentFixtures.PLAN);
		PlanText text = PlanDocuments.read("plan.pdf", DocumentFixtures.pdf(plan.lines().toList(), Optional.empty()));
		assertThat(nonBlank(text)).containsExactlyElementsOf(DocumentFixtures.nonBlank(plan.lines().toList()))
			.contains("KE HOACH", "Noi nhan:")
			.doesNotContain("- 1 -", "- 2 -");
	}

	@Test
	void readsHtmlWithEntitiesAndLineBreaksAndWithoutScripts() {
		PlanText text = PlanDocuments.read("443-KH-TU.html", DocumentFixtures.html());
		assertThat(nonBlank(text)).containsExactlyElementsOf(DocumentFixtures.planLines());
	}

	@Test
	void readsHtmInTheCharsetItDeclares() {
		// Windows-1258 writes tones as combining marks: NFC puts them back on the letter.
		String page = "<html><head><meta charset=\"windows-1258\"></head><body><p>K\u00EA\u0301 hoa\u0323ch Hu\u00EA\u0301</p></body></html>";
		byte[] bytes = page.getBytes(Charset.forName("windows-1258"));
		assertThat(PlanDocuments.read("page.HTM", bytes).lines()).containsExactly("Kế hoạch Huế");
	}

	@Test
	void normalisesOddSpacesAndKeepsListDashes() {
		PlanText text = PlanDocuments.read("plan.txt", utf8(
				"Số\u00A0443-KH/TU\u2009\u00A0 \n- Thường trực\u200B Thành ủy, \t\n+ Trang 3\nTrang 3\n12\n2025\n02/9\n"));
		assertThat(text.lines()).containsExactly("Số 443-KH/TU", "- Thường trực Thành ủy,", "+ Trang 3", "", "", "2025",
				"02/9");
	}

	@Test
	void keepsUnitsButDropsFootnoteMarkers() {
		PlanText text = PlanDocuments.read("plan.txt", utf8("diện tích 20 km² của Trung ương¹, năm² 2025³\n"));
		assertThat(text.lines()).containsExactly("diện tích 20 km² của Trung ương, năm 2025");
	}

	@Test
	void refusesAnEmptyFile() {
		assertUnreadable("plan.txt", new byte[0], "plan.txt is empty");
	}

	@Test
	void refusesAFileWithOnlyWhitespace() {
		assertUnreadable("plan.md", utf8(" \n\t\n\u00A0\n"), "plan.md has no text");
		assertUnreadable("plan.txt", utf8("**\n- 1 -\n-----\n"), "plan.txt has no text");
	}

	@Test
	void refusesABinaryFileNamedAsText() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		assertUnreadable("plan.txt", png, "plan.txt is not text", "NUL bytes");
		assertUnreadable("plan.txt", DocumentFixtures.docx(), "plan.txt is not text", ".docx");
		assertUnreadable("plan.md", DocumentFixtures.pdf(List.of("x"), Optional.empty()), "plan.md is not text", "PDF");
	}

	@Test
	void refusesTextInAnotherEncodingThanUtf8() {
		byte[] legacy = Normalizer.normalize("Kế hoạch\nTuyên truyền", Normalizer.Form.NFD)
			.getBytes(Charset.forName("windows-1258"));
		assertUnreadable("plan.txt", legacy, "plan.txt is not valid UTF-8 text (line 1)", "save it as UTF-8");
	}

	@Test
	void refusesAFileLargerThanTheLimit() {
		assertUnreadable("plan.pdf", new byte[50 * 1024 * 1024], "plan.pdf is 50.0 MB; the largest accepted is 10 MB");
		assertThat(
				PlanDocuments.read("plan.txt", utf8("KẾ HOẠCH\n" + " ".repeat(PlanDocuments.MAX_BYTES - 20))).lines())
			.containsExactly("KẾ HOẠCH");
	}

	@Test
	void refusesAnUnknownKindNamingTheSupportedOnes() {
		assertUnreadable("plan.odt", utf8("KẾ HOẠCH"), "plan.odt is not a supported kind of document",
				".txt, .md, .docx, .pdf, .html or .htm");
		assertUnreadable("README", utf8("KẾ HOẠCH"), "README is not a supported kind");
		assertUnreadable("plan.doc", utf8("KẾ HOẠCH"), "plan.doc is an old Word 97-2003 document; save it as .docx");
	}

	@Test
	void refusesABrokenWordDocument() throws IOException {
		assertUnreadable("plan.docx", utf8("KẾ HOẠCH"), "plan.docx cannot be opened as a Word document", "not a .docx");
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("note.txt"));
			out.write(utf8("KẾ HOẠCH"));
		}
		assertUnreadable("plan.docx", zip.toByteArray(), "plan.docx cannot be opened as a Word document", "damaged");
		byte[] docx = DocumentFixtures.docx();
		assertUnreadable("plan.docx", Arrays.copyOf(docx, docx.length / 2), "plan.docx cannot be opened");
		byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0,
				0, 0, 0, 0, 0, 0 };
		assertUnreadable("plan.docx", Arrays.copyOf(ole2, 1024), "plan.docx is an old Word 97-2003 document");
	}

	@Test
	void refusesABrokenPdf() {
		assertUnreadable("plan.pdf", utf8("%PDF-1.7\n1 0 obj << /Type /Catalog"), "plan.pdf cannot be opened as a PDF",
				"damaged");
		assertUnreadable("plan.pdf", utf8("KẾ HOẠCH"), "plan.pdf cannot be opened as a PDF", "not a PDF");
	}

	@Test
	void refusesAPasswordProtectedPdf() throws IOException {
		byte[] pdf = DocumentFixtures.pdf(List.of("KE HOACH"), Optional.empty());
		try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			assertUnreadable("plan.pdf", out.toByteArray(), "plan.pdf is protected by a password");
		}
	}

	@Test
	void refusesAPdfWithoutATextLayer() throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.addRect(50, 50, 200, 100);
				content.fill();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			assertUnreadable("scan.pdf", out.toByteArray(),
					"scan.pdf has no text layer (scanned?); OCR is not supported");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "001_d9d819c7857a47e2.txt", "002_bb3b870833e9e8a7.txt", "003_9ee6e02dc63f817c.txt" })
	void readsTheRealPlansCleanKeepingTheirLineNumbers(String name) throws IOException {
		Path plans = SHARED.resolve("plans");
		if (!Files.isDirectory(plans)) {
			if ("true".equals(System.getenv("CI"))) {
				fail(plans + " is missing: CI must read the real plans");
			}
			Assumptions.abort(plans.toAbsolutePath().normalize() + " is missing; run with -Dloa.shared-dir=...");
		}
		Path file = plans.resolve(name);
		PlanText text = PlanDocuments.read(name, Files.readAllBytes(file));
		List<String> source = Files.readAllLines(file);
		assertThat(text.lines()).noneMatch((line) -> line.contains("**") || line.contains("¹") || line.contains("\\*")
				|| line.startsWith("#") || line.endsWith(" "));
		assertThat(text.lines()).contains("Nơi nhận:");
		assertThat(text.lines().indexOf("Nơi nhận:")).isEqualTo(indexOfStartingWith(source, "Nơi nhận:"));
		assertThat(text.lines()).hasSizeLessThanOrEqualTo(source.size());
		assertThat(text.lines().stream().filter((line) -> line.startsWith("- ")).count())
			.isEqualTo(source.stream().filter((line) -> line.startsWith("- ")).count());
	}

	private static int indexOfStartingWith(List<String> lines, String start) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).replace("*", "").startsWith(start)) {
				return i;
			}
		}
		return -1;
	}

	private static void assertUnreadable(String fileName, byte[] bytes, String... messageParts) {
		assertThatExceptionOfType(UnreadableDocumentException.class)
			.isThrownBy(() -> PlanDocuments.read(fileName, bytes))
			.withMessageStartingWith(messageParts[0])
			.withMessageContainingAll(messageParts)
			.withMessageNotContaining("Exception");
	}

	private static List<String> nonBlank(PlanText text) {
		return DocumentFixtures.nonBlank(text.lines());
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] withBom(byte[] bom, Charset charset) {
		byte[] text = DocumentFixtures.PLAN.getBytes(charset);
		byte[] bytes = Arrays.copyOf(bom, bom.length + text.length);
		System.arraycopy(text, 0, bytes, bom.length, text.length);
		return bytes;
	}

}
