package vn.loa.icalendar;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.CalendarLoader;
import vn.loa.calendar.Event;
import vn.loa.calendar.Occurrence;
import vn.loa.calendar.OccurrenceClass;
import vn.loa.calendar.Plan;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.Outlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feeds built from the shipped {@code calendar/} files, read back with ical4j and
 * compared with the calendar's own answers.
 */
class IcsCalendarsTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Instant STAMP = Instant.parse("2025-08-01T03:04:05.678Z");

	private static final YearWindow YEARS_2025_2026 = new YearWindow(2025, 2026);

	private final CalendarBook book = CalendarLoader.load(Path.of("calendar")).book();

	@Test
	void marksQuocKhanh2025AsNamTronUnderItsExactTitle() {
		ParsedIcs.Entry entry = parse(all(YEARS_2025_2026)).entry("occurrence-quoc-khanh-2025@loa");

		assertThat(entry.summary())
			.isEqualTo("[Năm tròn] Kỷ niệm 80 năm Ngày Quốc khánh nước CHXHCN Việt Nam (02/9/1945 - 02/9/2025)");
		assertThat(entry.categories()).containsExactly("Ngày kỷ niệm", "Năm tròn");
		assertThat(entry.start()).isEqualTo(LocalDate.of(2025, 9, 2));
		assertThat(entry.end()).isEqualTo(LocalDate.of(2025, 9, 3));
		assertThat(entry.description()).contains("Ngày Quốc khánh nước CHXHCN Việt Nam").contains("80 năm");
		assertThat(entry.transparency()).isEqualTo("TRANSPARENT");
	}

	@Test
	void carriesEveryOccurrenceOfTheWindowAsTheCalendarTitlesAndClassesIt() {
		ParsedIcs feed = parse(all(YEARS_2025_2026));
		List<Occurrence> occurrences = this.book.occurrencesBetween(LocalDate.of(2025, 1, 1),
				LocalDate.of(2026, 12, 31));

		assertThat(occurrences).hasSizeGreaterThan(20);
		assertThat(feed.entries.stream().filter((e) -> e.uid().startsWith("occurrence-"))).hasSize(occurrences.size());
		for (Occurrence occurrence : occurrences) {
			ParsedIcs.Entry entry = feed
				.entry("occurrence-" + occurrence.anniversary().id() + "-" + occurrence.date().getYear() + "@loa");
			String mark = switch (occurrence.occurrenceClass()) {
				case NAM_TRON -> "Năm tròn";
				case NAM_LE_5 -> "Năm lẻ 5";
				default -> null;
			};
			assertThat(entry.summary())
				.isEqualTo((mark != null) ? "[" + mark + "] " + occurrence.title() : occurrence.title());
			assertThat(entry.categories())
				.isEqualTo((mark != null) ? Set.of("Ngày kỷ niệm", mark) : Set.of("Ngày kỷ niệm"));
			assertThat(entry.start()).isEqualTo(occurrence.date());
			assertThat(entry.end()).isEqualTo(occurrence.date().plusDays(1));
		}
		assertThat(occurrences).extracting(Occurrence::occurrenceClass)
			.contains(OccurrenceClass.NAM_TRON, OccurrenceClass.NAM_LE_5, OccurrenceClass.KHAC);
	}

	@Test
	void carriesPhasesAsAllDayRangesWhoseEndIsTheDayAfterTheirLastDay() {
		ParsedIcs feed = parse(all(new YearWindow(2024, 2026)));

		ParsedIcs.Entry second = feed.entry("phase-443-kh-tu-2@loa");
		assertThat(second.summary()).isEqualTo("Kế hoạch 443-KH/TU — Giai đoạn từ năm 2025 đến Đại hội XIV của Đảng");
		assertThat(second.start()).isEqualTo(LocalDate.of(2025, 1, 1));
		assertThat(second.end()).isEqualTo(LocalDate.of(2026, 1, 20));
		assertThat(second.description()).contains("Từ 01/01/2025 đến 19/01/2026.");
		assertThat(second.categories()).containsExactly("Giai đoạn kế hoạch");
		ParsedIcs.Entry first = feed.entry("phase-443-kh-tu-1@loa");
		assertThat(first.start()).isEqualTo(LocalDate.of(2024, 10, 3));
		assertThat(first.end()).isEqualTo(LocalDate.of(2025, 1, 1));
		assertThat(parse(all(YEARS_2025_2026)).find("phase-443-kh-tu-1@loa")).as("phase 1 ended in 2024").isEmpty();
	}

	@Test
	void carriesEventsWithAKnownDateOverTheirDaysAndLeavesTheOthersOut() {
		ParsedIcs feed = parse(all(YEARS_2025_2026));

		ParsedIcs.Entry congress = feed.entry("event-dai-hoi-xiv@loa");
		assertThat(congress.summary()).isEqualTo("Đại hội đại biểu toàn quốc lần thứ XIV của Đảng");
		assertThat(congress.start()).isEqualTo(LocalDate.of(2026, 1, 19));
		assertThat(congress.end()).isEqualTo(LocalDate.of(2026, 1, 24));
		Set<String> known = this.book.eventsBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31))
			.stream()
			.map((event) -> "event-" + event.id() + "@loa")
			.collect(Collectors.toSet());
		assertThat(feed.uids().stream().filter((uid) -> uid.startsWith("event-")))
			.containsExactlyInAnyOrderElementsOf(known);
		this.book.events()
			.stream()
			.filter((event) -> !event.dateKnown())
			.forEach((event) -> assertThat(feed.find("event-" + event.id() + "@loa")).isEmpty());
	}

	@Test
	void endsAPhaseWhoseEndIsNotKnownAtTheEndOfTheWindowAndSaysSo(@TempDir Path directory) throws Exception {
		Files.writeString(directory.resolve("calendar.yaml"), """
				events:
				  - id: dai-hoi-tinh
				    name: "Đại hội Đảng bộ tỉnh lần thứ XXI"
				    date: unknown
				plan:
				  id: ke-hoach-thu
				  number: 12-KH/ĐU
				  issuer: "Ban Thường vụ Đảng ủy"
				  title: "Tuyên truyền Đại hội Đảng bộ tỉnh"
				  phases:
				    - name: "Giai đoạn đến Đại hội"
				      start: 01/03/2025
				      until: dai-hoi-tinh
				""", StandardCharsets.UTF_8);
		CalendarBook open = CalendarLoader.load(directory).book();
		assertThat(open.plans()).hasSize(1);

		ParsedIcs.Entry phase = parse(new IcsCalendars(open, List.of(), YEARS_2025_2026, STAMP, ZONE).all())
			.entry("phase-ke-hoach-thu-1@loa");

		assertThat(phase.start()).isEqualTo(LocalDate.of(2025, 3, 1));
		assertThat(phase.end()).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(phase.description()).contains("chưa biết ngày kết thúc")
			.contains("Đại hội Đảng bộ tỉnh lần thứ XXI, chưa có ngày")
			.contains("đến hết 31/12/2026");
	}

	@Test
	void carriesScheduledAndPublishedItemsAtTheirInstantButNotDraftsWithdrawnOrMissed() {
		List<ContentItem> items = Stream.of(ContentStatus.values())
			.map((status) -> item("tin-" + status.key(), "default", status, Instant.parse("2025-08-31T23:00:00Z")))
			.toList();
		String text = new IcsCalendars(this.book, items, YEARS_2025_2026, STAMP, ZONE).all();
		ParsedIcs feed = parse(text);

		assertThat(feed.uids().stream().filter((uid) -> uid.startsWith("content-"))).containsExactlyInAnyOrder(
				"content-tin-scheduled@loa", "content-tin-published@loa", "content-tin-late@loa");
		ParsedIcs.Entry scheduled = feed.entry("content-tin-scheduled@loa");
		assertThat(scheduled.summary()).isEqualTo("Tin tin-scheduled: chuẩn bị Quốc khánh");
		assertThat(Instant.from(scheduled.start())).isEqualTo(Instant.parse("2025-08-31T23:00:00Z"));
		assertThat(scheduled.end()).isNull();
		assertThat(scheduled.description()).isEqualTo(
				"Thông báo treo cờ, lịch hoạt động.\n\nKênh: trang tin (RSS/Atom), đài truyền thanh\nTrạng thái: đã lên lịch");
		assertThat(scheduled.categories()).containsExactly("Tin bài");
		assertThat(feed.entry("content-tin-published@loa").description()).endsWith("Trạng thái: đã đăng");
		assertThat(feed.entry("content-tin-late@loa").description()).endsWith("Trạng thái: đã đăng muộn");
		assertThat(text).contains("DTSTART:20250831T230000Z\r\n");
	}

	@Test
	void planFeedHoldsThePlansPhasesAndWhatItNamesButNoContent() {
		Plan plan = this.book.plan("443-kh-tu").orElseThrow();
		IcsCalendars calendars = new IcsCalendars(this.book, List.of(item("tin-vung-tau", "thanh-uy-vung-tau",
				ContentStatus.SCHEDULED, Instant.parse("2025-09-01T01:00:00Z"))), YEARS_2025_2026, STAMP, ZONE);

		ParsedIcs byNumber = parse(calendars.plan("443-KH/TU").orElseThrow());
		ParsedIcs byId = parse(calendars.plan("443-kh-tu").orElseThrow());

		Set<String> expected = new java.util.HashSet<>();
		this.book.occurrencesBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31))
			.stream()
			.filter((o) -> plan.anniversaries().contains(o.anniversary().id()))
			.forEach((o) -> expected.add("occurrence-" + o.anniversary().id() + "-" + o.date().getYear() + "@loa"));
		this.book.eventsBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31))
			.stream()
			.filter((e) -> plan.events().contains(e.id()))
			.forEach((e) -> expected.add("event-" + e.id() + "@loa"));
		expected.add("phase-443-kh-tu-2@loa");
		assertThat(expected).contains("occurrence-quoc-khanh-2025@loa", "occurrence-giai-phong-mien-nam-2026@loa",
				"event-dai-hoi-xiv@loa");
		assertThat(byNumber.uids()).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(byId.uids()).isEqualTo(byNumber.uids());
		assertThat(byNumber.property("X-WR-CALNAME")).isEqualTo("Loa — Lịch tuyên truyền — Kế hoạch 443-KH/TU");
		assertThat(calendars.plan("999-KH/TU")).isEmpty();
	}

	@Test
	void organisationFeedHoldsOnlyWhatTheOrganisationOwns() {
		IcsCalendars calendars = new IcsCalendars(this.book, List.of(
				item("tin-vung-tau", "thanh-uy-vung-tau", ContentStatus.SCHEDULED,
						Instant.parse("2025-09-01T01:00:00Z")),
				item("tin-mac-dinh", "default", ContentStatus.PUBLISHED, Instant.parse("2025-09-01T02:00:00Z"))),
				YEARS_2025_2026, STAMP, ZONE);

		ParsedIcs vungTau = parse(calendars.organisation("thanh-uy-vung-tau").orElseThrow());
		ParsedIcs owner = parse(calendars.organisation("default").orElseThrow());

		assertThat(vungTau.uids()).containsExactlyInAnyOrder("phase-443-kh-tu-2@loa", "content-tin-vung-tau@loa");
		assertThat(vungTau.property("X-WR-CALNAME"))
			.isEqualTo("Loa — Lịch tuyên truyền — Ban Thường vụ Thành ủy Vũng Tàu");
		// Anniversaries belong to "default" unless their file says otherwise.
		assertThat(owner.uids())
			.contains("occurrence-quoc-khanh-2025@loa", "event-dai-hoi-xiv@loa", "content-tin-mac-dinh@loa")
			.doesNotContain("content-tin-vung-tau@loa", "phase-443-kh-tu-2@loa");
		assertThat(owner.uids().stream().filter((uid) -> uid.startsWith("occurrence-")))
			.hasSize(this.book.occurrencesBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)).size());
		assertThat(calendars.organisation("khong-co")).isEmpty();
	}

	@Test
	void writesAValidRfc5545CalendarWithCrlfLinesOfAtMost75Octets() throws Exception {
		String text = all(new YearWindow(2024, 2026));
		ParsedIcs feed = parse(text);

		ParsedIcs.assertWellFormed(text.getBytes(StandardCharsets.UTF_8));
		assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n").contains("\r\n ");
		assertThat(feed.property("VERSION")).isEqualTo("2.0");
		assertThat(feed.property("PRODID")).isEqualTo("-//Loa//Loa iCalendar//VI");
		assertThat(feed.property("CALSCALE")).isEqualTo("GREGORIAN");
		assertThat(feed.property("METHOD")).isEqualTo("PUBLISH");
		assertThat(feed.property("X-WR-CALNAME")).isEqualTo("Loa — Lịch tuyên truyền");
		// RFC 5545's rules; without METHOD ical4j applies no iTIP (RFC 5546) rules, which
		// would want an ORGANIZER that a subscribed calendar has no use for.
		Calendar withoutMethod = ParsedIcs.parse(text.replace("METHOD:PUBLISH\r\n", "")).calendar;
		assertThat(withoutMethod.validate().hasErrors()).as(withoutMethod.validate().toString()).isFalse();
		assertThat(feed.entries).allSatisfy((entry) -> assertThat(entry.stamp()).isEqualTo("20250801T030405Z"));
		// The longest summary survives folding and unfolding unchanged.
		assertThat(feed.entry("phase-443-kh-tu-2@loa").description()).contains(
				"Tuyên truyền những chủ đề lớn, trọng tâm từ nay đến Đại hội đại biểu toàn quốc lần thứ XIV của Đảng");
	}

	@Test
	void foldsOnCharacterBoundariesWhenALineIsAllMultiByteLetters() {
		String line = "SUMMARY:" + "ệ".repeat(100) + "😀".repeat(10);

		String folded = IcsWriter.fold(line + "\r\n");

		ParsedIcs.assertWellFormed(folded.getBytes(StandardCharsets.UTF_8));
		assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n");
		String[] parts = folded.split("\r\n");
		assertThat(parts).hasSize(5);
		// Every line but the last is full: folded only where the next letter would not
		// fit.
		assertThat(Arrays.copyOf(parts, 4))
			.allSatisfy((part) -> assertThat(part.getBytes(StandardCharsets.UTF_8).length).isBetween(73, 75));
	}

	@Test
	void keepsTheSameUidsAndEntriesFromOneRequestToTheNext() {
		String first = all(YEARS_2025_2026);
		String later = new IcsCalendars(this.book, List.of(), YEARS_2025_2026, STAMP.plusSeconds(86_400), ZONE).all();

		assertThat(parse(later).uids()).isEqualTo(parse(first).uids()).hasSizeGreaterThan(20);
		assertThat(withoutStamps(later)).isEqualTo(withoutStamps(first));
	}

	@ParameterizedTest
	@ValueSource(strings = { "UTC", "Asia/Ho_Chi_Minh", "Pacific/Kiritimati", "Pacific/Pago_Pago" })
	void writesTheSameDaysWhateverTheJvmsDefaultZone(String zone) {
		List<ContentItem> items = List
			.of(item("tin", "default", ContentStatus.SCHEDULED, Instant.parse("2025-08-31T23:00:00Z")));
		String expected = new IcsCalendars(this.book, items, YEARS_2025_2026, STAMP, ZONE).all();
		TimeZone original = TimeZone.getDefault();
		try {
			TimeZone.setDefault(TimeZone.getTimeZone(zone));
			assertThat(new IcsCalendars(this.book, items, YEARS_2025_2026, STAMP, ZONE).all()).isEqualTo(expected);
		}
		finally {
			TimeZone.setDefault(original);
		}
	}

	private String all(YearWindow window) {
		return new IcsCalendars(this.book, List.of(), window, STAMP, ZONE).all();
	}

	private static ParsedIcs parse(String text) {
		return ParsedIcs.parse(text);
	}

	private static String withoutStamps(String text) {
		return text.replaceAll("DTSTAMP:\\d{8}T\\d{6}Z\r\n", "");
	}

	static ContentItem item(String id, String organisation, ContentStatus status, Instant dueAt) {
		return new ContentItem(id, organisation, "Tin " + id + ": chuẩn bị Quốc khánh",
				"Thông báo treo cờ, lịch hoạt động.", "Nội dung.", null, Set.of(Outlet.RADIO, Outlet.FEED),
				"2025-09-01 06:00", dueAt, Map.of(), status, "api", dueAt);
	}

}
