package vn.loa.publishing.events;

import vn.loa.content.Outlet;

/**
 * An outlet had nowhere to take a published item: no station of its audience reads on
 * radio, or no mailbox of its audience is confirmed. Announced by the outlet; the
 * publication's outcome then says so instead of "on time".
 *
 * @param itemId the content item's id
 * @param outlet the outlet that reached nobody
 */
public record OutletReachedNobody(String itemId, Outlet outlet) {

}
