package vn.loa.channels.radio;

import java.util.Locale;

import vn.loa.audit.AuditedChange;

/**
 * An announcer marked a radio entry aired or skipped (or queued it again).
 *
 * @param actor who marked it
 * @param entryId the entry
 * @param itemId the content item it reads
 * @param was its status before
 * @param now its status after
 */
public record RadioEntryMarked(String actor, long entryId, String itemId, RadioStatus was,
		RadioStatus now) implements AuditedChange {

	@Override
	public String action() {
		return "radio." + key(this.now);
	}

	@Override
	public String subject() {
		return "radio-entry:" + this.entryId;
	}

	@Override
	public String before() {
		return this.itemId + ": " + key(this.was);
	}

	@Override
	public String after() {
		return this.itemId + ": " + key(this.now);
	}

	private static String key(RadioStatus status) {
		return status.name().toLowerCase(Locale.ROOT);
	}

}
