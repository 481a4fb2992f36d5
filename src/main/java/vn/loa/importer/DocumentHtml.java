package vn.loa.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads an HTML page (a portal's article, Word's “Save as Web Page”) as a reader sees it:
 * each block on its own line, {@code <br>
 * } a line break, a table row one line with its cells joined by {@code “ | ”}, list items
 * with a dash or their number. Scripts, styles and footnote reference links are dropped.
 */
final class DocumentHtml {

	private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body", "caption",
			"center", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
			"h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
			"table", "tbody", "tfoot", "thead", "ul");

	private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "head", "svg",
			"iframe", "object", "embed", "canvas", "button", "select", "figcaption");

	private final List<String> lines = new ArrayList<>();

	private final StringBuilder line = new StringBuilder();

	private DocumentHtml() {
	}

	static String text(String fileName, byte[] bytes) {
		if (!hasByteOrderMark(bytes)) {
			DocumentText.requireNotBinary(fileName, bytes);
		}
		Document document;
		try {
			// Bytes that are valid UTF-8 (and not plain ASCII) are UTF-8, whatever the
			// page
			// declares: Word and old portals write "windows-1258" over UTF-8 text. Else
			// the charset comes from a byte-order mark or <meta charset>; UTF-8
			// otherwise.
			document = Jsoup.parse(new ByteArrayInputStream(bytes), isUtf8(bytes) ? "UTF-8" : null, "");
		}
		catch (IOException | RuntimeException ex) {
			throw new UnreadableDocumentException(ImportMessage.HTML_UNREADABLE, ex,
					fileName + " cannot be read as HTML", fileName);
		}
		return String.join("\n", lines(document.body()));
	}

	/** Whether the bytes hold non-ASCII text that decodes as UTF-8 without a fault. */
	static boolean isUtf8(byte[] bytes) {
		boolean nonAscii = false;
		for (byte b : bytes) {
			if (b < 0) {
				nonAscii = true;
				break;
			}
		}
		if (!nonAscii) {
			return false;
		}
		try {
			java.nio.charset.StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
				.onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(bytes));
			return true;
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			return false;
		}
	}

	private static List<String> lines(Element element) {
		DocumentHtml html = new DocumentHtml();
		html.children(element, false);
		html.endLine();
		return html.lines;
	}

	private void children(Element element, boolean pre) {
		for (Node child : element.childNodes()) {
			if (child instanceof TextNode text) {
				text(text.getWholeText(), pre);
			}
			else if (child instanceof Element inner) {
				element(inner, pre);
			}
		}
	}

	private void element(Element element, boolean pre) {
		String name = element.normalName();
		if (DROPPED.contains(name) || isFootnoteReference(element)) {
			return;
		}
		if (name.equals("br")) {
			breakLine();
		}
		else if (name.equals("tr")) {
			endLine();
			this.lines.addAll(row(element));
		}
		else if (BLOCKS.contains(name)) {
			endLine();
			if (name.equals("li")) {
				this.line.append(listLabel(element));
			}
			children(element, pre || name.equals("pre"));
			endLine();
		}
		else {
			children(element, pre);
		}
	}

	private void text(String text, boolean pre) {
		if (pre) {
			String[] parts = text.split("\\R", -1);
			for (int i = 0; i < parts.length; i++) {
				if (i > 0) {
					breakLine();
				}
				this.line.append(parts[i]);
			}
			return;
		}
		String collapsed = text.replaceAll("[ \\t\\n\\r\\f]+", " ");
		if (this.line.isEmpty() || this.line.charAt(this.line.length() - 1) == ' ') {
			collapsed = collapsed.stripLeading();
		}
		this.line.append(collapsed);
	}

	private void breakLine() {
		this.lines.add(this.line.toString().strip());
		this.line.setLength(0);
	}

	private void endLine() {
		// Formatting whitespace never ends up here; &nbsp; alone is an empty paragraph.
		if (!this.line.toString().isBlank()) {
			breakLine();
		}
		this.line.setLength(0);
	}

	// Cells side by side: line k of the row joins the cells' k-th lines. A page laid out
	// in a table (a menu beside the article, a table inside a cell) is read cell after
	// cell instead.
	private static List<String> row(Element row) {
		List<List<String>> cells = new ArrayList<>();
		boolean layout = false;
		for (Element cell : row.children()) {
			if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
				List<String> lines = lines(cell);
				cells.add(lines);
				layout |= lines.size() > LAYOUT_CELL_LINES || !cell.select("table").isEmpty();
			}
		}
		if (layout) {
			List<String> sequential = new ArrayList<>();
			cells.forEach(sequential::addAll);
			return sequential;
		}
		return TextCleanup.rowLines(cells);
	}

	/**
	 * More lines than a header's cell or a table's holds: the cell is a page's column.
	 */
	private static final int LAYOUT_CELL_LINES = 12;

	private static String listLabel(Element item) {
		Element list = item.parent();
		if (list != null && list.normalName().equals("ol")) {
			int start = 1;
			try {
				start = list.hasAttr("start") ? Integer.parseInt(list.attr("start").strip()) : 1;
			}
			catch (NumberFormatException ex) {
				// a malformed start is rendered from 1 by browsers too
			}
			return (start + item.elementSiblingIndex()) + ". ";
		}
		return "- ";
	}

	// Word's "Save as Web Page" links footnotes as <a href="#_ftn1">[1]</a>; <sup>1</sup>
	// elsewhere.
	private static boolean isFootnoteReference(Element element) {
		String name = element.normalName();
		if (name.equals("a") && element.attr("href").matches("#_(?:ftn|edn)\\d+")) {
			return true;
		}
		Node before = element.previousSibling();
		String unit = (before instanceof TextNode text) ? text.getWholeText() : "";
		return name.equals("sup") && element.text().strip().matches("\\[?\\d{1,3}\\]?")
				&& !unit.matches("(?s)(?:.*[^\\p{L}])?[kcdh]?m");
	}

	private static boolean hasByteOrderMark(byte[] bytes) {
		return bytes.length >= 2
				&& ((bytes[0] & 0xFF) == 0xFE || (bytes[0] & 0xFF) == 0xFF || (bytes[0] & 0xFF) == 0xEF);
	}

}
