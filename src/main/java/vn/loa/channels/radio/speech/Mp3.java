package vn.loa.channels.radio.speech;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import de.sciss.jump3r.lowlevel.LameEncoder;

/**
 * MP3 from a rendered WAV, for smart-radio platforms that take no WAV: constant bit rate
 * ({@value #KBPS} kbit/s, mono, plenty for speech), encoded by jump3r, a pure-Java port
 * of LAME, so no native encoder needs installing.
 */
public final class Mp3 {

	/** The bit rate: speech on a loudspeaker needs no more. */
	public static final int KBPS = 48;

	private Mp3() {
	}

	/**
	 * Encodes a 16-bit PCM WAV file as MP3.
	 * @throws IOException when the file cannot be read or is not PCM audio
	 */
	public static byte[] encode(Path wav) throws IOException {
		try (InputStream file = Files.newInputStream(wav);
				AudioInputStream audio = AudioSystem.getAudioInputStream(new java.io.BufferedInputStream(file))) {
			AudioFormat format = audio.getFormat();
			if (format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || format.getSampleSizeInBits() != 16) {
				throw new IOException(wav + " is " + format + ", not 16-bit PCM");
			}
			LameEncoder encoder = new LameEncoder(format, KBPS, LameEncoder.CHANNEL_MODE_MONO,
					LameEncoder.QUALITY_MIDDLE, false);
			try {
				ByteArrayOutputStream mp3 = new ByteArrayOutputStream();
				byte[] pcm = new byte[encoder.getPCMBufferSize()];
				byte[] encoded = new byte[encoder.getMP3BufferSize()];
				int read;
				while ((read = audio.readNBytes(pcm, 0, pcm.length)) > 0) {
					mp3.write(encoded, 0, encoder.encodeBuffer(pcm, 0, read, encoded));
				}
				mp3.write(encoded, 0, encoder.encodeFinish(encoded));
				return mp3.toByteArray();
			}
			finally {
				encoder.close();
			}
		}
		catch (UnsupportedAudioFileException ex) {
			throw new IOException(wav + " is not audio Loa can read", ex);
		}
	}

}
