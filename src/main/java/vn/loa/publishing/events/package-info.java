/** Events the publishing module announces; the only part of it the outlets may see. */
@org.springframework.modulith.NamedInterface("events")
package vn.loa.publishing.events;
