package vn.loa.importer;

import java.util.Comparator;

import vn.loa.organisations.Organisations;
import vn.loa.calendar.CalendarBook;
import vn.loa.importer.PlanDraft.AnniversaryMention;
import vn.loa.importer.PlanDraft.EventMention;
import vn.loa.importer.PlanDraft.Outlet;

/**
 * Reads a propaganda plan or guidance (“Kế hoạch tuyên truyền”, “Hướng dẫn”) into a
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
		Identity.standingBoard(draft);
		Events events = new Events(book, draft);
		events.read(layout);
		new Anniversaries(book, draft, events).read(layout.text());
		withoutHistoricalMentions(draft, book, layout);
		Phases phases = new Phases(draft, events);
		phases.read(layout);
		phases.fromNowAnywhere(layout);
		if (layout.kind < 0) {
			// A write-up's subheadings ("Đợt đầu gắn với ...") are not phases.
			phases.withoutDatelessHeadings();
		}
		if (draft.phases.isEmpty()) {
			monthOfTheTitle(draft);
		}
		if (draft.phases.isEmpty()) {
			quarterOfTheTitle(draft);
		}
		draft.events.sort(Comparator.comparingInt(EventMention::line));
		Outlets.read(layout, draft);
		draft.outlets.sort(Comparator.comparingInt(Outlet::line));
		Units.read(layout, draft);
		implausible(draft);
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

	/**
	 * An anniversary of a known year named without the occurrence it marks (“Đảng ra đời
	 * năm 1930”, “Chiến thắng Điện Biên Phủ” in a life story) is history the plan
	 * recalls, not one it asks activities for: a target is written with its ordinal (“95
	 * năm”) or its range. Lunar observances without an origin year (Tết, Giỗ Tổ) stay.
	 */
	private static void withoutHistoricalMentions(DraftBuilder draft, CalendarBook book, Layout layout) {
		if (draft.date != null) {
			java.time.LocalDate recent = draft.date.minusDays(DraftBuilder.SIGNED_LATE_DAYS);
			draft.anniversaries.removeIf((a) -> {
				boolean past = a.ordinal() != null && a.origin() != null
						&& a.origin().plusYears(a.ordinal()).isBefore(recent);
				if (past) {
					String written = a.ordinal() + " năm " + a.name();
					draft.warn(a.line(), ImportMessage.ANNIVERSARY_RECALLED,
							"'" + written + "' recalls what was already held: not added as a target", written);
				}
				return past;
			});
		}
		boolean targets = draft.anniversaries.stream().anyMatch((a) -> a.ordinal() != null);
		if (!targets) {
			return;
		}
		draft.anniversaries.removeIf((a) -> a.ordinal() == null && !a.proposed()
				&& book.anniversary(a.id()).map((known) -> known.originYear() != null).orElse(false)
				&& !celebrated(a, layout));
	}

	private static final java.util.regex.Pattern CELEBRATING = java.util.regex.Pattern
		.compile("(chao mung|ky niem|huong toi|to chuc|tuyen truyen ve|nhan dip)\\s+(?:cac\\s+)?$");

	/**
	 * Whether the plan names the anniversary as something to celebrate (“chào mừng Ngày
	 * ...”).
	 */
	private static boolean celebrated(AnniversaryMention a, Layout layout) {
		String name = Words.fold(a.name()).replaceFirst("^ngay\\s+", "");
		for (Source.Paragraph p : layout.paragraphs) {
			if (p.line() > a.line() || p.lineAt(p.text().length() - 1) < a.line()) {
				continue;
			}
			int at = p.folded().indexOf(name);
			while (at >= 0) {
				String before = p.folded().substring(Math.max(0, at - 40), at).replaceFirst("(ngay|le)\\s*$", "");
				if (CELEBRATING.matcher(before.stripTrailing() + " ").find()) {
					return true;
				}
				at = p.folded().indexOf(name, at + 1);
			}
		}
		return false;
	}

	private static final java.util.regex.Pattern TITLE_MONTH = java.util.regex.Pattern
		.compile("(?<![a-z])thang\\s*(\\d{1,2})\\s*(?:/|nam)\\s*(\\d{4})");

	/** A month in a title without its year: “tháng 4”. */
	private static final java.util.regex.Pattern TITLE_MONTH_BARE = java.util.regex.Pattern
		.compile("(?<![a-z])thang\\s*(\\d{1,2})(?![\\d/.-])(?!\\s*nam\\s*\\d)");

	/**
	 * A document for one month that names it only in its title (“Định hướng tuyên truyền
	 * tháng 8/2025”, or “tháng 4” in an orientation dated in March) runs that whole
	 * month.
	 */
	private static void monthOfTheTitle(DraftBuilder draft) {
		if (draft.title == null) {
			return;
		}
		String folded = Words.fold(draft.title);
		if (folded.contains(" den ")) {
			return;
		}
		java.util.regex.Matcher month = TITLE_MONTH.matcher(folded);
		java.util.regex.Matcher bare = TITLE_MONTH_BARE.matcher(folded);
		long withYear = TITLE_MONTH.matcher(folded).results().count();
		int m;
		int year;
		if (withYear == 1 && month.find()) {
			m = Integer.parseInt(month.group(1));
			year = Integer.parseInt(month.group(2));
		}
		else if (withYear == 0 && draft.date != null && TITLE_MONTH_BARE.matcher(folded).results().count() == 1
				&& bare.find()) {
			// "Định hướng nội dung tuyên truyền tháng 4" dated 27/3/2026: April 2026; a
			// December orientation for "tháng 1" is for the next year's.
			m = Integer.parseInt(bare.group(1));
			year = (m < draft.date.getMonthValue() - 1) ? draft.date.getYear() + 1 : draft.date.getYear();
		}
		else {
			return;
		}
		if (m < 1 || m > 12) {
			return;
		}
		java.time.LocalDate start = java.time.LocalDate.of(year, m, 1);
		draft.phases.add(new PlanDraft.PhaseDraft(draft.title, start, Dates.endOfMonth(year, m), null, false, 0));
		draft.extract("phase", draft.title + " [" + DraftYaml.date(start) + "]", 0);
	}

	private static final java.util.regex.Pattern TITLE_QUARTER = java.util.regex.Pattern
		.compile("(?<![a-z])quy\\s*(i{1,3}|iv|[1-4])\\s*(?:/|nam)\\s*(\\d{4})(?![\\d])");

	private static final java.util.regex.Pattern ANY_QUARTER = java.util.regex.Pattern
		.compile("(?<![a-z])quy\\s*(i{1,3}|iv|[1-4])(?![a-z0-9])");

	/**
	 * A document for one quarter that names it only in its title (“Định hướng tuyên
	 * truyền quý I năm 2027”) runs that whole quarter.
	 */
	private static void quarterOfTheTitle(DraftBuilder draft) {
		if (draft.title == null) {
			return;
		}
		String folded = Words.fold(draft.title);
		java.util.regex.Matcher quarter = TITLE_QUARTER.matcher(folded);
		if (!quarter.find() || ANY_QUARTER.matcher(folded).results().count() > 1 || folded.contains(" den ")
				|| TITLE_MONTH.matcher(folded).find()) {
			return;
		}
		String written = quarter.group(1);
		int q = written.matches("\\d") ? Integer.parseInt(written) : Words.roman(written);
		int year = Integer.parseInt(quarter.group(2));
		java.time.LocalDate start = java.time.LocalDate.of(year, 3 * q - 2, 1);
		draft.phases.add(new PlanDraft.PhaseDraft(draft.title, start, Dates.endOfMonth(year, 3 * q), null, false, 0));
		draft.extract("phase", draft.title + " [" + DraftYaml.date(start) + "]", 0);
	}

	private static final java.util.regex.Pattern NOT_A_PLACE = java.util.regex.Pattern
		.compile("(?<![a-z])(ke hoach|huong dan|quyet dinh|thong bao|cong van|dinh huong|so|ban|uy ban)(?![a-z])");

	private static final java.util.regex.Pattern SECTION_WORDS = java.util.regex.Pattern
		.compile("(muc dich|yeu cau|noi dung|hinh thuc|to chuc thuc hien|noi nhan|phu luc|nhiem vu|giai phap)");

	/**
	 * Values that are read but unlikely to be right, flagged for the editor: a document
	 * kind or body as the place, a title that ran on into the text, a section heading as
	 * the signer.
	 */
	private static void implausible(DraftBuilder draft) {
		if (draft.place != null) {
			String place = Words.fold(draft.place);
			if (NOT_A_PLACE.matcher(place).find() || place.split("\\s+").length > 6) {
				draft.warn(0, ImportMessage.PLACE_IMPLAUSIBLE,
						"the place '" + draft.place + "' does not look like a place name: check it", draft.place);
			}
		}
		if (draft.title != null && (draft.title.length() > 300
				|| SECTION_WORDS.matcher(Words.fold(draft.title)).find() && draft.title.length() > 160)) {
			draft.warn(0, ImportMessage.TITLE_RUN_ON,
					"the title runs to " + draft.title.length() + " characters: it may have run on into the text",
					String.valueOf(draft.title.length()));
		}
		PlanDraft.Signer signer = draft.signer;
		if (signer != null) {
			for (String part : java.util.Arrays.asList(signer.name(), signer.role())) {
				if (part != null && (SECTION_WORDS.matcher(Words.fold(part)).find()
						|| java.util.regex.Pattern.matches("^[IVX]{1,4}\\s*[.\\-–)].*", part))) {
					draft.warn(signer.line(), ImportMessage.SIGNER_IMPLAUSIBLE,
							"the signer '" + part + "' looks like a section heading: check the signature", part);
					break;
				}
			}
		}
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
