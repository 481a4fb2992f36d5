package vn.loa.channels.radio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.loa.channels.radio.speech.SpokenVietnamese;
import vn.loa.channels.radio.speech.VietnameseNumbers.Variant;

/**
 * A script as it is said on air (dates, numbers, document numbers and abbreviations in
 * words), and its syllables, which is what reading time is counted from: “02/9/1945” is
 * one word on paper and fifteen syllables on air. The regional variant is
 * {@code loa.radio.speech.variant} ({@code north}, {@code central} or {@code south}); a
 * deployment's own abbreviations and readings come from the file named by
 * {@code loa.radio.speech.abbreviations} (written form, tab, what is said), on top of the
 * shipped list.
 */
@Component
public class SpokenScripts {

	private final Map<Variant, SpokenVietnamese> speech = new java.util.EnumMap<>(Variant.class);

	private final Variant variant;

	public SpokenScripts(@Value("${loa.radio.speech.variant:north}") String variant,
			@Value("${loa.radio.speech.abbreviations:}") @Nullable String abbreviations) {
		this.variant = variant(variant);
		Map<String, String> extra = extra(abbreviations);
		for (Variant each : Variant.values()) {
			this.speech.put(each, SpokenVietnamese.withAbbreviations(each, extra));
		}
	}

	/**
	 * The installation's regional variant, in which scripts are said (and audio voiced)
	 * where a station names none.
	 */
	Variant variant() {
		return this.variant;
	}

	/** The variant a station's scripts are said in: its own, else the installation's. */
	public Variant variant(RadioStation station) {
		Variant own = station.variant();
		return (own != null) ? own : this.variant;
	}

	/** What is said for {@code script} in the installation's variant. */
	public String spoken(String script) {
		return spoken(script, this.variant);
	}

	/** What is said for {@code script} in {@code variant}. */
	public String spoken(String script, Variant variant) {
		return java.util.Objects.requireNonNull(this.speech.get(variant), "variant").speak(script);
	}

	/** Syllables of the script as it is said in the installation's variant. */
	public int syllables(String script) {
		return ReadingTime.syllables(spoken(script));
	}

	/** Syllables of the script as it is said in {@code variant}. */
	public int syllables(String script, Variant variant) {
		return ReadingTime.syllables(spoken(script, variant));
	}

	private static Variant variant(String name) {
		try {
			return Variant.valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"loa.radio.speech.variant must be north, central or south, was '" + name + "'", ex);
		}
	}

	private static Map<String, String> extra(@Nullable String file) {
		if (file == null || file.isBlank()) {
			return Map.of();
		}
		Path path = Path.of(file.strip());
		try (InputStream in = Files.newInputStream(path)) {
			return SpokenVietnamese.readList(in, path.toString());
		}
		catch (NoSuchFileException ex) {
			throw new IllegalArgumentException(
					"loa.radio.speech.abbreviations names " + path + ", which does not exist", ex);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("loa.radio.speech.abbreviations: cannot read " + path + ": " + ex, ex);
		}
	}

}
