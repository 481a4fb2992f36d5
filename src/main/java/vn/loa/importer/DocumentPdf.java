package vn.loa.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads a PDF's text layer, sorted by position so a two-column header comes out line by
 * line as printed. A scan has no text layer and is refused: reading it needs OCR.
 */
final class DocumentPdf {

	private DocumentPdf() {
	}

	static String text(String fileName, byte[] bytes) {
		String text;
		try (PDDocument document = Loader.loadPDF(bytes)) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			stripper.setLineSeparator("\n");
			// A blank line where PDFBox sees a paragraph end (a gap, an indent), as in
			// text
			// files: a PDF has every printed line broken, so this is all that tells them
			// apart.
			stripper.setParagraphEnd("\n");
			text = stripper.getText(document);
		}
		catch (InvalidPasswordException ex) {
			throw new UnreadableDocumentException(ImportMessage.PDF_PASSWORD, ex,
					fileName + " is protected by a password; save a copy without the password and import that",
					fileName);
		}
		catch (IOException | RuntimeException ex) {
			boolean pdf = startsWithPdfHeader(bytes);
			throw new UnreadableDocumentException(pdf ? ImportMessage.PDF_DAMAGED : ImportMessage.PDF_NOT_PDF, ex,
					fileName + " cannot be opened as a PDF: " + (pdf ? "it is damaged" : "it is not a PDF"), fileName);
		}
		if (text.isBlank()) {
			throw new UnreadableDocumentException(ImportMessage.PDF_SCANNED,
					fileName + " has no text layer (scanned?); OCR is not supported, so import the Word file it was"
							+ " made from",
					fileName);
		}
		return text;
	}

	private static boolean startsWithPdfHeader(byte[] bytes) {
		String start = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
		return start.contains("%PDF-");
	}

}
