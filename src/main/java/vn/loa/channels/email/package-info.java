/**
 * Email bulletins: an outbox of deliveries per publication and confirmed subscriber,
 * drained over a reused SMTP connection (or to {@code .eml} files); reacts to
 * {@code ContentPublished}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Email bulletins",
		allowedDependencies = { "publishing :: events", "content", "subscribers", "retention", "text" })
package vn.loa.channels.email;
