package vn.loa.icalendar;

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

	/** What a reader may keep: anything, but asked again before each use. */
	public static final String CACHE_CONTROL = "no-cache, public";

}
