package vn.loa.content;

import org.jspecify.annotations.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import vn.loa.organisations.Audience;

/**
 * A prepared piece of content and when it goes out.
 *
 * @param id stable id, unique across files and the API
 * @param organisation the organisation it belongs to
 * @param title title
 * @param summary one-paragraph summary, may be empty
 * @param body Markdown body
 * @param radioScript the text the announcer reads, or {@code null} to read the body
 * @param outlets where it goes out
 * @param when the schedule as written ("anniversary quoc-khanh 2025, 1 day before,
 * 06:00")
 * @param dueAt the instant {@code when} resolves to, or {@code null} while unresolved
 * @param staleAfter how late each outlet may still carry it; an outlet not listed uses
 * its default
 * @param status where it is in its life
 * @param source where it came from ({@code content/quoc-khanh.md} or {@code api})
 * @param updatedAt last change
 * @param audience whom it is for: its organisation alone, or with those below it
 * @param priority how urgently it goes out (ordinary, priority, or an emergency bulletin)
 */
public record ContentItem(String id, String organisation, String title, String summary, String body,
		@Nullable String radioScript, Set<Outlet> outlets, String when, @Nullable Instant dueAt,
		Map<Outlet, Duration> staleAfter, ContentStatus status, String source, @Nullable Instant updatedAt,
		Audience audience, Priority priority) {

	/** An ordinary item. */
	public ContentItem(String id, String organisation, String title, String summary, String body,
			@Nullable String radioScript, Set<Outlet> outlets, String when, @Nullable Instant dueAt,
			Map<Outlet, Duration> staleAfter, ContentStatus status, String source, @Nullable Instant updatedAt,
			Audience audience) {
		this(id, organisation, title, summary, body, radioScript, outlets, when, dueAt, staleAfter, status, source,
				updatedAt, audience, Priority.NORMAL);
	}

	/** An item for its own organisation alone. */
	public ContentItem(String id, String organisation, String title, String summary, String body,
			@Nullable String radioScript, Set<Outlet> outlets, String when, @Nullable Instant dueAt,
			Map<Outlet, Duration> staleAfter, ContentStatus status, String source, @Nullable Instant updatedAt) {
		this(id, organisation, title, summary, body, radioScript, outlets, when, dueAt, staleAfter, status, source,
				updatedAt, Audience.OWN);
	}

	/** The body as sanitised HTML. */
	public String bodyHtml() {
		return ContentRendering.html(this.body);
	}

	/** The body as plain text. */
	public String bodyText() {
		return ContentRendering.text(this.body);
	}

	/** The body as plain text for a reader, paragraphs apart (an email's text part). */
	public String bodyReaderText() {
		return ContentRendering.readerText(this.body);
	}

	/**
	 * What the announcer reads: the radio script when given, else the body as plain text.
	 */
	public String script() {
		return (this.radioScript != null && !this.radioScript.isBlank()) ? this.radioScript.strip() : bodyText();
	}

	/**
	 * Whether its schedule is written against this occurrence of an anniversary
	 * ({@code anniversary quoc-khanh 2025, 1 day before}): it is content for that
	 * occurrence.
	 */
	public boolean marks(String anniversary, int year) {
		return Schedule.anniversaryOf(this.when)
			.map((anchor) -> anchor.id().equals(anniversary) && anchor.year() == year)
			.orElse(false);
	}

	public boolean goesTo(Outlet outlet) {
		return this.outlets.contains(outlet);
	}

	/**
	 * The item as the API shows it and the audit log keeps it: its text, outlets,
	 * schedule (the due time as a local date-time with its offset in {@code zone}),
	 * status and source, in that order.
	 */
	public Map<String, Object> fields(ZoneId zone) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("id", this.id);
		fields.put("organisation", this.organisation);
		fields.put("audience", this.audience.key());
		fields.put("title", this.title);
		fields.put("summary", this.summary);
		fields.put("body", this.body);
		fields.put("radioScript", this.radioScript);
		fields.put("outlets", this.outlets.stream().map(Outlet::key).sorted().toList());
		fields.put("when", this.when);
		if (this.priority != Priority.NORMAL) {
			fields.put("priority", this.priority.key());
		}
		fields.put("dueAt", (this.dueAt != null) ? this.dueAt.atZone(zone).toOffsetDateTime().toString() : null);
		fields.put("status", this.status.key());
		fields.put("source", this.source);
		return fields;
	}

}
