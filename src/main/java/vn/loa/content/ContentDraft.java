package vn.loa.content;

import org.jspecify.annotations.Nullable;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * An item as the API receives it, before it is checked.
 *
 * @param id stable id; made from the title when absent
 * @param title title
 * @param summary summary
 * @param body Markdown body
 * @param radioScript the text to read on air, or {@code null}
 * @param outlets outlet names ({@code feed}, {@code email}, {@code radio})
 * @param when the schedule, as in {@link Schedule}
 * @param staleAfter per-outlet overrides ({@code email: 24h})
 * @param organisation owner; {@code default} when absent
 * @param status {@code draft} or {@code scheduled} (the default)
 * @param audience {@code own} (the default), {@code all}, or the ids of chosen
 * organisations within the owner, as one string or a list
 * @param priority {@code normal} (the default) or {@code priority} ({@code ưu tiên})
 */
public record ContentDraft(@Nullable String id, String title, String summary, String body, @Nullable String radioScript,
		@Nullable List<String> outlets, String when, @Nullable Map<String, String> staleAfter,
		@Nullable String organisation, String status,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable List<String> audience,
		@Nullable String priority) {

	/** An ordinary draft. */
	public ContentDraft(@Nullable String id, String title, String summary, String body, @Nullable String radioScript,
			@Nullable List<String> outlets, String when, @Nullable Map<String, String> staleAfter,
			@Nullable String organisation, String status, @Nullable List<String> audience) {
		this(id, title, summary, body, radioScript, outlets, when, staleAfter, organisation, status, audience, null);
	}

	/** A draft for its own organisation alone. */
	public ContentDraft(@Nullable String id, String title, String summary, String body, @Nullable String radioScript,
			@Nullable List<String> outlets, String when, @Nullable Map<String, String> staleAfter,
			@Nullable String organisation, String status) {
		this(id, title, summary, body, radioScript, outlets, when, staleAfter, organisation, status, null);
	}

	/** This draft for {@code organisation}. */
	public ContentDraft ownedBy(String organisation) {
		return new ContentDraft(this.id, this.title, this.summary, this.body, this.radioScript, this.outlets, this.when,
				this.staleAfter, organisation, this.status, this.audience, this.priority);
	}

}
