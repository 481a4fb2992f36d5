/**
 * Emergency bulletins (tin khẩn cấp: storms, floods, fire, epidemics): issued at the desk
 * by someone who holds the emergency role, to an organisation and all or some of those
 * below it, and published at once on every outlet it names; on radio outside the daily
 * slots, read again at an interval until it expires or is withdrawn. A second person's
 * approval is asked first where {@code loa.emergency.second-approval} is on. Every step
 * is announced as an {@code EmergencyChanged} for the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Emergency bulletins",
		allowedDependencies = { "content", "organisations", "audit", "text" })
@org.jspecify.annotations.NullMarked
package vn.loa.emergency;
