/**
 * The RSS 2.0 and Atom 1.0 feeds of published content; reacts to
 * {@code ContentPublished}.
 * <p>
 * Open because it sits below the {@code channels} package, which makes it a nested module
 * that {@code web} (serving the feeds and item pages) could not otherwise reach; its
 * internals stay package-private.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feed",
		allowedDependencies = { "publishing :: events", "content" },
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.loa.channels.feed;
