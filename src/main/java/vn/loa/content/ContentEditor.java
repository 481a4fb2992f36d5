package vn.loa.content;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import vn.loa.organisations.Audience;
import vn.loa.organisations.Organisations;
import vn.loa.calendar.CalendarService;
import vn.loa.calendar.WrittenOrdinals;
import vn.loa.text.PlainText;

/**
 * Checks a draft field by field and resolves its schedule against the calendar, into the
 * item {@link ContentWorkflow} stores.
 */
@Component
class ContentEditor {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,119}");

	private final CalendarService calendar;

	private final Organisations organisations;

	private final ZoneId zone;

	ContentEditor(CalendarService calendar, Organisations organisations, ZoneId zone) {
		this.calendar = calendar;
		this.organisations = organisations;
		this.zone = zone;
	}

	ContentItem check(ContentDraft draft, String id) {
		return check(draft, id, false);
	}

	/**
	 * Checks a draft; only an emergency bulletin issued through
	 * {@link ContentWorkflow#issueEmergency} may carry {@link Priority#EMERGENCY}.
	 */
	ContentItem check(ContentDraft draft, String id, boolean emergency) {
		if (!ID.matcher(id).matches()) {
			throw new InvalidContentException("id", "id '" + id + "' must be lower-case letters, digits and dashes",
					ContentError.ID_FORMAT, id);
		}
		String title = requireText("title", text("title", draft.title(), true), 500);
		String summary = text("summary", draft.summary(), false);
		String body = requireText("body", text("body", draft.body(), false), 200_000);
		String radioScript = text("radioScript", draft.radioScript(), false);
		if (draft.outlets() == null || draft.outlets().isEmpty()) {
			throw new InvalidContentException("outlets", "name at least one of feed, email, radio",
					ContentError.OUTLETS_NONE);
		}
		Set<Outlet> outlets = EnumSet.noneOf(Outlet.class);
		for (String name : draft.outlets()) {
			try {
				outlets.add(Outlet.parse(String.valueOf(name)));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidContentException("outlets", ex.getMessage(), ContentError.OUTLET_UNKNOWN,
						String.valueOf(name));
			}
		}
		String organisation = (draft.organisation() != null && !draft.organisation().isBlank())
				? draft.organisation().strip() : Organisations.DEFAULT;
		if (!this.organisations.accepts(organisation)) {
			throw new InvalidContentException("organisation", "unknown organisation '" + organisation + "'",
					ContentError.ORGANISATION_UNKNOWN, organisation);
		}
		Audience audience = Audience.parse((draft.audience() != null) ? draft.audience() : List.of());
		List<String> outside = this.organisations.outsideOf(organisation, audience);
		if (!outside.isEmpty()) {
			throw new InvalidContentException("audience",
					"'" + outside.get(0) + "' is not an enabled organisation within '" + organisation + "'",
					ContentError.AUDIENCE_OUTSIDE, outside.get(0), organisation);
		}
		for (String[] field : new String[][] { { "title", title }, { "summary", summary }, { "body", body },
				{ "radioScript", radioScript } }) {
			List<WrittenOrdinals.Finding> findings = (field[1] != null) ? WrittenOrdinals.check(field[1]) : List.of();
			if (!findings.isEmpty()) {
				throw OrdinalProblems.refusal(field[0], findings.get(0));
			}
		}
		Priority priority;
		try {
			priority = emergency ? Priority.EMERGENCY
					: Priority.parse((draft.priority() != null) ? draft.priority() : "");
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidContentException("priority", ex.getMessage(), ContentError.PRIORITY_UNKNOWN,
					String.valueOf(draft.priority()));
		}
		if (priority == Priority.EMERGENCY && !emergency) {
			throw new InvalidContentException("priority", ContentFiles.EMERGENCY_ONLY_AT_DESK,
					ContentError.PRIORITY_EMERGENCY);
		}
		ContentStatus status = status(draft.status());
		String when = (draft.when() != null) ? draft.when().strip() : "";
		Instant dueAt = null;
		if (!when.isEmpty()) {
			try {
				when = Schedule.stored(when, this.calendar.book());
				dueAt = Schedule.resolve(when, this.calendar.book(), this.zone).toInstant();
			}
			catch (Schedule.ScheduleException ex) {
				throw new InvalidContentException("when", ex.getMessage(), ex.error(), ex.arguments().toArray());
			}
		}
		else if (status == ContentStatus.SCHEDULED) {
			throw new InvalidContentException("when", "a scheduled item needs 'when'", ContentError.WHEN_REQUIRED);
		}
		Map<Outlet, Duration> staleAfter = new EnumMap<>(Outlet.class);
		if (draft.staleAfter() != null) {
			for (Map.Entry<String, String> entry : draft.staleAfter().entrySet()) {
				try {
					staleAfter.put(Outlet.parse(entry.getKey()), ContentFiles.duration(entry.getValue(), 0));
				}
				catch (IllegalArgumentException | ContentFiles.Problem ex) {
					throw new InvalidContentException("staleAfter", ex.getMessage(), ContentError.STALE_AFTER_INVALID,
							entry.getKey(), String.valueOf(entry.getValue()));
				}
			}
		}
		return new ContentItem(id, organisation, title, (summary != null) ? summary.strip() : "", body, radioScript,
				outlets, when, dueAt, staleAfter, status, "api", null, audience, priority);
	}

	private static ContentStatus status(String text) {
		if (text == null || text.isBlank() || text.equalsIgnoreCase("scheduled")) {
			return ContentStatus.SCHEDULED;
		}
		if (text.equalsIgnoreCase("draft")) {
			return ContentStatus.DRAFT;
		}
		throw new InvalidContentException("status", "status must be draft or scheduled, not '" + text + "'",
				ContentError.STATUS_UNKNOWN, text);
	}

	/**
	 * A text field with its line breaks normalised, refused when it holds a character no
	 * outlet can carry.
	 */
	static @Nullable String text(String field, @Nullable String value, boolean oneLine) {
		if (value == null) {
			return null;
		}
		String normalised = oneLine ? PlainText.normaliseLine(value) : PlainText.normalise(value);
		PlainText.firstForbidden(normalised).ifPresent((found) -> {
			throw new InvalidContentException(field,
					"'" + field + "' contains the control character " + found.character() + " at " + found.position()
							+ ", which no outlet can carry: remove it",
					ContentError.TEXT_FORBIDDEN_CHARACTER, found.character(), found.line(), found.column());
		});
		return normalised;
	}

	static String requireText(String field, @Nullable String value, int max) {
		boolean title = "title".equals(field);
		if (value == null || value.isBlank()) {
			throw new InvalidContentException(field, "'" + field + "' is required",
					title ? ContentError.TITLE_REQUIRED : ContentError.BODY_REQUIRED);
		}
		if (value.length() > max) {
			throw new InvalidContentException(field, "'" + field + "' is longer than " + max + " characters",
					title ? ContentError.TITLE_TOO_LONG : ContentError.BODY_TOO_LONG, String.valueOf(max),
					String.valueOf(value.length()));
		}
		return value.strip();
	}

	/** An ASCII id from a Vietnamese title: “Kỷ niệm 80 năm” → “ky-niem-80-nam”. */
	static String slug(ContentDraft draft) {
		String title = requireText("title", PlainText.lineForOutput(draft.title()), 500);
		String ascii = PlainText.withoutMarks(title).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		String base = ascii.isEmpty() ? "item" : ascii.substring(0, Math.min(ascii.length(), 80));
		return base + "-" + Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1_679_616), 36);
	}

}
