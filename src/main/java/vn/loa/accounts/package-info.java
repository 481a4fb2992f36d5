/**
 * Who may use the editors' desk: user accounts with their roles and BCrypt password
 * hashes, and the first administrator. Every change is announced as an
 * {@link vn.loa.accounts.AccountChanged}, which the audit log records. Uses only the
 * audit module's contract.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts", allowedDependencies = "audit")
@org.jspecify.annotations.NullMarked
package vn.loa.accounts;
