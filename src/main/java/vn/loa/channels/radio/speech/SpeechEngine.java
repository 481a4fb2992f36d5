package vn.loa.channels.radio.speech;

import java.io.IOException;
import java.util.Optional;

import vn.loa.channels.radio.speech.VietnameseNumbers.Variant;

/**
 * Turns spoken text into audio. eSpeak NG is the engine Loa ships with; a vendor's engine
 * or a neural voice plugs in as another implementation.
 */
public interface SpeechEngine {

	/**
	 * A short name for the engine and its settings, part of each rendering's cache key.
	 */
	String name();

	/** Why the engine cannot render here (not installed, say), or empty when it can. */
	Optional<String> unavailable();

	/**
	 * The audio of {@code spoken} as a WAV file's bytes, in the regional voice, at about
	 * {@code syllablesPerMinute}.
	 * @throws IOException when the engine fails or takes too long
	 */
	byte[] wav(String spoken, Variant variant, int syllablesPerMinute) throws IOException;

}
