/**
 * Who may do what over HTTP: the API's bearer token, the desk's form login with roles and
 * sessions checked against their account on every request, CSRF, login limits and the
 * security headers. Part of the web module.
 */
@org.jspecify.annotations.NullMarked
package vn.loa.web.security;
