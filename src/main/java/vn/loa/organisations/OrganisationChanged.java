package vn.loa.organisations;

import org.jspecify.annotations.Nullable;

import vn.loa.audit.AuditedChange;

/**
 * An organisation was created, renamed, moved, disabled or enabled, or a list of
 * administrative units was imported.
 *
 * @param actor who did it ({@code file} for the seed, {@code api} for the API)
 * @param action {@code organisation.create}, {@code organisation.update} or
 * {@code organisation.import}
 * @param subject {@code organisation:ID}, or {@code organisations} for an import
 * @param before name, kind, parent and state before, {@code null} if new
 * @param after the same after, or what an import did
 */
public record OrganisationChanged(String actor, String action, String subject, @Nullable String before,
		@Nullable String after) implements AuditedChange {

}
