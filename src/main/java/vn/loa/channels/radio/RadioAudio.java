package vn.loa.channels.radio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjIntConsumer;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.loa.channels.radio.speech.EspeakNg;
import vn.loa.channels.radio.speech.Mp3;
import vn.loa.channels.radio.speech.SpeechEngine;
import vn.loa.channels.radio.speech.VietnameseNumbers.Variant;
import vn.loa.publishing.events.PublishingActivity;

/**
 * Scripts as audio, for an editor to hear before approving and an announcer (or a smart
 * radio platform) to play. Each rendering is kept in {@code <data-dir>/radio-audio/}
 * under the checksum of what decides it (the engine, the voice, the speed and the spoken
 * text), so a script is rendered once however many stations queue it, and again when it
 * changes. Scripts are rendered in the background as they are queued (one thread, never
 * the publishing thread, and waiting while this node decides a burst of due items); asked
 * for before that, a rendering is made on the spot. Without the engine (a laptop without
 * {@code espeak-ng}) everything else works and the desk says why there is no audio.
 */
@Component
public class RadioAudio {

	private static final Log logger = LogFactory.getLog(RadioAudio.class);

	private final SpeechEngine engine;

	private final SpokenScripts speech;

	private final Variant variant;

	private final Path directory;

	/**
	 * This node's deciding of due items, which the background makes way for; none in
	 * tests.
	 */
	private final @Nullable PublishingActivity activity;

	private final ExecutorService background = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "loa-radio-audio");
		thread.setDaemon(true);
		return thread;
	});

	@Autowired
	RadioAudio(SpokenScripts speech, @Value("${loa.radio.speech.espeak:espeak-ng}") String espeak,
			@Value("${loa.data-dir:./var}") String dataDir, PublishingActivity activity) {
		this(new EspeakNg(espeak), speech, Path.of(dataDir).resolve("radio-audio"), activity);
	}

	RadioAudio(SpeechEngine engine, SpokenScripts speech, Path directory) {
		this(engine, speech, directory, null);
	}

	private RadioAudio(SpeechEngine engine, SpokenScripts speech, Path directory,
			@Nullable PublishingActivity activity) {
		this.activity = activity;
		this.engine = engine;
		this.speech = speech;
		this.variant = speech.variant();
		this.directory = directory;
		engine.unavailable().ifPresent((why) -> logger.info("Radio audio is off: " + why));
	}

	/** Why there is no audio here, or empty when there is. */
	public Optional<String> unavailable() {
		return this.engine.unavailable();
	}

	/**
	 * The audio of {@code script} read at {@code syllablesPerMinute}, rendered now unless
	 * it was before.
	 * @throws IOException when the engine is missing or fails
	 */
	public Path audio(String script, int syllablesPerMinute) throws IOException {
		return audio(script, syllablesPerMinute, this.variant);
	}

	/**
	 * The audio of {@code script} read at {@code syllablesPerMinute} in {@code variant}
	 * (its numbers said, and voiced, that way), rendered now unless it was before.
	 * @throws IOException when the engine is missing or fails
	 */
	public Path audio(String script, int syllablesPerMinute, Variant variant) throws IOException {
		String spoken = this.speech.spoken(script, variant);
		Path file = this.directory.resolve(key(spoken, syllablesPerMinute, variant) + ".wav");
		if (Files.isRegularFile(file)) {
			return file;
		}
		synchronized (this) {
			if (Files.isRegularFile(file)) {
				return file;
			}
			store(file, this.engine.wav(spoken, variant, syllablesPerMinute));
			return file;
		}
	}

	/** Writes a whole file or nothing: a reader never sees half a rendering. */
	private void store(Path file, byte[] bytes) throws IOException {
		Files.createDirectories(this.directory);
		Path partial = Files.createTempFile(this.directory, "rendering-", ".part");
		try {
			Files.write(partial, bytes);
			try {
				Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	/**
	 * The audio of {@code script} as MP3 ({@link Mp3}), encoded from its WAV once and
	 * kept beside it.
	 * @throws IOException when the engine is missing or fails
	 */
	public Path mp3(String script, int syllablesPerMinute, Variant variant) throws IOException {
		Path wav = audio(script, syllablesPerMinute, variant);
		String name = wav.getFileName().toString();
		Path file = wav.resolveSibling(name.substring(0, name.length() - ".wav".length()) + ".mp3");
		if (Files.isRegularFile(file)) {
			return file;
		}
		store(file, Mp3.encode(wav));
		return file;
	}

	/**
	 * The audio of {@code script} as a download ({@code audio/wav}), or 503 with the
	 * reason when this machine has no speech engine: what the desk's players ask for.
	 */
	public ResponseEntity<Resource> download(String script, int syllablesPerMinute, CacheControl cache)
			throws IOException {
		return download(script, syllablesPerMinute, this.variant, cache);
	}

	/** {@link #download(String, int, CacheControl)} in {@code variant}. */
	ResponseEntity<Resource> download(String script, int syllablesPerMinute, Variant variant, CacheControl cache)
			throws IOException {
		Optional<String> why = unavailable();
		if (why.isPresent()) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, why.get());
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("audio/wav"))
			.cacheControl(cache)
			.body(new FileSystemResource(audio(script, syllablesPerMinute, variant)));
	}

	/** How long a rendering plays, in whole seconds rounded up. */
	public static int seconds(Path wav) throws IOException {
		return (int) Math.ceil(duration(wav).toMillis() / 1000.0);
	}

	/** How long a rendering plays. */
	public static Duration duration(Path wav) throws IOException {
		try (AudioInputStream audio = AudioSystem.getAudioInputStream(wav.toFile())) {
			return Duration.ofMillis(Math.round(audio.getFrameLength() * 1000.0 / audio.getFormat().getFrameRate()));
		}
		catch (UnsupportedAudioFileException ex) {
			throw new IOException(wav + " is not audio Loa can read", ex);
		}
	}

	/**
	 * Renders, in the background, what was just queued, and hands each rendering's length
	 * (whole seconds, rounded up) to {@code rendered}.
	 */
	void prepare(Collection<Rendering> renderings, ObjIntConsumer<Rendering> rendered) {
		if (this.engine.unavailable().isPresent() || renderings.isEmpty()) {
			return;
		}
		Set<Rendering> distinct = new LinkedHashSet<>(renderings);
		try {
			this.background.execute(() -> distinct.forEach((rendering) -> renderQuietly(rendering, rendered)));
		}
		catch (RejectedExecutionException stopping) {
			// Loa is stopping: the desk renders on demand after the next start.
		}
	}

	private void renderQuietly(Rendering rendering, ObjIntConsumer<Rendering> rendered) {
		// Audio makes way while this node decides a burst: the record, the feeds and the
		// radio queue must be on time at 06:00; the audio is wanted when the slot airs.
		if (this.activity != null) {
			this.activity.awaitQuiet(Duration.ofSeconds(10));
		}
		try {
			rendered.accept(rendering,
					seconds(audio(rendering.script(), rendering.syllablesPerMinute(), rendering.variant())));
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Could not render the radio audio of a script: " + ex.getMessage());
		}
	}

	@jakarta.annotation.PreDestroy
	void stop() throws InterruptedException {
		this.background.shutdown();
		this.background.awaitTermination(5, TimeUnit.SECONDS);
	}

	private String key(String spoken, int syllablesPerMinute, Variant variant) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((this.engine.name() + "\n" + variant + "\n" + syllablesPerMinute + "\n")
				.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest(spoken.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java", ex);
		}
	}

	/**
	 * A script to render and the speed it is read at.
	 *
	 * @param script the script as written
	 * @param syllablesPerMinute the station's speed
	 * @param variant the station's regional variant
	 */
	record Rendering(String script, int syllablesPerMinute, Variant variant) {

	}

}
