/**
 * When content goes out: durable Quartz triggers, the publication record per item and
 * outlet, the late and missed policy; announces
 * {@link vn.loa.publishing.events.ContentPublished}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publishing",
		allowedDependencies = { "calendar", "content", "content :: publishing", "organisations", "text", "settings",
				"transactions" })
@org.jspecify.annotations.NullMarked
package vn.loa.publishing;
