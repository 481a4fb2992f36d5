package vn.loa.channels.radio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.loa.channels.radio.speech.EspeakNg;
import vn.loa.channels.radio.speech.VietnameseNumbers.Variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Scripts rendered by the real eSpeak NG: the file decodes, plays about as long as the
 * reading time Loa plans the slot with, is made once per script and speed, and again when
 * the script changes. On CI, {@code .ci/run} installs {@code espeak-ng} and these must
 * run.
 */
class RadioAudioTests {

	private static final String SCRIPT = "Kỷ niệm 80 năm Ngày Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam "
			+ "(02/9/1945 - 02/9/2025). UBND xã đề nghị bà con treo cờ Tổ quốc từ 6h00 ngày 01/9, "
			+ "tham gia các hoạt động văn hóa, thể thao chào mừng Đại hội XIV của Đảng.";

	@TempDir
	Path data;

	private final SpokenScripts speech = new SpokenScripts("north", null);

	private RadioAudio audio;

	@BeforeEach
	void needsEspeak() {
		EspeakNg engine = new EspeakNg("espeak-ng");
		if (engine.unavailable().isPresent()) {
			if ("true".equals(System.getenv("CI"))) {
				fail("CI must render radio audio: " + engine.unavailable().get());
			}
			abort(engine.unavailable().get());
		}
		this.audio = new RadioAudio(engine, this.speech, this.data.resolve("radio-audio"));
	}

	@Test
	void aScriptPlaysAboutAsLongAsItsReadingTime() throws IOException {
		for (int speed : List.of(160, 200, 240)) {
			Path wav = this.audio.audio(SCRIPT, speed);
			Duration played = RadioAudio.duration(wav);
			Duration planned = Duration.ofSeconds(ReadingTime.seconds(this.speech.syllables(SCRIPT), speed));
			assertThat(played).as("at %d syllables a minute, planned %s", speed, planned)
				.isBetween(planned.multipliedBy(65).dividedBy(100), planned.multipliedBy(135).dividedBy(100));
		}
	}

	@Test
	void aScriptIsRenderedOnceAndAgainWhenItChanges() throws IOException {
		Path first = this.audio.audio(SCRIPT, 200);
		long made = Files.getLastModifiedTime(first).toMillis();
		assertThat(this.audio.audio(SCRIPT, 200)).isEqualTo(first);
		assertThat(Files.getLastModifiedTime(first).toMillis()).isEqualTo(made);
		Path changed = this.audio.audio(SCRIPT + " Xin cảm ơn bà con.", 200);
		assertThat(changed).isNotEqualTo(first);
		assertThat(RadioAudio.duration(changed)).isGreaterThan(RadioAudio.duration(first));
		try (var files = Files.list(this.data.resolve("radio-audio"))) {
			assertThat(files.map((file) -> file.getFileName().toString())).hasSize(2)
				.allSatisfy((name) -> assertThat(name).matches("[0-9a-f]{64}\\.wav"));
		}
	}

	@Test
	void whatWasQueuedIsRenderedInTheBackgroundAndItsLengthHandedOn() throws Exception {
		java.util.Map<RadioAudio.Rendering, Integer> lengths = new java.util.concurrent.ConcurrentHashMap<>();
		RadioAudio.Rendering rendering = new RadioAudio.Rendering(SCRIPT, 200, Variant.NORTH);
		this.audio.prepare(List.of(rendering, rendering), lengths::put);
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(lengths).containsOnlyKeys(rendering));
		Duration played = RadioAudio.duration(this.audio.audio(SCRIPT, 200));
		assertThat(lengths.get(rendering)).isEqualTo((int) Math.ceil(played.toMillis() / 1000.0));
	}

	/**
	 * A southern station hears its own voice and its own numbers ("ngàn", "mùng"): a
	 * rendering of its own, kept apart from the northern one; both as MP3 too, which
	 * plays as long as the WAV it is made from.
	 */
	@Test
	void eachVariantHasItsOwnRenderingAndEachRenderingAnMp3() throws IOException {
		Path north = this.audio.audio(SCRIPT, 200, Variant.NORTH);
		Path south = this.audio.audio(SCRIPT, 200, Variant.SOUTH);
		assertThat(south).isNotEqualTo(north);
		assertThat(Files.readAllBytes(south)).isNotEqualTo(Files.readAllBytes(north));
		assertThat(this.audio.audio(SCRIPT, 200)).isEqualTo(north);
		for (Path wav : List.of(north, south)) {
			Variant variant = wav.equals(north) ? Variant.NORTH : Variant.SOUTH;
			Path mp3 = this.audio.mp3(SCRIPT, 200, variant);
			assertThat(mp3.getFileName().toString()).isEqualTo(wav.getFileName().toString().replace(".wav", ".mp3"));
			byte[] bytes = Files.readAllBytes(mp3);
			assertThat(bytes[0] & 0xFF).isEqualTo(0xFF);
			double seconds = bytes.length * 8.0 / (vn.loa.channels.radio.speech.Mp3.KBPS * 1000);
			assertThat(seconds).isCloseTo(RadioAudio.duration(wav).toMillis() / 1000.0,
					org.assertj.core.data.Offset.offset(0.5));
			assertThat(this.audio.mp3(SCRIPT, 200, variant)).isEqualTo(mp3);
		}
	}

	@Test
	void withoutTheEngineAudioIsRefusedWithTheReason() {
		RadioAudio none = new RadioAudio(new EspeakNg("espeak-ng-khong-co"), this.speech, this.data.resolve("none"));
		assertThat(none.unavailable()).hasValueSatisfying((why) -> assertThat(why).contains("not installed"));
		assertThatIOException().isThrownBy(() -> none.audio(SCRIPT, 200)).withMessageContaining("not installed");
	}

}
