/**
 * The command line ({@code calendar}, {@code check}); serving is the default with no
 * arguments.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package vn.loa.cli;
