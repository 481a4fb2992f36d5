package vn.loa.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STVerticalAlignRun;

/**
 * Reads a Word document's body in order: a paragraph per line (a manual line break starts
 * another), a table row per line with its cells joined by {@code " | "}, so a two-column
 * header stays side by side as the reader sees it. Headers, footers, footnotes and text
 * boxes are left out.
 */
final class DocumentDocx {

	// A superscript run of digits is a footnote reference; after m or km it is a unit.
	private static final Pattern FOOTNOTE_REFERENCE = Pattern.compile("\\s*\\d{1,3}(?:\\s*,\\s*\\d{1,3})*\\s*");

	private static final Pattern UNIT_BEFORE = Pattern.compile("(?:^|[^\\p{L}])[kcdh]?m$");

	private final DocumentListNumbers numbers;

	private DocumentDocx(XWPFDocument document) {
		this.numbers = new DocumentListNumbers(document.getNumbering());
	}

	static String text(String fileName, byte[] bytes) {
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
			return String.join("\n", new DocumentDocx(document).body(document.getBodyElements()));
		}
		catch (OLE2NotOfficeXmlFileException ex) {
			throw new UnreadableDocumentException(ImportMessage.DOCX_OLD_OR_PROTECTED, ex, fileName
					+ " is an old Word 97-2003 document or a password-protected one; save it as .docx without a password",
					fileName);
		}
		catch (IOException | RuntimeException ex) {
			boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K';
			String what = zip ? "it is damaged, or a zip archive that is not a Word document"
					: "it is not a .docx at all";
			throw new UnreadableDocumentException(zip ? ImportMessage.DOCX_DAMAGED : ImportMessage.DOCX_NOT_DOCX, ex,
					fileName + " cannot be opened as a Word document: " + what, fileName);
		}
	}

	private List<String> body(List<IBodyElement> elements) {
		List<String> lines = new ArrayList<>();
		for (IBodyElement element : elements) {
			if (element instanceof XWPFParagraph paragraph) {
				// An empty paragraph is a blank line, as the author typed it.
				lines.addAll(List.of(paragraph(paragraph).split("\\R", -1)));
			}
			else if (element instanceof XWPFTable table) {
				for (XWPFTableRow row : table.getRows()) {
					lines.addAll(row(row));
				}
			}
			else if (element instanceof XWPFSDT control) {
				lines.addAll(List.of(control.getContent().getText().split("\\R", -1)));
			}
		}
		return lines;
	}

	private String paragraph(XWPFParagraph paragraph) {
		StringBuilder text = new StringBuilder(this.numbers.label(paragraph));
		for (IRunElement element : paragraph.getIRuns()) {
			if (element instanceof XWPFRun run) {
				String runText = run.text();
				if (!isFootnoteReference(run, runText, text)) {
					text.append(runText);
				}
			}
			else if (element instanceof XWPFSDT control) {
				text.append(control.getContent().getText());
			}
		}
		return text.toString();
	}

	private static boolean isFootnoteReference(XWPFRun run, String runText, CharSequence before) {
		return run.getVerticalAlignment() == STVerticalAlignRun.SUPERSCRIPT
				&& FOOTNOTE_REFERENCE.matcher(runText).matches() && !UNIT_BEFORE.matcher(before).find();
	}

	// Each cell may hold several paragraphs: line k of the row joins the cells' k-th
	// lines, as they stand side by side on the page.
	private List<String> row(XWPFTableRow row) {
		List<List<String>> cells = new ArrayList<>();
		for (XWPFTableCell cell : row.getTableCells()) {
			cells.add(body(cell.getBodyElements()));
		}
		return TextCleanup.rowLines(cells);
	}

}
