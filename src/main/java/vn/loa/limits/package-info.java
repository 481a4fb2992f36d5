/**
 * How often a client may try: failed logins per username and per address, sign-ups per
 * address and per mailbox, counted in the database every node shares (its own table,
 * {@code rate_limit_attempt}) so a limit holds across nodes and restarts. Uses no other
 * module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Limits", allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package vn.loa.limits;
