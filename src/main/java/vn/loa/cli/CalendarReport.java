package vn.loa.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.Event;
import vn.loa.calendar.Occurrence;
import vn.loa.calendar.OccurrenceClass;
import vn.loa.calendar.VietnameseDates;
import vn.loa.content.ContentItem;
import vn.loa.content.Preparation;
import vn.loa.publishing.PublicationLog;

/**
 * What falls in a date range: anniversary occurrences, events, active phases, scheduled
 * content and what was missed.
 *
 * @param from first day
 * @param to last day
 * @param zone the zone local dates are read in
 * @param occurrences anniversary occurrences
 * @param events events with known dates
 * @param phases phases running on some day of the range
 * @param content items due in the range
 * @param missed outlets that never carried an item due in the range
 * @param unprepared coming anniversaries with no content yet, most urgent first (only
 * with {@code --upcoming})
 */
record CalendarReport(LocalDate from, LocalDate to, String zone, List<OccurrenceRow> occurrences, List<EventRow> events,
		List<PhaseRow> phases, List<ContentRow> content, List<MissedRow> missed, List<UnpreparedRow> unprepared) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	/**
	 * The report, its anniversaries and events named in {@code locale}'s language
	 * (Vietnamese unless English).
	 */
	static CalendarReport of(LocalDate from, LocalDate to, ZoneId zone, CalendarBook book, List<ContentItem> items,
			List<PublicationLog.Entry> publications, List<Preparation.Unprepared> unprepared, Locale locale) {
		List<OccurrenceRow> occurrences = book.occurrencesBetween(from, to)
			.stream()
			.map((o) -> OccurrenceRow.of(o, locale))
			.toList();
		List<EventRow> events = book.eventsBetween(from, to)
			.stream()
			.map((e) -> new EventRow(e.id(), e.nameIn(locale), display(e.start()),
					e.endDate().map(VietnameseDates::display).orElse(null)))
			.toList();
		List<PhaseRow> phases = book.plans()
			.stream()
			.flatMap((plan) -> plan.phases()
				.stream()
				.filter((phase) -> phase.overlaps(from, to, book))
				.map((phase) -> new PhaseRow((plan.number() != null) ? plan.number() : plan.id(), phase.number(),
						phase.name(), display(phase.start()),
						phase.endIn(book).map(VietnameseDates::display).orElse(null), phase.untilEvent())))
			.toList();
		List<ContentRow> content = items.stream()
			.map((item) -> new ContentRow(item.id(), item.title(),
					TIME.format(Objects.requireNonNull(item.dueAt(), "a due item's time").atZone(zone)),
					item.outlets().stream().map((o) -> o.key()).sorted().toList(), item.status().key()))
			.toList();
		List<MissedRow> missed = publications.stream()
			.filter((p) -> p.outcome() == vn.loa.publishing.Outcome.MISSED)
			.map((p) -> new MissedRow(p.itemId(), p.outlet().key(), TIME.format(p.dueAt().atZone(zone))))
			.toList();
		List<UnpreparedRow> unpreparedRows = unprepared.stream()
			.map((u) -> new UnpreparedRow(OccurrenceRow.of(u.occurrence(), locale), u.leadDays(),
					VietnameseDates.display(u.occurrence().date().minusDays(u.leadDays())), u.daysUntilPreparation()))
			.toList();
		return new CalendarReport(from, to, zone.getId(), occurrences, events, phases, content, missed, unpreparedRows);
	}

	/** The report as text, in the language of {@code text}. */
	void print(PrintWriter out, CliText text) {
		out.println(text.text("cli.calendar.heading", VietnameseDates.display(this.from),
				VietnameseDates.display(this.to), this.zone));
		section(out, text, "cli.calendar.anniversaries",
				this.occurrences.stream()
					.map((o) -> String.format("%s  %-26s %s%s", o.date(), o.id(), o.title(),
							o.occurrenceClass().equals(OccurrenceClass.KHAC.name()) ? ""
									: "  [" + text.text("deskcal.class." + o.occurrenceClass()) + "]"))
					.toList());
		section(out, text, "cli.calendar.events",
				this.events.stream()
					.map((e) -> String.format("%s%s  %-26s %s", e.start(),
							(e.end() != null && !e.end().equals(e.start())) ? " - " + e.end() : "", e.id(), e.name()))
					.toList());
		section(out, text, "cli.calendar.phases",
				this.phases.stream()
					.map((p) -> text.text("cli.calendar.phase", p.plan(), p.number(), p.name(),
							Objects.toString(p.start(), "?"),
							(p.end() != null) ? p.end()
									: text.text("cli.calendar.phase.until", Objects.toString(p.untilEvent(), "?"))))
					.toList());
		section(out, text, "cli.calendar.content", this.content.stream()
			.map((c) -> String.format("%s  %-14s %-34s %s  [%s]", c.dueAt(), text.text("content.status." + c.status()),
					c.id(), c.title(),
					String.join(", ", c.outlets().stream().map((o) -> text.text("content.outlet." + o)).toList())))
			.toList());
		section(out, text, "cli.calendar.missed", this.missed.stream()
			.map((m) -> String.format("%s  %-34s %s", m.dueAt(), m.itemId(), text.text("content.outlet." + m.outlet())))
			.toList());
		if (this.unprepared != null && !this.unprepared.isEmpty()) {
			section(out, text, "cli.calendar.unprepared", this.unprepared.stream().map((u) -> u.line(text)).toList());
		}
	}

	private static void section(PrintWriter out, CliText text, String title, List<String> lines) {
		out.println();
		out.println(text.text(title) + ":");
		if (lines.isEmpty()) {
			out.println("  " + text.text("cli.calendar.none"));
		}
		lines.forEach((line) -> out.println("  " + line));
	}

	private static @Nullable String display(@Nullable LocalDate date) {
		return (date != null) ? VietnameseDates.display(date) : null;
	}

	record OccurrenceRow(String date, String id, int ordinalOrZero, String occurrenceClass, String label,
			String title) {

		static OccurrenceRow of(Occurrence o, Locale locale) {
			String label = switch (o.occurrenceClass()) {
				case NAM_TRON -> "năm tròn";
				case NAM_LE_5 -> "năm lẻ 5";
				case KHAC -> "";
			};
			return new OccurrenceRow(o.displayDate(), o.anniversary().id(), (o.ordinal() != null) ? o.ordinal() : 0,
					o.occurrenceClass().name(), label, o.title(locale));
		}

	}

	record UnpreparedRow(OccurrenceRow occurrence, int leadDays, String prepareFrom, long daysUntilPreparation) {

		String line(CliText text) {
			String when = (this.daysUntilPreparation < 0) ? text.text("cli.calendar.late", -this.daysUntilPreparation)
					: text.text("cli.calendar.left", this.daysUntilPreparation);
			return text.text("cli.calendar.unprepared.line", this.occurrence.date(), this.occurrence.id(),
					this.occurrence.title(), this.leadDays, this.prepareFrom, when);
		}

	}

	record EventRow(String id, String name, @Nullable String start, @Nullable String end) {

	}

	record PhaseRow(String plan, int number, String name, @Nullable String start, @Nullable String end,
			@Nullable String untilEvent) {

	}

	record ContentRow(String id, String title, String dueAt, List<String> outlets, String status) {

	}

	record MissedRow(String itemId, String outlet, String dueAt) {

	}

	static Instant startOf(LocalDate date, ZoneId zone) {
		return date.atStartOfDay(zone).toInstant();
	}

}
