/**
 * The radio script queue of grassroots loudspeaker stations: daily slots, entries with
 * their reading time; reacts to {@code ContentPublished}. Its HTTP side is here too: the
 * printable rundown and API, and the desk's rundown where announcers mark entries aired
 * or skipped (announced as {@code RadioEntryMarked} for the audit log).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Radio script queue",
		allowedDependencies = { "organisations", "publishing :: events", "content", "text", "audit", "emergency" })
@org.jspecify.annotations.NullMarked
package vn.loa.channels.radio;
