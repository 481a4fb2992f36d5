package vn.loa.channels.radio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * A station's programme for some days as one ZIP archive a smart-radio platform imports:
 * each entry's script as text and its audio as WAV (when this machine has a speech
 * engine), an M3U playlist per slot, and {@code manifest.json} saying when each plays and
 * checksums of its files. The format ({@code loa-radio-export/2}) is described in the
 * README under “Radio export”.
 */
@Component
public class RadioExport {

	/** The manifest's format; a platform checks it before reading on. */
	public static final String FORMAT = "loa-radio-export/2";

	/** At most this many days in one archive. */
	public static final int MAX_DAYS = 31;

	private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("HHmm");

	private final RadioQueue queue;

	private final RadioAudio audio;

	private final ZoneId zone;

	private final Clock clock;

	private final SpokenScripts spoken;

	RadioExport(RadioQueue queue, RadioAudio audio, ZoneId zone, Clock clock, SpokenScripts spoken) {
		this.spoken = spoken;
		this.queue = queue;
		this.audio = audio;
		this.zone = zone;
		this.clock = clock;
	}

	/** The archive's file name: {@code dai-xa-2025-09-02.zip}. */
	public static String fileName(RadioStation station, LocalDate from, LocalDate to) {
		return station.id() + "-" + from + (to.equals(from) ? "" : "-" + to) + ".zip";
	}

	/**
	 * Writes the archive of {@code station} from {@code from} to {@code to}, both
	 * included.
	 * @throws IllegalArgumentException when the range is backwards or longer than
	 * {@link #MAX_DAYS}
	 */
	public void write(RadioStation station, LocalDate from, LocalDate to, OutputStream out) throws IOException {
		if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
			throw new IllegalArgumentException(
					"an export covers 1 to " + MAX_DAYS + " days, from before to; was " + from + " to " + to);
		}
		boolean withAudio = this.audio.unavailable().isEmpty();
		List<Map<String, Object>> entries = new ArrayList<>();
		List<String> playlists = new ArrayList<>();
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		// Emergency bulletins still on air come first, outside the daily slots: a
		// platform
		// plays them at once and again every repeatMinutes until validUntil.
		List<RadioEntry> emergencies = this.queue.emergencies(station)
			.stream()
			.filter((entry) -> entry.nextAiring(this.clock.instant()) != null)
			.toList();
		if (!emergencies.isEmpty()) {
			String folder = "emergency/";
			StringBuilder m3u = new StringBuilder("#EXTM3U\n");
			int order = 0;
			for (RadioEntry entry : emergencies) {
				order++;
				Map<String, Object> item = file(zip, station, entry,
						folder + String.format(Locale.ROOT, "%02d-%s", order, entry.itemId()), folder, withAudio, m3u);
				item.put("date", entry.slotDate().toString());
				item.put("slot", null);
				item.put("slotMinutes", null);
				item.put("order", order);
				item.put("start",
						entry.slotDate().atTime(entry.slotTime()).atZone(this.zone).toOffsetDateTime().toString());
				item.put("repeatMinutes", entry.repeatMinutes());
				Instant until = entry.validUntil();
				item.put("validUntil", (until != null) ? until.atZone(this.zone).toOffsetDateTime().toString() : null);
				entries.add(item);
			}
			if (withAudio) {
				add(zip, folder + "playlist.m3u", m3u.toString().getBytes(StandardCharsets.UTF_8));
				playlists.add(folder + "playlist.m3u");
			}
		}
		for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
			for (RadioSlotPlan plan : this.queue.day(station, date)) {
				if (plan.lines().isEmpty()) {
					continue;
				}
				String folder = date + "/" + SLOT.format(plan.slot().time()) + "/";
				ZonedDateTime slotStart = date.atTime(plan.slot().time()).atZone(this.zone);
				StringBuilder m3u = new StringBuilder("#EXTM3U\n");
				for (RadioSlotPlan.Line line : plan.lines()) {
					RadioEntry entry = line.entry();
					Map<String, Object> item = file(zip, station, entry,
							folder + String.format(Locale.ROOT, "%02d-%s", entry.order(), entry.itemId()), folder,
							withAudio, m3u);
					item.put("date", date.toString());
					item.put("slot", plan.slot().time().toString());
					item.put("slotMinutes", plan.slot().minutes());
					item.put("order", entry.order());
					ZonedDateTime start = slotStart.plusSeconds(line.runningSeconds() - entry.readingSeconds());
					item.put("start", start.toOffsetDateTime().toString());
					item.put("repeatMinutes", null);
					item.put("validUntil", slotStart.plusMinutes(plan.slot().minutes()).toOffsetDateTime().toString());
					entries.add(item);
				}
				if (withAudio) {
					String playlist = folder + "playlist.m3u";
					add(zip, playlist, m3u.toString().getBytes(StandardCharsets.UTF_8));
					playlists.add(playlist);
				}
			}
		}
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("format", FORMAT);
		manifest.put("station", Map.of("id", station.id(), "name", station.name(), "organisation",
				station.organisation(), "syllablesPerMinute", station.syllablesPerMinute()));
		manifest.put("from", from.toString());
		manifest.put("to", to.toString());
		manifest.put("zone", this.zone.getId());
		manifest.put("generatedAt", ZonedDateTime.now(this.clock.withZone(this.zone)).toOffsetDateTime().toString());
		manifest.put("audio", withAudio ? "wav" : null);
		manifest.put("audioFormats", withAudio ? List.of("wav", "mp3") : List.of());
		manifest.put("entries", entries);
		manifest.put("playlists", playlists);
		add(zip, "manifest.json",
				JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
		zip.finish();
	}

	/**
	 * Adds an entry's script (and audio, where there is a speech engine) to the archive
	 * under {@code base}, with its playlist line; returns its manifest fields that do not
	 * depend on where it is played.
	 */
	private Map<String, Object> file(ZipOutputStream zip, RadioStation station, RadioEntry entry, String base,
			String folder, boolean withAudio, StringBuilder m3u) throws IOException {
		byte[] text = (entry.script() + "\n").getBytes(StandardCharsets.UTF_8);
		add(zip, base + ".txt", text);
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("entryId", entry.id());
		item.put("itemId", entry.itemId());
		item.put("title", entry.title());
		item.put("text", base + ".txt");
		item.put("textSha256", sha256(text));
		int seconds = entry.readingSeconds();
		if (withAudio) {
			Path wav = this.audio.audio(entry.script(), station.syllablesPerMinute(), this.spoken.variant(station));
			byte[] bytes = Files.readAllBytes(wav);
			add(zip, base + ".wav", bytes);
			seconds = RadioAudio.seconds(wav);
			item.put("audio", base + ".wav");
			item.put("audioSha256", sha256(bytes));
			byte[] mp3 = Files.readAllBytes(
					this.audio.mp3(entry.script(), station.syllablesPerMinute(), this.spoken.variant(station)));
			add(zip, base + ".mp3", mp3);
			item.put("mp3", base + ".mp3");
			item.put("mp3Sha256", sha256(mp3));
			m3u.append("#EXTINF:")
				.append(seconds)
				.append(',')
				.append(entry.title().replace('\n', ' '))
				.append('\n')
				.append(base.substring(folder.length()))
				.append(".wav\n");
		}
		else {
			item.put("audio", null);
			item.put("audioSha256", null);
			item.put("mp3", null);
			item.put("mp3Sha256", null);
		}
		item.put("durationSeconds", seconds);
		item.put("priority", entry.priority().key());
		item.put("status", entry.status().name());
		return item;
	}

	private static void add(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(bytes);
		zip.closeEntry();
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java", ex);
		}
	}

}
