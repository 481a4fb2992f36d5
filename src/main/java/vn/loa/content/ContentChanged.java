package vn.loa.content;

import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import vn.loa.audit.AuditedChange;

/**
 * An item was created, changed, sent for review, approved, withdrawn or loaded from its
 * file. Before and after are the item as JSON (its text, outlets, schedule and status),
 * so the audit log shows what changed.
 *
 * @param actor who did it: a username, {@code api} or {@code file}
 * @param action {@code content.create}, {@code content.update}, {@code content.submit},
 * {@code content.approve}, {@code content.withdraw} or {@code content.file}
 * @param itemId the item
 * @param before the item before, {@code null} if new
 * @param after the item after
 */
public record ContentChanged(String actor, String action, String itemId, @Nullable String before,
		@Nullable String after) implements AuditedChange {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public String subject() {
		return "content:" + this.itemId;
	}

	static ContentChanged of(ContentActor actor, String action, @Nullable ContentItem before, ContentItem after,
			ZoneId zone) {
		return new ContentChanged(actor.username(), action, after.id(), describe(before, zone), describe(after, zone));
	}

	private static @Nullable String describe(@Nullable ContentItem item, ZoneId zone) {
		if (item == null) {
			return null;
		}
		return JSON.writeValueAsString(item.fields(zone));
	}

}
