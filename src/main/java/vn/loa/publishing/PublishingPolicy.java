package vn.loa.publishing;

import java.util.Objects;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import vn.loa.content.ContentFiles;
import vn.loa.content.ContentItem;
import vn.loa.content.Outlet;

/**
 * Decides, for an item whose time has come, whether each outlet still carries it: on time
 * within the grace period, late within the outlet's stale-after, missed beyond it. The
 * radio's default stale-after is the end of the local day the item was due.
 *
 * @param grace how late a firing still counts as on time (a trigger's normal delay)
 * @param zone the zone local days are counted in
 */
record PublishingPolicy(Duration grace, ZoneId zone) {

	Outcome decide(ContentItem item, Outlet outlet, Instant now) {
		Instant due = due(item);
		if (!now.isAfter(due.plus(this.grace))) {
			return Outcome.ON_TIME;
		}
		return now.isAfter(deadline(item, outlet)) ? Outcome.MISSED : Outcome.LATE;
	}

	/** The last instant the outlet may still carry the item. */
	Instant deadline(ContentItem item, Outlet outlet) {
		Duration override = item.staleAfter().get(outlet);
		if (override != null) {
			return due(item).plus(override);
		}
		if (outlet == Outlet.RADIO) {
			return due(item).atZone(this.zone)
				.toLocalDate()
				.plusDays(1)
				.atTime(LocalTime.MIDNIGHT)
				.atZone(this.zone)
				.toInstant()
				.minusNanos(1);
		}
		return due(item).plus(ContentFiles.DEFAULT_STALE_AFTER.get(outlet));
	}

	/** An item is decided only once it is due, so it has a time. */
	private static Instant due(ContentItem item) {
		return Objects.requireNonNull(item.dueAt(), "a due item's time");
	}

}
