/**
 * The radio script queue of grassroots loudspeaker stations: daily slots, entries with
 * their reading time; reacts to {@code ContentPublished}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Radio script queue",
		allowedDependencies = { "publishing :: events", "content", "text" })
package vn.loa.channels.radio;
