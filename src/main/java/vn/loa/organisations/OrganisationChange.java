package vn.loa.organisations;

import org.jspecify.annotations.Nullable;

/**
 * What to change in an organisation; each part left {@code null} stays as it is.
 *
 * @param name a new name
 * @param kind a new kind
 * @param parent a new parent's id, or an empty text to move it to the top
 * @param enabled whether it takes new content, subscribers and stations
 * @param version the version the change was made on, refused if another change passed it;
 * {@code null} to change whatever is stored
 */
public record OrganisationChange(@Nullable String name, @Nullable String kind, @Nullable String parent,
		@Nullable Boolean enabled, @Nullable Long version) {

}
