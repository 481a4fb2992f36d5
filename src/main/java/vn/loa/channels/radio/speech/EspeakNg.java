package vn.loa.channels.radio.speech;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import vn.loa.channels.radio.speech.VietnameseNumbers.Variant;

/**
 * eSpeak NG (Debian's {@code espeak-ng}) run as a process: the text on its standard
 * input, the WAV on its standard output. Its Vietnamese voices are {@code vi} (northern),
 * {@code vi-vn-x-central} and {@code vi-vn-x-south}. Its speed is in words a minute, and
 * a Vietnamese word is a syllable, but it pauses at punctuation: measured on plan text,
 * {@code -s 160} said about 243 syllables a minute, so a reading speed is asked for as
 * two thirds of it.
 */
public final class EspeakNg implements SpeechEngine {

	private static final long TIMEOUT_SECONDS = 120;

	private final String command;

	private final Optional<String> unavailable;

	public EspeakNg(String command) {
		this.command = command;
		this.unavailable = probe(command);
	}

	@Override
	public String name() {
		return "espeak-ng";
	}

	@Override
	public Optional<String> unavailable() {
		return this.unavailable;
	}

	@Override
	public byte[] wav(String spoken, Variant variant, int syllablesPerMinute) throws IOException {
		if (this.unavailable.isPresent()) {
			throw new IOException(this.unavailable.get());
		}
		int speed = Math.max(80, Math.min(450, Math.round(syllablesPerMinute * 160f / 243f)));
		// To a file, not to standard output: on a pipe it cannot go back to write the
		// length into the WAV header.
		Path file = Files.createTempFile("loa-espeak-", ".wav");
		Process process = new ProcessBuilder(this.command, "-v", voice(variant), "-s", Integer.toString(speed), "-b",
				"1", "-w", file.toString())
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			try (OutputStream in = process.getOutputStream()) {
				in.write(spoken.getBytes(StandardCharsets.UTF_8));
			}
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				throw new IOException(this.command + " took longer than " + TIMEOUT_SECONDS + " s");
			}
			byte[] wav = Files.readAllBytes(file);
			if (process.exitValue() != 0 || wav.length < 44) {
				throw new IOException(
						this.command + " failed (exit " + process.exitValue() + ", " + wav.length + " bytes)");
			}
			return wav;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while " + this.command + " spoke", ex);
		}
		finally {
			process.destroyForcibly();
			Files.deleteIfExists(file);
		}
	}

	static String voice(Variant variant) {
		return switch (variant) {
			case NORTH -> "vi";
			case CENTRAL -> "vi-vn-x-central";
			case SOUTH -> "vi-vn-x-south";
		};
	}

	private static Optional<String> probe(String command) {
		try {
			Process process = new ProcessBuilder(List.of(command, "--version")).redirectErrorStream(true).start();
			String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
				return Optional.of(command + " --version failed: " + version.strip());
			}
			return Optional.empty();
		}
		catch (IOException ex) {
			return Optional.of(command + " is not installed (Debian: apt-get install espeak-ng)");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.of("interrupted while looking for " + command);
		}
	}

}
