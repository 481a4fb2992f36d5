package vn.loa.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.loa.importer.PlanDraft.AnniversaryMention;
import vn.loa.importer.PlanDraft.EventMention;
import vn.loa.importer.PlanDraft.Extracted;
import vn.loa.importer.PlanDraft.Outlet;
import vn.loa.importer.PlanDraft.PhaseDraft;
import vn.loa.importer.PlanDraft.Signer;
import vn.loa.importer.PlanDraft.Warning;

/** What the readers have found so far; becomes a {@link PlanDraft}. */
final class DraftBuilder {

	/** The issuer a news lead names, used when no sentence or header names one. */
	@org.jspecify.annotations.Nullable
	String leadIssuer;

	/** Its line. */
	int leadIssuerLine;

	/** The paragraph of a news write-up's lead, -1 without one. */
	int leadParagraph = -1;

	@Nullable String kind;

	@Nullable String number;

	@Nullable String code;

	@Nullable String issuer;

	@Nullable String place;

	@Nullable LocalDate date;

	/**
	 * How many days a plan may be signed after a day it is still about: an occurrence
	 * more than this before the plan's date is one it recalls (“94 năm Ngày thành lập
	 * Đảng (03/02/1930 - 03/02/2024)” in a plan of March 2024), and a day named without
	 * its year is the first one from this many days before the plan's date.
	 */
	static final int SIGNED_LATE_DAYS = 20;

	@Nullable String title;

	final List<String> implementsDocuments = new ArrayList<>();

	/** The dates of the implemented documents, with the document. */
	final List<Dated> implementsDates = new ArrayList<>();

	final List<PhaseDraft> phases = new ArrayList<>();

	final List<AnniversaryMention> anniversaries = new ArrayList<>();

	final List<EventMention> events = new ArrayList<>();

	final List<Outlet> outlets = new ArrayList<>();

	final List<String> notes = new ArrayList<>();

	final List<String> units = new ArrayList<>();

	final List<String> recipients = new ArrayList<>();

	@Nullable Signer signer;

	final List<Extracted> extracted = new ArrayList<>();

	final List<Warning> warnings = new ArrayList<>();

	void extract(String field, Object value, int line) {
		if (value != null) {
			String text = (value instanceof LocalDate day) ? DraftYaml.date(day) : value.toString();
			this.extracted.add(new Extracted(field, text, line));
		}
	}

	/**
	 * Adds a warning once.
	 * @param line the 1-based line, 0 for the whole plan
	 * @param code what it is, for the desk's messages
	 * @param message the English text the command line and the API show
	 * @param arguments the code's arguments, in the order of its message
	 */
	void warn(int line, ImportMessage code, String message, Object... arguments) {
		Warning warning = new Warning(line, message, code.code(), ImportMessage.arguments(arguments));
		if (!this.warnings.contains(warning)) {
			this.warnings.add(warning);
		}
	}

	/** The year the plan is about: its date, else its latest implemented document's. */
	@Nullable Integer year() {
		if (this.date != null) {
			return this.date.getYear();
		}
		return latestImplemented().map((dated) -> dated.date().getYear()).orElse(null);
	}

	java.util.Optional<Dated> latestImplemented() {
		return this.implementsDates.stream().max(java.util.Comparator.comparing(Dated::date));
	}

	EventMention addEvent(EventMention event) {
		for (EventMention known : this.events) {
			if (known.id().equals(event.id())) {
				return known;
			}
		}
		this.events.add(event);
		extract("event", event.id() + (event.proposed() ? " (new: " + event.name() + ")" : ""), event.line());
		return event;
	}

	void addAnniversary(AnniversaryMention anniversary) {
		for (int i = 0; i < this.anniversaries.size(); i++) {
			AnniversaryMention known = this.anniversaries.get(i);
			if (known.proposed() && anniversary.proposed() && known.origin() != null
					&& known.origin().equals(anniversary.origin())
					&& java.util.Objects.equals(known.ordinal(), anniversary.ordinal())) {
				// One proposal named twice: keep the name that says more than its date.
				if (known.name().startsWith("Kỷ niệm ") && !anniversary.name().startsWith("Kỷ niệm ")) {
					this.anniversaries.set(i, anniversary);
				}
				return;
			}
			if (known.id().equals(anniversary.id())) {
				// A plan looks ahead: of "79 năm" (a ceremony it recalls) and "80 năm"
				// (the one it
				// prepares for), the occurrence it campaigns for is the later one.
				if (anniversary.ordinal() != null
						&& (known.ordinal() == null || anniversary.ordinal() > known.ordinal())) {
					this.anniversaries.set(i, new AnniversaryMention(known.id(), known.name(), anniversary.ordinal(),
							known.origin(), known.proposed(), anniversary.line()));
					extract("anniversary", anniversary.id() + " " + anniversary.ordinal() + " năm", anniversary.line());
				}
				return;
			}
		}
		this.anniversaries.add(anniversary);
		extract("anniversary",
				anniversary.id() + ((anniversary.ordinal() != null) ? " " + anniversary.ordinal() + " năm" : "")
						+ (anniversary.proposed() ? " (new: " + anniversary.name() + ")" : ""),
				anniversary.line());
	}

	PlanDraft build(String id, String organisation) {
		return new PlanDraft(id, this.kind, this.number, this.code, this.issuer, this.place, this.date, this.title,
				this.implementsDocuments, this.phases, this.anniversaries, this.events, this.outlets, this.notes,
				this.units, this.recipients, this.signer, organisation, this.extracted, this.warnings);
	}

	/** A document the plan implements, and its date. */
	record Dated(String document, LocalDate date, int line) {

	}

}
