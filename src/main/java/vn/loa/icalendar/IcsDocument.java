package vn.loa.icalendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One iCalendar feed as it is answered: its bytes (UTF-8) and its weak entity tag, which
 * leaves out the DTSTAMP lines so that two builds of the same entries share it.
 *
 * @param bytes the calendar, UTF-8
 * @param etag a weak tag, quotes included
 */
public record IcsDocument(byte[] bytes, String etag) {

	/** What the feeds are served as. */
	public static final String CONTENT_TYPE = "text/calendar;charset=UTF-8";

	/** A calendar as written, with its tag. */
	static IcsDocument of(String calendar) {
		return new IcsDocument(calendar.getBytes(StandardCharsets.UTF_8), etag(calendar));
	}

	/**
	 * A weak tag of the entries: DTSTAMP is the time the feed was built, so it is left
	 * out; two answers with the same tag differ in nothing else.
	 */
	static String etag(String calendar) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String line : calendar.split("\r\n(?! )")) {
				if (!line.startsWith("DTSTAMP:")) {
					digest.update(line.getBytes(StandardCharsets.UTF_8));
					digest.update((byte) '\n');
				}
			}
			return "W/\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
