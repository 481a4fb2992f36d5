package vn.loa.organisations;

import org.jspecify.annotations.Nullable;

/**
 * A body Loa serves.
 *
 * @param id stable id, lower-case ASCII letters, digits and dashes ({@code thai-nguyen},
 * {@code thai-nguyen-bang-thanh})
 * @param name its name as people write it ({@code Xã Bằng Thành})
 * @param kind what kind of body it is
 * @param parentId the organisation it belongs to, or {@code null} at the top
 * @param code its code in the list of administrative units it was imported from, or
 * {@code null}
 * @param enabled whether it takes new content, subscribers and stations; a disabled one
 * keeps what it has
 * @param version raised by every change, so a form changes only what its author read
 */
public record Organisation(String id, String name, OrganisationKind kind, @Nullable String parentId,
		@Nullable String code, boolean enabled, long version) {

	/** Whether it is at the top of the hierarchy. */
	public boolean isRoot() {
		return this.parentId == null;
	}

}
