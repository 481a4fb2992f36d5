/**
 * The command line ({@code calendar}, {@code check}, {@code import-plan},
 * {@code create-admin}, {@code backup}, {@code restore}, {@code export-radio}); serving
 * is the default with no arguments.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command line",
		allowedDependencies = { "accounts", "calendar", "calendar :: files", "content", "database", "importer",
				"organisations", "publishing", "channels.radio" })
@org.jspecify.annotations.NullMarked
package vn.loa.cli;
