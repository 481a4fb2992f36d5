/**
 * The e-mail outlet's SMTP client: Angus Mail's transport with command pipelining.
 */
@org.jspecify.annotations.NullMarked
package vn.loa.channels.email.smtp;
