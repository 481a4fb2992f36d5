/**
 * The campaign calendar and scheduled content as iCalendar (RFC 5545) feeds that calendar
 * apps subscribe to by URL, served from here. Uses the calendar and content modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "iCalendar",
		allowedDependencies = { "organisations", "calendar", "content", "text" })
@org.jspecify.annotations.NullMarked
package vn.loa.icalendar;
