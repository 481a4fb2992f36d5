/**
 * Prepared content items, their schedule (“1 day before quoc-khanh 2025, 06:00”) and
 * workflow status; the {@code content/} files. Uses the calendar to resolve dates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content",
		allowedDependencies = { "organisations", "calendar", "text", "audit", "settings" })
@org.jspecify.annotations.NullMarked
package vn.loa.content;
