package vn.loa.channels.radio;

/**
 * How long a script takes to read. Vietnamese is written one syllable per space-separated
 * word, so syllables are the whitespace-separated tokens holding a letter or a digit
 * (dashes and stray punctuation are not read).
 */
public final class ReadingTime {

	private ReadingTime() {
	}

	/**
	 * Syllables in a Vietnamese script: words written with a letter or digit, one
	 * syllable each.
	 */
	public static int syllables(String script) {
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

	/** Seconds, rounded to the nearest, to read {@code syllables} at a speed. */
	public static int seconds(int syllables, int syllablesPerMinute) {
		return (int) ((syllables * 60L + syllablesPerMinute / 2) / syllablesPerMinute);
	}

}
