package vn.loa.importer;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import vn.loa.calendar.Phase;
import vn.loa.calendar.Plan;

/**
 * What {@link PlanParser} read from a plan: the plan in the calendar's terms, what it
 * proposes to add to the calendar, and a review report of every value with its line.
 *
 * @param id ASCII kebab id, from the number or, without one, from the kind and title
 * @param kind "KẾ HOẠCH" or "HƯỚNG DẪN", or {@code null}
 * @param number the document number ({@code 443-KH/TU}), or {@code null} when blank
 * @param code the number's code ({@code KH/TU}), kept when the number is blank
 * @param issuer the issuing body
 * @param place the place written before the date, or {@code null}
 * @param date the document date, or {@code null} when missing or blank
 * @param title the title
 * @param implementsDocuments the documents it implements, as written
 * @param phases its phases, in order
 * @param anniversaries the anniversaries it names, known or proposed
 * @param events the events it names, known or proposed
 * @param outlets the forms of communication Loa publishes to
 * @param notes the other forms of communication it names (conferences, posters...)
 * @param units the responsible units of its "Tổ chức thực hiện"
 * @param recipients its "Nơi nhận" list, as written
 * @param signer who signs it, or {@code null}
 * @param organisation the calendar organisation that will own it
 * @param extracted every value read, with its line
 * @param warnings what a person should check
 */
public record PlanDraft(String id, @Nullable String kind, @Nullable String number, @Nullable String code,
		@Nullable String issuer, @Nullable String place, @Nullable LocalDate date, @Nullable String title,
		List<String> implementsDocuments, List<PhaseDraft> phases, List<AnniversaryMention> anniversaries,
		List<EventMention> events, List<Outlet> outlets, List<String> notes, List<String> units,
		List<String> recipients, @Nullable Signer signer, String organisation, List<Extracted> extracted,
		List<Warning> warnings) {

	/** The same draft, owned by another organisation. */
	PlanDraft withOrganisation(String owner) {
		return new PlanDraft(this.id, this.kind, this.number, this.code, this.issuer, this.place, this.date, this.title,
				this.implementsDocuments, this.phases, this.anniversaries, this.events, this.outlets, this.notes,
				this.units, this.recipients, this.signer, owner, this.extracted, this.warnings);
	}

	/** The channels Loa publishes through. */
	public static final List<String> CHANNELS = List.of("radio", "feed", "email");

	public PlanDraft {
		implementsDocuments = List.copyOf(implementsDocuments);
		phases = List.copyOf(phases);
		anniversaries = List.copyOf(anniversaries);
		events = List.copyOf(events);
		outlets = List.copyOf(outlets);
		notes = List.copyOf(notes);
		units = List.copyOf(units);
		recipients = List.copyOf(recipients);
		extracted = List.copyOf(extracted);
		warnings = List.copyOf(warnings);
	}

	public List<String> anniversaryIds() {
		return this.anniversaries.stream().map(AnniversaryMention::id).toList();
	}

	public List<String> eventIds() {
		return this.events.stream().map(EventMention::id).toList();
	}

	/** Anniversaries the calendar does not have yet. */
	public List<AnniversaryMention> proposedAnniversaries() {
		return this.anniversaries.stream().filter(AnniversaryMention::proposed).toList();
	}

	/** Events the calendar does not have yet. */
	public List<EventMention> proposedEvents() {
		return this.events.stream().filter(EventMention::proposed).toList();
	}

	/** The distinct channels, in Loa's order. */
	public List<String> channels() {
		return CHANNELS.stream().filter((c) -> this.outlets.stream().anyMatch((o) -> o.channel().equals(c))).toList();
	}

	/**
	 * The plan as the calendar holds it; phases that lack a start or an end are left out.
	 */
	public Plan toPlan() {
		List<PhaseDraft> complete = this.phases.stream().filter(PhaseDraft::complete).toList();
		List<Phase> calendarPhases = new java.util.ArrayList<>();
		for (PhaseDraft phase : complete) {
			calendarPhases.add(new Phase(calendarPhases.size() + 1, phase.name(),
					java.util.Objects.requireNonNull(phase.start(), "a complete phase's start"), phase.end(),
					phase.until()));
		}
		// A draft may lack its issuer or title; the calendar's plan then shows none.
		return new Plan(this.id, this.number, java.util.Objects.requireNonNullElse(this.issuer, ""), this.place,
				this.date, java.util.Objects.requireNonNullElse(this.title, ""), this.implementsDocuments,
				calendarPhases, anniversaryIds(), eventIds(), this.recipients, this.organisation, occurrences());
	}

	/**
	 * The occurrence of each anniversary the plan targets, where it names its ordinal and
	 * the anniversary's origin is known: the ordinal and the year it falls in.
	 */
	public java.util.Map<String, Plan.Occurrence> occurrences() {
		java.util.Map<String, Plan.Occurrence> occurrences = new java.util.LinkedHashMap<>();
		for (AnniversaryMention a : this.anniversaries) {
			if (a.ordinal() != null && a.origin() != null) {
				occurrences.put(a.id(), new Plan.Occurrence(a.ordinal(), a.origin().getYear() + a.ordinal()));
			}
		}
		return occurrences;
	}

	/** The draft as a file of the {@code calendar/} directory, proposals included. */
	public String toYaml() {
		return DraftYaml.write(this);
	}

	/**
	 * What the reviewer checks against the document: number, issuer, date, title, phases,
	 * anniversaries, events and outlets, each with its line.
	 */
	public List<Recognised> recognised() {
		return DraftSummary.of(this);
	}

	/**
	 * Which line was taken as the document's heading and why, or, without one, where its
	 * number, date and issuer were read from.
	 */
	public @Nullable Heading heading() {
		for (Extracted value : this.extracted) {
			if (value.field().startsWith("heading.")) {
				Heading.Reason reason = Heading.Reason
					.valueOf(value.field().substring("heading.".length()).toUpperCase(java.util.Locale.ROOT));
				return new Heading(reason, value.value(), value.line());
			}
		}
		return null;
	}

	/**
	 * The heading the draft was read under.
	 *
	 * @param reason why this line: under the header block, the first heading, or none
	 * (read from a news lead, or a header running to the salutation)
	 * @param text the heading as written (empty without one)
	 * @param line its line, or 0
	 */
	public record Heading(Reason reason, String text, int line) {

		/** Why the heading was taken. */
		public enum Reason {

			/** A number or a place-and-date line just above it. */
			UNDER_HEADER,
			/** The first line naming the kind of document. */
			FIRST,
			/** No heading: number, date and issuer from a news lead. */
			LEAD,
			/** No heading: the header runs to the salutation or the first sentence. */
			NONE

		}

	}

	/** A report for the person who reviews the draft: each value with its line. */
	public String report() {
		return DraftReport.write(this);
	}

	/**
	 * The report in one language: {@code label} names each field (its key in the
	 * extracted values, or {@code report.title}, {@code report.warnings},
	 * {@code report.line}), {@code warning} says each warning.
	 */
	public String report(java.util.function.Function<String, String> label,
			java.util.function.Function<Warning, String> warning) {
		return DraftReport.write(this, label, warning);
	}

	/**
	 * A phase as the plan words it.
	 *
	 * @param name the plan's wording
	 * @param start first day, or {@code null} when the text does not say
	 * @param end last day, or {@code null}
	 * @param until id of the event it runs until, or {@code null}
	 * @param peak whether it is a peak ("cao điểm") within the campaign
	 * @param line where it is written
	 */
	public record PhaseDraft(String name, @Nullable LocalDate start, @Nullable LocalDate end, @Nullable String until,
			boolean peak, int line) {

		/** Whether the calendar can hold it: a start and either an end or an event. */
		public boolean complete() {
			return this.start != null && (this.end != null) != (this.until != null);
		}

	}

	/**
	 * An anniversary the plan names.
	 *
	 * @param id its calendar id, known or generated
	 * @param name its name, from the calendar or (proposed) from the text
	 * @param ordinal the ordinal the plan celebrates, or {@code null}
	 * @param origin the origin date as written, or {@code null}
	 * @param proposed whether the calendar lacks it
	 * @param line where it is first named
	 */
	public record AnniversaryMention(String id, String name, @Nullable Integer ordinal, @Nullable LocalDate origin,
			boolean proposed, int line) {

	}

	/**
	 * An event the plan names.
	 *
	 * @param id its calendar id, known or generated
	 * @param name its name
	 * @param proposed whether the calendar lacks it
	 * @param line where it is first named
	 */
	public record EventMention(String id, String name, boolean proposed, int line) {

	}

	/**
	 * A form of communication Loa publishes through.
	 *
	 * @param channel {@code radio}, {@code feed} or {@code email}
	 * @param phrase the plan's words
	 * @param line where
	 */
	public record Outlet(String channel, String phrase, int line) {

	}

	/**
	 * Who signs.
	 *
	 * @param name the signer's name, or {@code null}
	 * @param role the role ("PHÓ BÍ THƯ"), or {@code null}
	 * @param onBehalfOf the body signed for ("T/M BAN THƯỜNG VỤ"), or {@code null}
	 * @param line the line of the name
	 */
	public record Signer(@Nullable String name, @Nullable String role, @Nullable String onBehalfOf, int line) {

	}

	/**
	 * One value read from the text.
	 *
	 * @param field what it is ("number", "phase", "recipient")
	 * @param value the value as the draft holds it
	 * @param line the 1-based line it came from
	 */
	public record Extracted(String field, String value, int line) {

		public Extracted {
			Objects.requireNonNull(field);
			Objects.requireNonNull(value);
		}

	}

	/**
	 * Something a person should check.
	 *
	 * @param line the 1-based line concerned, 0 for the whole plan
	 * @param message what to check, in English
	 * @param code what to check, as a key under {@code importer.} in the messages
	 * @param arguments the arguments of that message
	 */
	public record Warning(int line, String message, String code, List<String> arguments) {

		public Warning {
			Objects.requireNonNull(message);
			Objects.requireNonNull(code);
			arguments = List.copyOf(arguments);
		}

	}

	/**
	 * A value the review page lists: number, issuer, date, title, each phase with its
	 * dates, anniversary, event and outlet.
	 *
	 * @param line the 1-based line it came from
	 * @param code how to word it, as a key under {@code importer.} in the messages
	 * @param arguments the arguments of that message
	 */
	public record Recognised(int line, String code, List<String> arguments) {

		public Recognised {
			Objects.requireNonNull(code);
			arguments = List.copyOf(arguments);
		}

	}

}
