/**
 * The RSS 2.0 and Atom 1.0 feeds of published content; reacts to
 * {@code ContentPublished}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feed",
		allowedDependencies = { "publishing :: events", "content", "text" })
package vn.loa.channels.feed;
