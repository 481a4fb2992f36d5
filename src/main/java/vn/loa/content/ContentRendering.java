package vn.loa.content;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Turns an item's Markdown into what outlets carry: sanitised HTML (no script, no
 * {@code javascript:} links, no event handlers) and plain text.
 */
public final class ContentRendering {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(false).build();

	private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.TABLES)
		.and(Sanitizers.IMAGES)
		.and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr").toFactory());

	private ContentRendering() {
	}

	/** Markdown to HTML safe to embed in a feed, an email or a page. */
	public static String html(String markdown) {
		Node document = PARSER.parse((markdown != null) ? markdown : "");
		return sanitize(HTML.render(document));
	}

	/** Any HTML reduced to the allowed elements and attributes. */
	public static String sanitize(String html) {
		return POLICY.sanitize(html);
	}

	/** Markdown to plain text, for the text part of an email and the radio script. */
	public static String text(String markdown) {
		Node document = PARSER.parse((markdown != null) ? markdown : "");
		// Raw HTML in the Markdown is markup, not words: it must never be read on air.
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(HtmlInline html) {
				html.unlink();
			}

			@Override
			public void visit(HtmlBlock html) {
				html.unlink();
			}
		});
		return TEXT.render(document).strip();
	}

}
