/**
 * The audit log: who changed what, when, and the state before and after. It is written
 * only from the domain events that describe themselves as an
 * {@link vn.loa.audit.AuditedChange}, in the transaction of the change, so no caller can
 * forget it and no change is stored without its record. Its HTTP side is here too: the
 * administrators' audit page on the desk and {@code /api/audit}. Uses no other module;
 * every module that changes something people must be able to trace publishes such events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package vn.loa.audit;
