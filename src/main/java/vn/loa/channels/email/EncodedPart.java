package vn.loa.channels.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeUtility;

/**
 * A text part of a bulletin, quoted-printable, encoded once for all its readers: only the
 * lines that hold a reader's own value (the unsubscribe link) are encoded per reader.
 * Quoted-printable encodes line by line, so lines encoded apart and put together are the
 * whole text encoded at once. The part is handed to Jakarta Mail as encoded bytes, which
 * it copies to the connection as they are rather than encoding the text again per
 * message.
 */
final class EncodedPart {

	private static final String ENCODING = "quoted-printable";

	private final String contentType;

	private final String mark;

	/** Encoded bytes, or a line (its line break included) still holding the mark. */
	private final List<Object> pieces;

	private final int size;

	private EncodedPart(String contentType, String mark, List<Object> pieces, int size) {
		this.contentType = contentType;
		this.mark = mark;
		this.pieces = pieces;
		this.size = size;
	}

	/**
	 * @param text the part's text, with {@code mark} where each reader's value goes
	 * @param subtype {@code plain} or {@code html}
	 */
	static EncodedPart of(String text, String subtype, String mark) {
		List<Object> pieces = new ArrayList<>();
		StringBuilder fixed = new StringBuilder(text.length());
		int size = 0;
		int start = 0;
		while (start < text.length()) {
			int end = text.indexOf('\n', start);
			end = (end < 0) ? text.length() : end + 1;
			String line = text.substring(start, end);
			if (line.contains(mark)) {
				if (fixed.length() > 0) {
					byte[] encoded = encode(fixed.toString());
					pieces.add(encoded);
					size += encoded.length;
					fixed.setLength(0);
				}
				pieces.add(line);
				size += line.length() * 3;
			}
			else {
				fixed.append(line);
			}
			start = end;
		}
		if (fixed.length() > 0) {
			byte[] encoded = encode(fixed.toString());
			pieces.add(encoded);
			size += encoded.length;
		}
		return new EncodedPart("text/" + subtype + "; charset=UTF-8", mark, List.copyOf(pieces), size);
	}

	/** The part for one reader, {@code value} in place of the mark. */
	MimeBodyPart forReader(String value) throws MessagingException {
		ByteArrayOutputStream content = new ByteArrayOutputStream(this.size + 256);
		for (Object piece : this.pieces) {
			byte[] bytes = (piece instanceof byte[] encoded) ? encoded
					: encode(((String) piece).replace(this.mark, value));
			content.write(bytes, 0, bytes.length);
		}
		InternetHeaders headers = new InternetHeaders();
		headers.setHeader("Content-Type", this.contentType);
		headers.setHeader("Content-Transfer-Encoding", ENCODING);
		return new MimeBodyPart(headers, content.toByteArray());
	}

	static byte[] encode(String text) {
		ByteArrayOutputStream encoded = new ByteArrayOutputStream(text.length() * 2);
		try (OutputStream out = MimeUtility.encode(encoded, ENCODING)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException | MessagingException ex) {
			throw new UncheckedIOException(new IOException("cannot encode a bulletin part", ex));
		}
		return encoded.toByteArray();
	}

}
