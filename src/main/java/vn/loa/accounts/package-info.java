/**
 * Who may use the editors' desk: user accounts with their roles and BCrypt password
 * hashes, the first administrator, and the audit log of every change made through the API
 * and the desk. Uses no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package vn.loa.accounts;
