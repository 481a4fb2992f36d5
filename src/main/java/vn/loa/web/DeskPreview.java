package vn.loa.web;

import vn.loa.channels.radio.ReadingTime;
import vn.loa.channels.radio.SpokenScripts;
import vn.loa.content.ContentRendering;

/**
 * What the form's text becomes on the feed and the radio: the feed item's sanitised HTML
 * and the radio script with what is said for it and its reading time, counted as the
 * radio queue counts it, at the default 200 syllables a minute. The email is previewed by
 * the email outlet itself.
 *
 * @param feedHtml the body as the feed carries it
 * @param radioScript what the announcer reads
 * @param spokenScript the script as it is said (dates, numbers, abbreviations in words)
 * @param syllables syllables in the script as it is said
 * @param readingSeconds seconds to read it, rounded
 */
record DeskPreview(String feedHtml, String radioScript, String spokenScript, int syllables, int readingSeconds) {

	static final int SYLLABLES_PER_MINUTE = 200;

	static DeskPreview of(String body, String radioScript, SpokenScripts speech) {
		String text = ContentRendering.text(body);
		String script = (radioScript != null && !radioScript.isBlank()) ? radioScript.strip() : text;
		String spoken = speech.spoken(script);
		int syllables = ReadingTime.syllables(spoken);
		return new DeskPreview(ContentRendering.html(body), script, spoken, syllables,
				ReadingTime.seconds(syllables, SYLLABLES_PER_MINUTE));
	}

}
