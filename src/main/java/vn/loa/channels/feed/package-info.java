/**
 * The RSS 2.0 and Atom 1.0 feeds of published content and the public page of each item
 * (their HTTP side is here too); reacts to {@code ContentPublished}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feed",
		allowedDependencies = { "organisations", "publishing :: events", "content", "text", "settings",
				"transactions" })
@org.jspecify.annotations.NullMarked
package vn.loa.channels.feed;
