/**
 * The shared frame of the desk and the public site (layout, header, error pages, the
 * characters a page may carry), security configuration, and the pages that compose other
 * modules' APIs: the home page and archive, the desk's dashboard, content, calendar,
 * plans, subscribers and accounts, the content, calendar, plan and subscriber APIs. It
 * owns no domain data; what it changes, it asks the owning module to change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web",
		allowedDependencies = { "accounts", "calendar", "content", "publishing", "subscribers", "importer",
				"channels.email", "channels.feed", "channels.radio", "database", "icalendar", "limits", "organisations",
				"settings", "text" })
@org.jspecify.annotations.NullMarked
package vn.loa.web;
