/**
 * The embedded H2 database's safeguards and copies: a commit is on disk before Loa
 * answers, the database has a generated password, its server listens on loopback only and
 * the data directory is its owner's alone; a damaged file is named as such; online backup
 * and restore. Uses no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Embedded database", allowedDependencies = "settings")
@org.jspecify.annotations.NullMarked
package vn.loa.database;
