package vn.loa.content;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A correction of an item that went out was applied: the feeds give the entry its new
 * text and an update time under the same guid, and the radio queue reads the new script
 * where the item is still waiting, and the correction where it was already read.
 *
 * @param itemId the corrected item
 * @param seq the correction's number within the item, from 1
 * @param title the item's title now
 * @param script what an announcer reads of it now
 * @param scriptChanged whether that differs from what it read before
 * @param note what changed, as readers are told it
 * @param correctedAt when the correction was applied
 * @param dueDay the day the item was due, in the Loa zone, or {@code null}
 */
public record ContentCorrected(String itemId, int seq, String title, String script, boolean scriptChanged, String note,
		Instant correctedAt, @Nullable LocalDate dueDay) {

}
