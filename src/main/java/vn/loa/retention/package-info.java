/**
 * Keeps the database small: once a day, at a quiet hour, deletes the completed event
 * publications and announces {@link vn.loa.retention.RetentionDue} so that each module
 * deletes what of its own tables nobody needs any more. Uses no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention", allowedDependencies = "settings")
@org.jspecify.annotations.NullMarked
package vn.loa.retention;
