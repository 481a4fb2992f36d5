package vn.loa.channels.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeBodyPart;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A part encoded once with the reader's lines encoded apart is the part a reader would
 * get from encoding the whole text: the same bytes on the wire, the same text once
 * decoded.
 */
class EncodedPartTests {

	private static final String MARK = "loa-unsubscribe-link-3f9c1e07b2d84a6b";

	private static final String LINK = "https://loa.example.vn/unsubscribe/AbC-123_xyz.Q2h1bmcgdGEgbMOgIG3hu5l0";

	static Stream<String> texts() {
		String longLine = "Kỷ niệm 80 năm Ngày Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9/1945 - 02/9/2025), "
			.repeat(3);
		return Stream.of("Kính gửi bà con,\n\nHủy đăng ký: " + MARK + "\n",
				"Dòng đầu\r\nHủy: " + MARK + "\r\nDòng cuối không xuống dòng",
				"<p>" + longLine + "</p>\n<p><a href=\"" + MARK + "\">Hủy đăng ký</a> " + longLine
						+ "</p>\n<p>=3D ở cuối</p>",
				"dấu cách cuối dòng   \n" + MARK + "\t\n\ttab đầu dòng\n", "Không có liên kết nào.\n" + longLine, MARK,
				"a=b\n" + MARK + " và " + MARK + "\nc");
	}

	@ParameterizedTest
	@MethodSource("texts")
	void aReadersPartIsTheWholeTextEncodedAtOnce(String text) throws Exception {
		MimeBodyPart part = EncodedPart.of(text, "plain", MARK).forReader(LINK);

		String expected = text.replace(MARK, LINK);
		// Mail has CRLF line ends, whatever the text had.
		assertThat(part.getContent()).isEqualTo(expected.replaceAll("\r?\n", "\r\n"));
		assertThat(part.getEncoding()).isEqualTo("quoted-printable");
		assertThat(part.getContentType()).isEqualTo("text/plain; charset=UTF-8");
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		part.getRawInputStream().transferTo(raw);
		assertThat(new String(raw.toByteArray(), StandardCharsets.US_ASCII))
			.isEqualTo(new String(EncodedPart.encode(expected), StandardCharsets.US_ASCII));
		for (String line : new String(raw.toByteArray(), StandardCharsets.US_ASCII).split("\r\n")) {
			assertThat(line.length()).as("a quoted-printable line: %s", line).isLessThanOrEqualTo(76);
		}
	}

}
