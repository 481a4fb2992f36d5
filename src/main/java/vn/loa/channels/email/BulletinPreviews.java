package vn.loa.channels.email;

import org.springframework.stereotype.Component;

import vn.loa.content.ContentRendering;

/**
 * A bulletin as it will arrive, for text not yet sent: the same template, sanitiser and
 * text rendering as the sender's, with a placeholder in place of the recipient's own
 * unsubscribe link.
 */
@Component
public class BulletinPreviews {

	private final BulletinComposer composer;

	BulletinPreviews(BulletinComposer composer) {
		this.composer = composer;
	}

	/** The bulletin an item with this title, summary and Markdown body becomes. */
	public BulletinPreview of(String title, String summary, String markdown) {
		return of(title, summary, markdown, vn.loa.organisations.Organisations.DEFAULT);
	}

	/**
	 * The bulletin an item of {@code organisation} with this title, summary and Markdown
	 * body becomes.
	 */
	public BulletinPreview of(String title, String summary, String markdown, String organisation) {
		BulletinComposer.Parts parts = this.composer.parts(BulletinComposer.headerSafe(title), summary,
				new BulletinComposer.Rendered(ContentRendering.html(markdown), ContentRendering.readerText(markdown)),
				null, this.composer.sampleUnsubscribeUrl(), organisation);
		return new BulletinPreview(BulletinComposer.headerSafe(title), parts.html(), parts.text());
	}

	/**
	 * A bulletin before it is sent.
	 *
	 * @param subject the subject line
	 * @param html the HTML part, a whole document
	 * @param text the plain-text part
	 */
	public record BulletinPreview(String subject, String html, String text) {

	}

}
