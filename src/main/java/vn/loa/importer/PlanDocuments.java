package vn.loa.importer;

/** Reads plan documents of every supported kind into {@link PlanText}. */
public final class PlanDocuments {

	/** The largest document accepted: real plans are far smaller. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	private PlanDocuments() {
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
		throw new UnreadableDocumentException("not implemented yet");
	}

}
