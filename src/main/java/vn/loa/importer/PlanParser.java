package vn.loa.importer;

import java.util.Comparator;

import vn.loa.organisations.Organisations;
import vn.loa.calendar.CalendarBook;
import vn.loa.importer.PlanDraft.EventMention;
import vn.loa.importer.PlanDraft.Outlet;

/**
 * Reads a propaganda plan or guidance ("Kế hoạch tuyên truyền", "Hướng dẫn") into a
 * {@link PlanDraft}: its identity, phases, anniversaries, events, forms of communication,
 * responsible units and recipients, each with the line it came from, matched against the
 * calendar.
 */
final class PlanParser {

	/** The organisation a draft belongs to until an editor chooses one. */
	static final String ORGANISATION = Organisations.DEFAULT;

	// Words every title has; an id without them says more in fewer words.
	private static final java.util.Set<String> ID_FILLER = java.util.Set.of("tuyen", "truyen", "ve", "cua", "va", "cac",
			"lan", "thu", "nhung", "ban", "chap", "hanh", "trung", "uong", "dang", "doi", "voi", "tai", "trong");

	/**
	 * Reads a plan.
	 * @param text the plan's lines
	 * @param book the calendar to match anniversaries and events against
	 * @return the draft with its review report
	 */
	public PlanDraft parse(PlanText text, CalendarBook book) {
		Source source = new Source(text);
		Layout layout = new Layout(source);
		DraftBuilder draft = new DraftBuilder();
		Identity.read(layout, draft);
		Closing.read(layout, draft);
		Events events = new Events(book, draft);
		events.read(layout);
		new Anniversaries(book, draft, events).read(layout.text());
		new Phases(draft, events).read(layout);
		draft.events.sort(Comparator.comparingInt(EventMention::line));
		Outlets.read(layout, draft);
		draft.outlets.sort(Comparator.comparingInt(Outlet::line));
		Units.read(layout, draft);
		String id = id(draft);
		book.plan(id)
			.or(() -> (draft.number != null) ? book.plan(draft.number) : java.util.Optional.empty())
			.ifPresent(
					(plan) -> draft.warn(0, ImportMessage.PLAN_EXISTS,
							"the calendar already has plan '" + plan.id()
									+ "' with this id or number: replace its file rather than adding this one",
							plan.id()));
		return draft.build(id, ORGANISATION);
	}

	/** From the number; without one, from the kind and the title. */
	private static String id(DraftBuilder draft) {
		if (draft.number != null) {
			return Words.slug(draft.number, 8);
		}
		String kind = (draft.kind != null) ? draft.kind : "KẾ HOẠCH";
		String title = (draft.title != null) ? draft.title : "";
		String words = java.util.Arrays.stream(Words.slug(title, 40).split("-"))
			.filter((word) -> !ID_FILLER.contains(word))
			.collect(java.util.stream.Collectors.joining(" "));
		return Words.slug(kind + " " + words, 9);
	}

}
