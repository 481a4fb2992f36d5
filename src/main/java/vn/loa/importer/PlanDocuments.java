package vn.loa.importer;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Reads plan documents of every supported kind into {@link PlanText}. */
public final class PlanDocuments {

	/** The largest document accepted: real plans are far smaller. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	private static final String SUPPORTED = ".txt, .md, .docx, .pdf, .html or .htm";

	private PlanDocuments() {
	}

	/**
	 * Refuses a document over {@link #MAX_BYTES}, before anyone reads it whole.
	 * @throws UnreadableDocumentException when {@code length} is over the limit
	 */
	public static void requireSize(String fileName, long length) {
		if (length > MAX_BYTES) {
			String size = String.format(Locale.ROOT, "%.1f", megabytes(length));
			int largest = MAX_BYTES / (1024 * 1024);
			throw new UnreadableDocumentException(ImportMessage.DOCUMENT_TOO_LARGE,
					fileName + " is " + size + " MB; the largest accepted is " + largest + " MB", fileName, size,
					largest);
		}
	}

	/**
	 * Reads a document by its name and bytes.
	 * @param fileName the name, whose extension says the kind (.txt, .md, .docx, .pdf,
	 * .html)
	 * @param bytes the content
	 * @return the text, NFC, one entry per line
	 * @throws UnreadableDocumentException naming the file and what is wrong
	 */
	public static PlanText read(String fileName, byte[] bytes) {
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(bytes, "bytes");
		if (bytes.length == 0) {
			throw new UnreadableDocumentException(ImportMessage.DOCUMENT_EMPTY, fileName + " is empty", fileName);
		}
		requireSize(fileName, bytes.length);
		String text = switch (extension(fileName)) {
			case "txt", "md" -> DocumentText.decode(fileName, bytes);
			case "docx" -> DocumentDocx.text(fileName, bytes);
			case "pdf" -> DocumentPdf.text(fileName, bytes);
			case "html", "htm" -> DocumentHtml.text(fileName, bytes);
			case "doc" -> throw new UnreadableDocumentException(
					ImportMessage.DOCUMENT_DOC, fileName
							+ " is an old Word 97-2003 document; save it as .docx (Word: File, Save As, Word Document)",
					fileName);
			default -> throw new UnreadableDocumentException(ImportMessage.DOCUMENT_UNSUPPORTED,
					fileName + " is not a supported kind of document; the supported kinds are " + SUPPORTED, fileName,
					SUPPORTED);
		};
		List<String> lines = TextCleanup.lines(text);
		if (lines.stream().allMatch(String::isBlank)) {
			throw new UnreadableDocumentException(ImportMessage.DOCUMENT_BLANK,
					fileName + " has no text, only whitespace", fileName);
		}
		return new PlanText(fileName, lines);
	}

	private static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
		return (dot > slash) ? fileName.substring(dot + 1).strip().toLowerCase(Locale.ROOT) : "";
	}

	private static double megabytes(long bytes) {
		return bytes / (1024.0 * 1024.0);
	}

}
