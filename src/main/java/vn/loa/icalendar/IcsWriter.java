package vn.loa.icalendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Date;
import java.util.List;

import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.text.ICalWriter;
import biweekly.property.CalendarScale;
import biweekly.property.Method;
import biweekly.util.Duration;

import vn.loa.text.PlainText;

/**
 * Writes entries as one RFC 5545 VCALENDAR: all-day entries as DATE values, timed ones in
 * UTC, CRLF line endings and lines folded at 75 octets.
 */
final class IcsWriter {

	static final String PRODUCT_ID = "-//Loa//Loa iCalendar//VI";

	/** Octets a content line may hold before it is folded (RFC 5545 section 3.1). */
	static final int LINE_OCTETS = 75;

	private IcsWriter() {
	}

	static String write(String name, List<IcsEntry> entries, Instant stamp, ZoneId zone) {
		ICalendar ical = new ICalendar();
		ical.setProductId(PRODUCT_ID);
		ical.setCalendarScale(CalendarScale.gregorian());
		ical.setMethod(Method.publish());
		ical.setName(PlainText.lineForOutput(name));
		ical.setExperimentalProperty("X-WR-CALNAME", escape(PlainText.lineForOutput(name)));
		ical.setExperimentalProperty("X-WR-TIMEZONE", zone.getId());
		ical.setRefreshInterval(new Duration.Builder().hours(6).build());
		ical.setExperimentalProperty("X-PUBLISHED-TTL", "PT6H");
		Date dtstamp = Date.from(stamp.truncatedTo(ChronoUnit.SECONDS));
		for (IcsEntry entry : entries) {
			ical.addEvent(event(entry, dtstamp));
		}
		StringWriter text = new StringWriter();
		try (ICalWriter writer = new ICalWriter(text, ICalVersion.V2_0)) {
			// biweekly folds at 75 characters, not octets: fold below instead.
			writer.getVObjectWriter().getFoldedLineWriter().setLineLength(null);
			writer.write(ical);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return fold(text.toString());
	}

	private static VEvent event(IcsEntry entry, Date dtstamp) {
		VEvent event = new VEvent();
		event.setUid(entry.uid());
		event.setDateTimeStamp(dtstamp);
		if (entry.isAllDay()) {
			event.setDateStart(day(Objects.requireNonNull(entry.firstDay(), "first day")), false);
			event.setDateEnd(day(Objects.requireNonNull(entry.endExclusive(), "end")), false);
		}
		else {
			event.setDateStart(Date.from(Objects.requireNonNull(entry.at(), "time")), true);
		}
		// RFC 5545 text carries no control character but tab: a row stored by an older
		// version may hold one.
		event.setSummary(PlainText.lineForOutput(entry.summary()));
		if (entry.description() != null) {
			event.setDescription(PlainText.forOutput(entry.description()));
		}
		if (!entry.categories().isEmpty()) {
			event.addCategories(entry.categories().stream().map(PlainText::lineForOutput).toList());
		}
		// Campaign dates are not appointments: they must not mark anyone busy.
		event.setTransparency(true);
		return event;
	}

	/**
	 * biweekly writes a DATE value as the day a {@link Date} falls on in the JVM's
	 * default zone, so the day is handed over as midnight in that zone; the written day
	 * is then the same in any zone.
	 */
	private static Date day(LocalDate day) {
		return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
	}

	/** Escapes a TEXT value for a property biweekly writes as given. */
	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
	}

	/**
	 * Folds each CRLF-terminated line so no line exceeds 75 octets of UTF-8, breaking
	 * only between code points so a Vietnamese letter is never split.
	 */
	static String fold(String unfolded) {
		StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 50);
		for (String line : unfolded.split("\r\n")) {
			int octets = 0;
			for (int i = 0; i < line.length();) {
				int codePoint = line.codePointAt(i);
				int size = utf8Length(codePoint);
				if (octets + size > LINE_OCTETS) {
					out.append("\r\n ");
					octets = 1;
				}
				out.appendCodePoint(codePoint);
				octets += size;
				i += Character.charCount(codePoint);
			}
			out.append("\r\n");
		}
		return out.toString();
	}

	private static int utf8Length(int codePoint) {
		if (codePoint < 0x80) {
			return 1;
		}
		if (codePoint < 0x800) {
			return 2;
		}
		return (codePoint < 0x10000) ? 3 : 4;
	}

}
