package vn.loa.organisations;

import org.jspecify.annotations.Nullable;

/**
 * An organisation to add.
 *
 * @param id its id, lower-case ASCII letters and digits joined by dashes
 * @param name its name
 * @param kind its kind ({@code commune}, {@code communication-centre}, …), or
 * {@code null} for {@code other}
 * @param parent the id of the organisation it belongs to, or {@code null} at the top
 */
public record NewOrganisation(String id, String name, @Nullable String kind, @Nullable String parent) {

}
