/**
 * Turns a written propaganda plan (text, Markdown, Word, PDF, HTML) into a draft plan in
 * the {@code calendar/} format with a review report; nothing is stored before an editor
 * confirms. Uses the calendar to match anniversaries and events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plan importer",
		allowedDependencies = { "organisations", "calendar", "retention", "text", "audit" })
@org.jspecify.annotations.NullMarked
package vn.loa.importer;
