/**
 * The radio script queue of grassroots loudspeaker stations: daily slots, entries with
 * their reading time; reacts to {@code ContentPublished}.
 * <p>
 * Open because it sits below the {@code channels} package, which makes it a nested module
 * that {@code web} (the script sheet and radio API) could not otherwise reach; its
 * internals stay package-private.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Radio script queue",
		allowedDependencies = { "publishing :: events", "content" },
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.loa.channels.radio;
