/**
 * Loa's application class; every module is a sub-package.
 */
@org.jspecify.annotations.NullMarked
package vn.loa;
