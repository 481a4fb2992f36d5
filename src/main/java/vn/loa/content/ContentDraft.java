package vn.loa.content;

import org.jspecify.annotations.Nullable;
import java.util.List;
import java.util.Map;

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
 */
public record ContentDraft(@Nullable String id, String title, String summary, String body, @Nullable String radioScript,
		@Nullable List<String> outlets, String when, @Nullable Map<String, String> staleAfter,
		@Nullable String organisation, String status) {

}
