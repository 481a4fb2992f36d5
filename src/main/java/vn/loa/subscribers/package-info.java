/**
 * Who receives email bulletins: subscribers, their consent status and signed tokens.
 * Every change of consent is announced as a {@link vn.loa.subscribers.SubscriberChanged},
 * which the audit log keeps as evidence. Uses the text rules and the audit module's
 * contract.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subscribers",
		allowedDependencies = { "organisations", "text", "audit", "settings" })
@org.jspecify.annotations.NullMarked
package vn.loa.subscribers;
