/**
 * Email bulletins: an outbox of deliveries per publication and confirmed subscriber,
 * drained over a reused SMTP connection (or to {@code .eml} files); reacts to
 * {@code ContentPublished}. Its HTTP side is here too: the desk's bulletins and
 * deliveries (with "resend failed", announced as {@code DeliveriesResent}) and the
 * deliveries API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Email bulletins",
		allowedDependencies = { "publishing :: events", "content", "subscribers", "organisations", "retention", "text",
				"audit", "settings", "transactions" })
@org.jspecify.annotations.NullMarked
package vn.loa.channels.email;
