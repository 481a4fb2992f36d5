package vn.loa.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/**
 * One short plan, modelled on the real ones, written out the ways editors receive it:
 * plain text, Markdown as copied from a portal, Word, PDF, HTML.
 */
final class DocumentFixtures {

	/** The plan as clean text: what every kind must read back to, blank lines aside. */
	static final String PLAN = """
			ĐẢNG BỘ TỈNH BÀ RỊA - VŨNG TÀU | ĐẢNG CỘNG SẢN VIỆT NAM
			THÀNH ỦY VŨNG TÀU
			Số 443-KH/TU | Vũng Tàu, ngày 15 tháng 10 năm 2024

			KẾ HOẠCH
			tuyên truyền những chủ đề lớn, trọng tâm
			từ nay đến Đại hội đại biểu toàn quốc lần thứ XIV của Đảng

			I- MỤC ĐÍCH, YÊU CẦU
			- Tuyên truyền kỷ niệm 80 năm Cách mạng Tháng Tám thành công và Quốc khánh
			nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9/1945 - 02/9/2025).
			- Phát huy vai trò, trách nhiệm của cấp ủy đảng, chính quyền; sức mạnh
			tổng hợp của toàn dân tộc, của cả hệ thống chính trị.

			Nơi nhận:
			- Ban Tuyên giáo Tỉnh ủy (b/c),
			- Thường trực Thành ủy,
			- Lưu Văn phòng Thành ủy.
			""";

	/** The same plan as a portal's Markdown copy has it. */
	static final String MARKDOWN = """
			ĐẢNG BỘ TỈNH BÀ RỊA - VŨNG TÀU | **ĐẢNG CỘNG SẢN VIỆT NAM**\s\s
			**THÀNH ỦY VŨNG TÀU**\s\s
			\\*\s\s
			Số 443-KH/TU | *Vũng Tàu, ngày 15 tháng 10 năm 2024*

			-----

			## **KẾ HOẠCH**

			### **tuyên truyền những chủ đề lớn, trọng tâm**
			### **từ nay đến Đại hội đại biểu toàn quốc lần thứ XIV của Đảng**

			#### **I\\- MỤC ĐÍCH, YÊU CẦU**
			- Tuyên truyền kỷ niệm **80 năm** Cách mạng Tháng Tám thành công và Quốc khánh\u00A0\u00A0
			nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9/1945 - 02/9/2025)¹.

			- 2 -

			* Phát huy vai trò, trách nhiệm của cấp ủy đảng, chính quyền; sức mạnh
			tổng hợp của toàn dân tộc, của cả hệ thống chính trị.

			¹ Số liệu của Ban Tuyên giáo Tỉnh ủy.

			**Nơi nhận:**
			- Ban Tuyên giáo Tỉnh ủy (b/c),
			- Thường trực Thành ủy,
			- Lưu Văn phòng Thành ủy.
			""";

	static final String MARKDOWN_FOOTNOTE = "Số liệu của Ban Tuyên giáo Tỉnh ủy.";

	private static final List<String> TITLE = List.of("tuyên truyền những chủ đề lớn, trọng tâm",
			"từ nay đến Đại hội đại biểu toàn quốc lần thứ XIV của Đảng");

	private static final List<String> RECIPIENTS = List.of("Ban Tuyên giáo Tỉnh ủy (b/c),", "Thường trực Thành ủy,",
			"Lưu Văn phòng Thành ủy.");

	static final String FOOTER = "Lưu hành nội bộ";

	private DocumentFixtures() {
	}

	static List<String> planLines() {
		return nonBlank(PLAN.lines().toList());
	}

	static List<String> nonBlank(List<String> lines) {
		return lines.stream().filter((line) -> !line.isBlank()).toList();
	}

	/**
	 * The plan in Word: the header a two-cell table, the title's lines split by a manual
	 * line break, a superscript footnote reference, the recipients a bulleted list, and a
	 * footer that is not part of the text.
	 */
	static byte[] docx() {
		try (XWPFDocument document = new XWPFDocument()) {
			XWPFTable header = document.createTable(1, 2);
			cell(header.getRow(0).getCell(0), "ĐẢNG BỘ TỈNH BÀ RỊA - VŨNG TÀU", "THÀNH ỦY VŨNG TÀU", "Số 443-KH/TU");
			cell(header.getRow(0).getCell(1), "ĐẢNG CỘNG SẢN VIỆT NAM", "", "Vũng Tàu, ngày 15 tháng 10 năm 2024");
			document.createParagraph();
			XWPFRun title = document.createParagraph().createRun();
			title.setBold(true);
			title.setText("KẾ HOẠCH");
			XWPFRun subject = document.createParagraph().createRun();
			subject.setText(TITLE.get(0));
			subject.addBreak();
			subject.setText(TITLE.get(1));
			document.createParagraph();
			document.createParagraph().createRun().setText("I- MỤC ĐÍCH, YÊU CẦU");
			XWPFParagraph purpose = document.createParagraph();
			purpose.createRun().setText("- Tuyên truyền kỷ niệm 80 năm Cách mạng Tháng Tám thành công và Quốc khánh");
			purpose.getRuns().get(0).addBreak();
			purpose.createRun().setText("nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9/1945 - 02/9/2025)");
			XWPFRun reference = purpose.createRun();
			reference.setVerticalAlignment("superscript");
			reference.setText("1");
			purpose.createRun().setText(".");
			XWPFRun role = document.createParagraph().createRun();
			role.setText("- Phát huy vai trò, trách nhiệm của cấp ủy đảng, chính quyền; sức mạnh");
			role.addBreak();
			role.setText("tổng hợp của toàn dân tộc, của cả hệ thống chính trị.");
			document.createParagraph();
			document.createParagraph().createRun().setText("Nơi nhận:");
			BigInteger bullets = list(document, STNumberFormat.BULLET, "•");
			for (String recipient : RECIPIENTS) {
				XWPFParagraph item = document.createParagraph();
				item.setNumID(bullets);
				item.createRun().setText(recipient);
			}
			document.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(FOOTER);
			return save(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void cell(XWPFTableCell cell, String... paragraphs) {
		cell.getParagraphs().get(0).createRun().setText(paragraphs[0]);
		for (int i = 1; i < paragraphs.length; i++) {
			cell.addParagraph().createRun().setText(paragraphs[i]);
		}
	}

	/** A one-level Word list of the given format. */
	static BigInteger list(XWPFDocument document, STNumberFormat.Enum format, String text) {
		CTAbstractNum definition = CTAbstractNum.Factory.newInstance();
		definition.setAbstractNumId(BigInteger.valueOf(document.getNumbering() == null ? 0 : 10));
		CTLvl level = definition.addNewLvl();
		level.setIlvl(BigInteger.ZERO);
		level.addNewStart().setVal(BigInteger.ONE);
		level.addNewNumFmt().setVal(format);
		level.addNewLvlText().setVal(text);
		XWPFNumbering numbering = (document.getNumbering() != null) ? document.getNumbering()
				: document.createNumbering();
		return numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(definition)));
	}

	static byte[] save(XWPFDocument document) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.write(out);
		return out.toByteArray();
	}

	/** A TrueType font with Vietnamese glyphs, if the machine has one. */
	static Optional<Path> vietnameseFont() {
		Path fonts = Path.of("/usr/share/fonts");
		if (!Files.isDirectory(fonts)) {
			return Optional.empty();
		}
		List<String> known = List.of("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "NotoSans-Regular.ttf",
				"FreeSans.ttf");
		try (Stream<Path> files = Files.walk(fonts)) {
			List<Path> found = files.filter((file) -> known.contains(file.getFileName().toString())).toList();
			return known.stream()
				.flatMap((name) -> found.stream().filter((file) -> file.getFileName().toString().equals(name)))
				.findFirst();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Lines set one under another, as a word processor prints them; the page number at
	 * the foot of page one and a page break before "Nơi nhận".
	 */
	static byte[] pdf(List<String> lines, Optional<Path> font) {
		try (PDDocument document = new PDDocument()) {
			PDFont face = font.isPresent() ? PDType0Font.load(document, font.get().toFile())
					: new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			int pageBreak = indexOfStartingWith(lines, "N");
			page(document, face, lines.subList(0, pageBreak), "- 1 -");
			page(document, face, lines.subList(pageBreak, lines.size()), "- 2 -");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int indexOfStartingWith(List<String> lines, String start) {
		for (int i = lines.size() - 1; i >= 0; i--) {
			if (lines.get(i).startsWith(start) && lines.get(i).endsWith(":")) {
				return i;
			}
		}
		return lines.size();
	}

	private static void page(PDDocument document, PDFont font, List<String> lines, String number) throws IOException {
		PDPage page = new PDPage(PDRectangle.A4);
		document.addPage(page);
		try (PDPageContentStream content = new PDPageContentStream(document, page)) {
			content.beginText();
			content.setFont(font, 10);
			content.newLineAtOffset(56, 780);
			for (String line : lines) {
				content.showText(line);
				content.newLineAtOffset(0, -16);
			}
			content.endText();
			content.beginText();
			content.newLineAtOffset(290, 30);
			content.showText(number);
			content.endText();
		}
	}

	/** Letters without their marks, for a font that only has Latin-1. */
	static String ascii(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace('Đ', 'D')
			.replace('đ', 'd');
	}

	/**
	 * The plan as a portal's page: entities for some letters and spaces, line breaks in
	 * the title, the header a table, recipients a list, a script and a style to ignore.
	 */
	static byte[] html() {
		String html = """
				<!DOCTYPE html>
				<html><head><meta charset="utf-8"><title>Kế hoạch 443</title>
				<style>p { margin: 0 }</style><script>var title = "KẾ HOẠCH";</script></head>
				<body>
				<table><tr>
				  <td><p>ĐẢNG BỘ TỈNH BÀ RỊA - VŨNG TÀU</p><p>THÀNH ỦY VŨNG TÀU</p><p>Số&nbsp;443-KH/TU</p></td>
				  <td><p>ĐẢNG CỘNG SẢN VIỆT NAM</p><p>&nbsp;</p><p><i>Vũng Tàu, ngày 15 tháng 10 năm 2024</i></p></td>
				</tr></table>
				<h1>KẾ HOẠCH</h1>
				<h2>tuyên truyền những chủ đề lớn, trọng tâm<br>
				    từ nay đến Đại hội đại biểu toàn quốc lần thứ XIV của Đảng</h2>
				<p><b>I- MỤC ĐÍCH, YÊU CẦU</b></p>
				<p>- Tuyên truyền kỷ niệm 80 năm Cách mạng Th&aacute;ng T&aacute;m thành công v&agrave; Quốc khánh<br/>
				nước Cộng h&ograve;a xã hội chủ nghĩa Vi&#7879;t Nam (02/9/1945 - 02/9/2025)<sup>1</sup>.</p>
				<p>- Phát huy vai trò, trách nhiệm của cấp ủy đảng, chính quyền; sức mạnh<br>tổng hợp của toàn dân tộc,
				   của cả hệ thống chính trị.</p>
				<script>document.write("Không phải nội dung");</script>
				<p><strong>Nơi nhận:</strong></p>
				<ul><li>Ban Tuyên giáo Tỉnh ủy (b/c),</li><li>Thường trực Thành ủy,</li><li>Lưu Văn phòng Thành ủy.</li></ul>
				</body></html>
				""";
		return html.getBytes(StandardCharsets.UTF_8);
	}

}
