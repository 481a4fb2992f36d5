package vn.loa.importer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes plain text and Markdown: UTF-8, with or without a byte-order mark, or UTF-16
 * with one. Anything else is refused rather than guessed, because a wrong guess turns
 * Vietnamese into mojibake that still looks like text.
 */
final class DocumentText {

	private DocumentText() {
	}

	static String decode(String fileName, byte[] bytes) {
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			return strict(fileName, ByteBuffer.wrap(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8.newDecoder());
		}
		if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
			CharsetDecoder decoder = ((bytes[0] & 0xFF) == 0xFE) ? StandardCharsets.UTF_16BE.newDecoder()
					: StandardCharsets.UTF_16LE.newDecoder();
			String text = strict(fileName, ByteBuffer.wrap(bytes, 2, bytes.length - 2), decoder);
			if (text.indexOf('\0') >= 0) {
				throw binary(fileName, ImportMessage.TEXT_NUL_CHARACTERS, "it contains NUL characters");
			}
			return text;
		}
		requireNotBinary(fileName, bytes);
		return strict(fileName, ByteBuffer.wrap(bytes), StandardCharsets.UTF_8.newDecoder());
	}

	/**
	 * Refuses bytes that are plainly not text: another kind of document under a text
	 * name, or anything with NUL bytes (which no UTF-8 text has).
	 */
	static void requireNotBinary(String fileName, byte[] bytes) {
		if (startsWith(bytes, '%', 'P', 'D', 'F', '-')) {
			throw binary(fileName, ImportMessage.TEXT_IS_PDF, "it is a PDF; name it .pdf");
		}
		if (startsWith(bytes, 'P', 'K', 3, 4)) {
			throw binary(fileName, ImportMessage.TEXT_IS_ZIP,
					"it is a zip archive, perhaps a Word .docx; name it .docx");
		}
		if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
			throw binary(fileName, ImportMessage.TEXT_IS_DOC,
					"it is an old Office document, perhaps a Word .doc; save it as .docx");
		}
		for (byte b : bytes) {
			if (b == 0) {
				throw binary(fileName, ImportMessage.TEXT_NUL_BYTES,
						"it contains NUL bytes (a binary file, or UTF-16 without a byte-order mark)");
			}
		}
	}

	private static String strict(String fileName, ByteBuffer in, CharsetDecoder decoder) {
		decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
		CharBuffer out = CharBuffer.allocate((int) (in.remaining() * (double) decoder.maxCharsPerByte()) + 1);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			String charset = decoder.charset().name();
			int line = lineAt(in);
			throw new UnreadableDocumentException(ImportMessage.TEXT_ENCODING, fileName + " is not valid " + charset
					+ " text (line " + line + "); save it as UTF-8, the encoding expected of text files", fileName,
					charset, line);
		}
		decoder.flush(out);
		return out.flip().toString();
	}

	private static int lineAt(ByteBuffer in) {
		int line = 1;
		for (int i = 0; i < in.position(); i++) {
			if (in.get(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private static UnreadableDocumentException binary(String fileName, ImportMessage code, String why) {
		return new UnreadableDocumentException(code, fileName + " is not text: " + why, fileName);
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
