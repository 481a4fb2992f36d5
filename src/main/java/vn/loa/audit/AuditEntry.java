package vn.loa.audit;

import org.jspecify.annotations.Nullable;
import java.time.Instant;

/**
 * One change recorded in the audit log.
 *
 * @param id its number, increasing
 * @param at when it was made
 * @param actor who made it: a username, or {@code api} for the bearer token
 * @param action what was done ({@code content.create}, {@code radio.aired}, ...)
 * @param subject what it was done to ({@code content:quoc-khanh-2025})
 * @param before the state before, JSON or a short text; {@code null} if none
 * @param after the state after, JSON or a short text; {@code null} if none
 */
public record AuditEntry(long id, Instant at, String actor, String action, String subject, @Nullable String before,
		@Nullable String after) {

}
