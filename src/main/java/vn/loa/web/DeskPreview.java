package vn.loa.web;

import vn.loa.channels.radio.ReadingTime;
import vn.loa.content.ContentRendering;

/**
 * What the form's text becomes on the feed and the radio: the feed item's sanitised HTML
 * and the radio script with its reading time, counted as the radio queue counts it, at
 * the default 200 syllables a minute. The email is previewed by the email outlet itself.
 *
 * @param feedHtml the body as the feed carries it
 * @param radioScript what the announcer reads
 * @param syllables syllables in the script
 * @param readingSeconds seconds to read it, rounded
 */
record DeskPreview(String feedHtml, String radioScript, int syllables, int readingSeconds) {

	static final int SYLLABLES_PER_MINUTE = 200;

	static DeskPreview of(String body, String radioScript) {
		String text = ContentRendering.text(body);
		String script = (radioScript != null && !radioScript.isBlank()) ? radioScript.strip() : text;
		int syllables = ReadingTime.syllables(script);
		return new DeskPreview(ContentRendering.html(body), script, syllables,
				ReadingTime.seconds(syllables, SYLLABLES_PER_MINUTE));
	}

}
