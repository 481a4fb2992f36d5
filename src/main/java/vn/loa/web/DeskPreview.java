package vn.loa.web;

import vn.loa.channels.radio.ReadingTime;
import vn.loa.content.ContentRendering;

/**
 * What the form's text becomes on each outlet: the feed item's sanitised HTML, the
 * email's text part and the radio script with its reading time, counted as the radio
 * queue counts it, at the default 200 syllables a minute.
 *
 * @param feedHtml the body as the feed carries it
 * @param emailText the text part of the email
 * @param radioScript what the announcer reads
 * @param syllables syllables in the script
 * @param readingSeconds seconds to read it, rounded
 */
record DeskPreview(String feedHtml, String emailText, String radioScript, int syllables, int readingSeconds) {

	static final int SYLLABLES_PER_MINUTE = 200;

	static DeskPreview of(String title, String summary, String body, String radioScript) {
		String text = ContentRendering.text(body);
		String email = String.join("\n\n", nonBlank(title), nonBlank(summary), text)
			.replaceAll("\n{3,}", "\n\n")
			.strip();
		String script = (radioScript != null && !radioScript.isBlank()) ? radioScript.strip() : text;
		int syllables = ReadingTime.syllables(script);
		return new DeskPreview(ContentRendering.html(body), email, script, syllables,
				ReadingTime.seconds(syllables, SYLLABLES_PER_MINUTE));
	}

	private static String nonBlank(String text) {
		return (text != null) ? text.strip() : "";
	}

}
