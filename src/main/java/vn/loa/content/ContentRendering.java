package vn.loa.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import vn.loa.text.PlainText;

/**
 * Turns an item's Markdown into what outlets carry: sanitised HTML (no script, no
 * {@code javascript:} links, no event handlers) and plain text.
 */
public final class ContentRendering {

	private static final Pattern OPENS_HIDDEN = Pattern.compile("<(script|style)\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern CLOSES_HIDDEN = Pattern.compile("</(script|style)\\s*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern SAFE_LINK = Pattern.compile("(https?:|mailto:|/|#)", Pattern.CASE_INSENSITIVE);

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(false).build();

	private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

	private static final TextContentRenderer READER_TEXT = TextContentRenderer.builder()
		.lineBreakRendering(org.commonmark.renderer.text.LineBreakRendering.SEPARATE_BLOCKS)
		.build();

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.TABLES)
		.and(Sanitizers.IMAGES)
		.and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr").toFactory());

	private ContentRendering() {
	}

	/** Markdown to HTML safe to embed in a feed, an email or a page. */
	public static String html(String markdown) {
		// A row stored before control characters were refused must still render.
		Node document = PARSER.parse((markdown != null) ? PlainText.forOutput(markdown) : "");
		return sanitize(HTML.render(document));
	}

	/** Any HTML reduced to the allowed elements and attributes. */
	public static String sanitize(String html) {
		return POLICY.sanitize(PlainText.forOutput(html));
	}

	/** Markdown to plain text, for the radio script and the feed's summary. */
	public static String text(String markdown) {
		return text(markdown, TEXT);
	}

	/**
	 * Markdown to plain text for a reader: paragraphs, headings and lists stay apart with
	 * a blank line between them, as the text part of an email shows them.
	 */
	public static String readerText(String markdown) {
		return text(markdown, READER_TEXT);
	}

	private static String text(String markdown, TextContentRenderer renderer) {
		Node document = PARSER.parse((markdown != null) ? PlainText.forOutput(markdown) : "");
		// Raw HTML in the Markdown is markup, not words: it must never be read on air,
		// and
		// neither may what a script or style element holds. A link keeps its words, and
		// its
		// address only when it is one a reader can safely follow.
		List<Node> doomed = new ArrayList<>();
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(HtmlInline html) {
				doomed.add(html);
				if (OPENS_HIDDEN.matcher(html.getLiteral()).lookingAt()) {
					for (Node next = html.getNext(); next != null; next = next.getNext()) {
						doomed.add(next);
						if (next instanceof HtmlInline end && CLOSES_HIDDEN.matcher(end.getLiteral()).lookingAt()) {
							break;
						}
					}
				}
			}

			@Override
			public void visit(HtmlBlock html) {
				doomed.add(html);
			}

			@Override
			public void visit(Link link) {
				if (!SAFE_LINK.matcher(link.getDestination()).lookingAt()) {
					link.setDestination("");
				}
				visitChildren(link);
			}
		});
		doomed.forEach(Node::unlink);
		return renderer.render(document).replaceAll("[ \\t]+(\\n|$)", "$1").replaceAll(" {2,}", " ").strip();
	}

}
