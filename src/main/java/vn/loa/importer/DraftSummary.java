package vn.loa.importer;

import java.util.ArrayList;
import java.util.List;

import vn.loa.importer.PlanDraft.AnniversaryMention;
import vn.loa.importer.PlanDraft.EventMention;
import vn.loa.importer.PlanDraft.Extracted;
import vn.loa.importer.PlanDraft.Outlet;
import vn.loa.importer.PlanDraft.PhaseDraft;
import vn.loa.importer.PlanDraft.Recognised;

/**
 * The values of a draft an editor checks against the document, each as a code with its
 * arguments and the line it came from, so that a page can word them in its language.
 */
final class DraftSummary {

	private DraftSummary() {
	}

	static List<Recognised> of(PlanDraft draft) {
		List<Recognised> values = new ArrayList<>();
		PlanDraft.Heading heading = draft.heading();
		if (heading != null) {
			ImportMessage code = switch (heading.reason()) {
				case UNDER_HEADER -> ImportMessage.VALUE_HEADING_UNDER_HEADER;
				case FIRST -> ImportMessage.VALUE_HEADING_FIRST;
				case LEAD -> ImportMessage.VALUE_HEADING_LEAD;
				case NONE -> ImportMessage.VALUE_HEADING_NONE;
			};
			add(values, heading.line(), code, heading.text());
		}
		if (draft.number() != null) {
			add(values, line(draft, "number"), ImportMessage.VALUE_NUMBER, draft.number());
		}
		if (draft.issuer() != null) {
			add(values, line(draft, "issuer"), ImportMessage.VALUE_ISSUER, draft.issuer());
		}
		if (draft.date() != null) {
			add(values, line(draft, "date"), ImportMessage.VALUE_DATE, DraftYaml.date(draft.date()));
		}
		if (draft.title() != null && !draft.title().isBlank()) {
			add(values, line(draft, "title"), ImportMessage.VALUE_TITLE, draft.title());
		}
		for (PhaseDraft phase : draft.phases()) {
			if (!phase.complete()) {
				add(values, phase.line(), ImportMessage.VALUE_PHASE_INCOMPLETE, phase.name());
			}
			else if (phase.until() != null) {
				String event = draft.events()
					.stream()
					.filter((e) -> e.id().equals(phase.until()))
					.map(EventMention::name)
					.findFirst()
					.orElse(phase.until());
				add(values, phase.line(), ImportMessage.VALUE_PHASE_UNTIL, phase.name(), DraftYaml.date(phase.start()),
						event);
			}
			else {
				add(values, phase.line(), ImportMessage.VALUE_PHASE, phase.name(), DraftYaml.date(phase.start()),
						DraftYaml.date(phase.end()));
			}
		}
		for (AnniversaryMention a : draft.anniversaries()) {
			if (a.proposed()) {
				add(values, a.line(), ImportMessage.VALUE_ANNIVERSARY_PROPOSED, a.name(), a.id(),
						(a.origin() != null) ? DraftYaml.date(a.origin()) : "?");
			}
			else if (a.ordinal() != null) {
				add(values, a.line(), ImportMessage.VALUE_ANNIVERSARY_ORDINAL, a.name(), a.id(), a.ordinal());
			}
			else {
				add(values, a.line(), ImportMessage.VALUE_ANNIVERSARY, a.name(), a.id());
			}
		}
		for (EventMention e : draft.events()) {
			add(values, e.line(), e.proposed() ? ImportMessage.VALUE_EVENT_PROPOSED : ImportMessage.VALUE_EVENT,
					e.name(), e.id());
		}
		for (Outlet outlet : draft.outlets()) {
			ImportMessage code = switch (outlet.channel()) {
				case "radio" -> ImportMessage.VALUE_OUTLET_RADIO;
				case "email" -> ImportMessage.VALUE_OUTLET_EMAIL;
				default -> ImportMessage.VALUE_OUTLET_FEED;
			};
			add(values, outlet.line(), code, outlet.phrase());
		}
		return values;
	}

	private static void add(List<Recognised> values, int line, ImportMessage code, Object... arguments) {
		values.add(new Recognised(line, code.code(), ImportMessage.arguments(arguments)));
	}

	private static int line(PlanDraft draft, String field) {
		return draft.extracted()
			.stream()
			.filter((value) -> value.field().equals(field))
			.mapToInt(Extracted::line)
			.findFirst()
			.orElse(0);
	}

}
