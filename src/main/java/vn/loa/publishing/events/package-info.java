/** Events the publishing module announces; the only part of it the outlets may see. */
@org.springframework.modulith.NamedInterface("events")
@org.jspecify.annotations.NullMarked
package vn.loa.publishing.events;
