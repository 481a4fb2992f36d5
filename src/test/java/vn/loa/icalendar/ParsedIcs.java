package vn.loa.icalendar;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.DateProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feed read back with ical4j, a parser independent of the biweekly writer, as a
 * calendar app would read it.
 */
final class ParsedIcs {

	final Calendar calendar;

	final List<Entry> entries;

	private ParsedIcs(Calendar calendar, List<Entry> entries) {
		this.calendar = calendar;
		this.entries = entries;
	}

	static ParsedIcs parse(String text) {
		try {
			Calendar calendar = new CalendarBuilder().build(new StringReader(text));
			List<Entry> entries = new ArrayList<>();
			for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
				entries.add(new Entry(value(event, Property.UID), value(event, Property.SUMMARY),
						value(event, Property.DESCRIPTION), categories(event), date(event, Property.DTSTART),
						date(event, Property.DTEND), value(event, Property.DTSTAMP), value(event, Property.TRANSP)));
			}
			return new ParsedIcs(calendar, entries);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ParserException ex) {
			throw new AssertionError("ical4j cannot read the feed: " + ex.getMessage(), ex);
		}
	}

	/** The value of a VCALENDAR property, or {@code null}. */
	String property(String name) {
		return this.calendar.getProperty(name).map(Property::getValue).orElse(null);
	}

	Entry entry(String uid) {
		return find(uid).orElseThrow(() -> new AssertionError("no entry " + uid + " in " + uids()));
	}

	Optional<Entry> find(String uid) {
		return this.entries.stream().filter((entry) -> entry.uid().equals(uid)).findFirst();
	}

	Set<String> uids() {
		Set<String> uids = new LinkedHashSet<>();
		this.entries.forEach((entry) -> uids.add(entry.uid()));
		return uids;
	}

	/**
	 * What RFC 5545 asks of the bytes: CRLF after every line, no line longer than 75
	 * octets, and every line valid UTF-8 on its own (a fold never splits a character).
	 */
	static void assertWellFormed(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text).endsWith("\r\n");
		assertThat(text.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
		int start = 0;
		for (int i = 0; i + 1 < bytes.length; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				byte[] line = Arrays.copyOfRange(bytes, start, i);
				assertThat(line.length).as("octets of line '%s'", new String(line, StandardCharsets.UTF_8))
					.isLessThanOrEqualTo(75);
				try {
					StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT)
						.decode(ByteBuffer.wrap(line));
				}
				catch (CharacterCodingException ex) {
					throw new AssertionError("line " + new String(line, StandardCharsets.UTF_8)
							+ " splits a character: " + ex.getMessage());
				}
				start = i + 2;
			}
		}
	}

	private static String value(VEvent event, String name) {
		return event.getProperty(name).map(Property::getValue).orElse(null);
	}

	private static Set<String> categories(VEvent event) {
		Set<String> categories = new LinkedHashSet<>();
		for (Property property : event.getProperties(Property.CATEGORIES)) {
			categories.addAll(((Categories) property).getCategories().getTexts());
		}
		return categories;
	}

	private static Temporal date(VEvent event, String name) {
		return event.getProperty(name).map((property) -> ((DateProperty<?>) property).getDate()).orElse(null);
	}

	/** One VEVENT as read back; dates are {@code LocalDate} for DATE values. */
	record Entry(String uid, String summary, String description, Set<String> categories, Temporal start, Temporal end,
			String stamp, String transparency) {

	}

}
