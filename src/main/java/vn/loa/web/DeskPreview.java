package vn.loa.web;

import vn.loa.content.ContentRendering;

/**
 * What the form's text becomes on each outlet: the feed item's sanitised HTML, the
 * email's text part and the radio script with its reading time. The radio module keeps
 * its reading time to itself, so the same count is made here: whitespace-separated tokens
 * holding a letter or digit, read at 200 syllables a minute.
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
		int syllables = syllables(script);
		return new DeskPreview(ContentRendering.html(body), email, script, syllables,
				(int) ((syllables * 60L + SYLLABLES_PER_MINUTE / 2) / SYLLABLES_PER_MINUTE));
	}

	static int syllables(String script) {
		if (script == null || script.isBlank()) {
			return 0;
		}
		int count = 0;
		for (String token : script.strip().split("\\s+")) {
			if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
				count++;
			}
		}
		return count;
	}

	private static String nonBlank(String text) {
		return (text != null) ? text.strip() : "";
	}

}
