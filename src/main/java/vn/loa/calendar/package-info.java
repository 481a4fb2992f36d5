/**
 * Anniversaries, events, plans with their phases and organisations, read from the
 * {@code calendar/} files and from the plans confirmed at run time (its own table,
 * {@code calendar_plan}); occurrences of anniversaries in a year, solar or lunar (âm
 * lịch). Uses the text rules, and the audit module's contract to announce a removed plan.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar",
		allowedDependencies = { "organisations", "text", "audit", "transactions" })
@org.jspecify.annotations.NullMarked
package vn.loa.calendar;
