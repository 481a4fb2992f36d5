package vn.loa.importer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.loa.importer.PlanDraft.AnniversaryMention;
import vn.loa.importer.PlanDraft.EventMention;
import vn.loa.importer.PlanDraft.PhaseDraft;

/**
 * Writes a draft as a file of the {@code calendar/} directory: the proposed anniversaries
 * and events, then the plan. What the calendar cannot hold yet (a phase without dates) is
 * left as a comment.
 */
final class DraftYaml {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private DraftYaml() {
	}

	/** dd/MM/yyyy; empty when not known (callers write only what a draft found). */
	static String date(@Nullable LocalDate date) {
		return (date != null) ? DATE.format(date) : "";
	}

	static String write(PlanDraft draft) {
		StringBuilder y = new StringBuilder();
		y.append("# Draft read by Loa's plan importer; check it against the plan before use.\n");
		List<AnniversaryMention> anniversaries = draft.proposedAnniversaries();
		if (!anniversaries.isEmpty()) {
			y.append("\nanniversaries:\n");
			for (AnniversaryMention a : anniversaries) {
				y.append("  - id: ").append(a.id()).append('\n');
				y.append("    name: ").append(quote(a.name())).append('\n');
				y.append("    date: ").append(date(a.origin())).append('\n');
				y.append("    tier: K\n");
			}
		}
		List<EventMention> events = draft.proposedEvents();
		if (!events.isEmpty()) {
			y.append("\nevents:\n");
			for (EventMention e : events) {
				y.append("  - id: ").append(e.id()).append('\n');
				y.append("    name: ").append(quote(e.name())).append('\n');
				y.append("    date: unknown\n");
			}
		}
		y.append("\nplan:\n");
		y.append("  id: ").append(draft.id()).append('\n');
		if (draft.number() != null) {
			y.append("  number: ").append(quote(draft.number())).append('\n');
		}
		y.append("  issuer: ")
			.append(quote((draft.issuer() != null) ? draft.issuer() : "(chưa rõ — not found)"))
			.append('\n');
		if (draft.place() != null) {
			y.append("  place: ").append(quote(draft.place())).append('\n');
		}
		if (draft.date() != null) {
			y.append("  date: ").append(date(draft.date())).append('\n');
		}
		y.append("  title: ")
			.append(quote((draft.title() != null) ? draft.title() : "(chưa rõ — not found)"))
			.append('\n');
		list(y, "implements", draft.implementsDocuments());
		if (!draft.phases().isEmpty()) {
			y.append("  phases:\n");
			for (PhaseDraft phase : draft.phases()) {
				if (!phase.complete()) {
					y.append("    # left out, it lacks ")
						.append((phase.start() == null) ? "a start" : "an end")
						.append(": ")
						.append(phase.name().replace('\n', ' '))
						.append('\n');
					continue;
				}
				y.append("    - name: ").append(quote(phase.name())).append('\n');
				y.append("      start: ").append(date(phase.start())).append('\n');
				if (phase.until() != null) {
					y.append("      until: ").append(phase.until()).append('\n');
				}
				else {
					y.append("      end: ").append(date(phase.end())).append('\n');
				}
			}
		}
		anniversaries(y, draft.anniversaries(), draft.occurrences());
		list(y, "events", draft.eventIds());
		list(y, "recipients", draft.recipients());
		y.append("  organisation: ").append(draft.organisation()).append('\n');
		return y.toString();
	}

	/**
	 * Each anniversary with the occurrence the plan targets where it names one
	 * ({@code {id: quoc-khanh, ordinal: 80, year: 2025}}), and whether the calendar has
	 * it or it is proposed above.
	 */
	private static void anniversaries(StringBuilder y, List<AnniversaryMention> anniversaries,
			java.util.Map<String, vn.loa.calendar.Plan.Occurrence> occurrences) {
		if (anniversaries.isEmpty()) {
			return;
		}
		y.append("  anniversaries:\n");
		for (AnniversaryMention a : anniversaries) {
			String note = a.proposed() ? "   # proposed above" : "   # in the calendar";
			vn.loa.calendar.Plan.Occurrence occurrence = occurrences.get(a.id());
			if (occurrence != null) {
				y.append("    - {id: ")
					.append(a.id())
					.append(", ordinal: ")
					.append(occurrence.ordinal())
					.append(", year: ")
					.append(occurrence.year())
					.append('}')
					.append(note)
					.append('\n');
			}
			else {
				y.append("    - ").append(quote(a.id())).append(note).append('\n');
			}
		}
	}

	private static void list(StringBuilder y, String key, List<String> values) {
		if (values.isEmpty()) {
			return;
		}
		y.append("  ").append(key).append(":\n");
		for (String value : values) {
			y.append("    - ").append(quote(value)).append('\n');
		}
	}

	static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
