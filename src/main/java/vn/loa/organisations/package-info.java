/**
 * Who Loa serves: the central level, the 34 provinces and cities, their 3,320 communes,
 * wards and special zones, communication centres and any other body, each with a parent.
 * Seeded from {@code calendar/organisations.yaml} (which may name provinces to load from
 * the shipped list of administrative units), imported from that list's CSV format, and
 * changed at the desk or over the API without a restart; every node reads the hierarchy
 * again within {@code loa.organisations.refresh-interval}. Other modules ask it who
 * exists and who is within whom.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations",
		allowedDependencies = { "audit", "text" })
@org.jspecify.annotations.NullMarked
package vn.loa.organisations;
