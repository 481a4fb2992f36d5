package vn.loa.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarLoaderTests {

	@TempDir
	Path temp;

	private Path calendar;

	@BeforeEach
	void createCalendarDirectory() throws IOException {
		this.calendar = Files.createDirectory(this.temp.resolve("calendar"));
	}

	@Test
	void loadsTheRealCalendarWithoutProblems() {
		CalendarLoad load = CalendarLoader.load(Path.of("calendar"));
		assertThat(load.problems()).isEmpty();
		CalendarBook book = load.book();
		assertThat(book.anniversaries()).hasSize(31);
		assertThat(book.anniversaries()).extracting(Anniversary::id)
			.contains("thanh-lap-dang", "giai-phong-mien-nam", "chien-thang-dien-bien-phu", "sinh-nhat-bac-ho",
					"cach-mang-thang-tam", "quoc-khanh", "tong-tuyen-cu", "tet-nguyen-dan", "gio-to-hung-vuong")
			.doesNotHaveDuplicates();
		assertThat(book.anniversaries()).filteredOn((anniversary) -> anniversary.tier() == Tier.LE_LON).hasSize(8);
		assertThat(book.anniversaries()).filteredOn(Anniversary::lunar)
			.extracting(Anniversary::id, Anniversary::day, Anniversary::month, Anniversary::originYear)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("tet-nguyen-dan", 1, 1, null),
					org.assertj.core.groups.Tuple.tuple("gio-to-hung-vuong", 10, 3, null));
		assertThat(book.events()).extracting(Event::id)
			.containsExactly("dai-hoi-xiv", "hoi-nghi-tw-12-khoa-xiii", "dai-hoi-tinh-thai-nguyen-xxi",
					"chinh-quyen-cach-mang-thai-nguyen-80-nam", "dai-hoi-tinh-ba-ria-vung-tau-viii",
					"dai-hoi-thanh-pho-vung-tau-viii");
		assertThat(book.organisations()).extracting(Organisation::id)
			.containsExactly("default", "thanh-uy-vung-tau", "huyen-uy-tuy-phuoc", "dang-uy-xa-thai-nguyen");
		assertThat(book.plans()).extracting(Plan::id)
			.containsExactly("443-kh-tu", "83-kh-hu", "ke-hoach-hoi-nghi-12-xa");
	}

	@Test
	void readsThePlansAsWritten() {
		CalendarBook book = CalendarLoader.load(Path.of("calendar")).book();
		Plan plan443 = book.plan("443-KH/TU").orElseThrow();
		assertThat(plan443.id()).isEqualTo("443-kh-tu");
		assertThat(plan443.date()).isNull();
		assertThat(plan443.phases()).extracting(Phase::number).containsExactly(1, 2);
		assertThat(plan443.anniversaries()).containsExactly("thanh-lap-dang", "giai-phong-mien-nam", "sinh-nhat-bac-ho",
				"quoc-khanh", "tong-tuyen-cu");
		assertThat(plan443.recipients()).hasSize(8).endsWith("Lưu Văn phòng Thành ủy. (BTG)");
		Plan plan83 = book.plan("83-kh-hu").orElseThrow();
		assertThat(plan83.date()).isEqualTo(LocalDate.of(2023, 7, 28));
		assertThat(plan83.place()).isEqualTo("Tuy Phước");
		assertThat(plan83.phases()).isEmpty();
		Plan commune = book.plan("ke-hoach-hoi-nghi-12-xa").orElseThrow();
		assertThat(commune.number()).isNull();
		assertThat(commune.organisation()).isEqualTo("dang-uy-xa-thai-nguyen");
		assertThat(book.event("dai-hoi-xiv").orElseThrow().endDate()).contains(LocalDate.of(2026, 1, 23));
		assertThat(book.event("dai-hoi-tinh-thai-nguyen-xxi").orElseThrow().dateKnown()).isFalse();
	}

	@Test
	void reportsMalformedYamlWithItsLineAndStillLoadsTheOtherFiles() throws IOException {
		write("anniversaries.yaml", "anniversaries:", "  - id: quoc-khanh", "    name: Quốc khánh",
				"    date: 02/09/1945", "    tier: L");
		write("events.yaml", "events:", "  - id: dai-hoi-xiv", "    name: Đại hội XIV", "      date: 19/01/2026");
		CalendarLoad load = CalendarLoader.load(this.calendar);
		assertThat(load.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo("calendar/events.yaml");
			assertThat(problem.line()).isEqualTo(4);
			assertThat(problem.message()).startsWith("malformed YAML");
		});
		assertThat(load.book().anniversary("quoc-khanh")).isPresent();
		assertThat(load.book().events()).isEmpty();
	}

	@Test
	void refusesControlCharactersInAPlanWrittenOrEscapedAtTheirLines() throws IOException {
		write("anniversaries.yaml", "anniversaries:", "  - id: quoc-khanh", "    name: Quốc khánh\u001B[0m",
				"    date: 02/09/1945", "    tier: L");
		write("events.yaml", "events:", "  - id: hop-mat", "    name: \"Họp mặt\\a cuối năm\"", "    date: 30/12/2025",
				"  - id: dai-hoi-xiv", "    name: \"Đại hội\\vXIV\"", "    from: 19/01/2026", "    to: 23/01/2026");
		CalendarLoad load = CalendarLoader.load(this.calendar);
		assertThat(load.problems()).extracting(CalendarProblem::toString)
			.containsExactly(
					"calendar/anniversaries.yaml:3: control character U+001B ESCAPE at column 21: no outlet can carry it; "
							+ "remove it",
					"calendar/events.yaml:3: 'name' contains the control character U+0007 BEL: no outlet can carry it; "
							+ "remove it");
		assertThat(load.book().events()).extracting(Event::id).containsExactly("dai-hoi-xiv");
		assertThat(load.book().event("dai-hoi-xiv").orElseThrow().name()).isEqualTo("Đại hội\nXIV");
	}

	@Test
	void reportsAnImpossibleDateAndLoadsTheOtherEntries() throws IOException {
		write("events.yaml", "events:", "  - id: hop-mat", "    name: Họp mặt", "    date: 30/02/2025",
				"  - id: dai-hoi-xiv", "    name: Đại hội XIV", "    from: 19/01/2026", "    to: 23/01/2026");
		CalendarLoad load = CalendarLoader.load(this.calendar);
		assertThat(load.problems()).extracting(CalendarProblem::toString)
			.containsExactly("calendar/events.yaml:4: impossible date '30/02/2025'");
		assertThat(load.book().events()).extracting(Event::id).containsExactly("dai-hoi-xiv");
	}

	/**
	 * A plan says which occurrence of an anniversary it targets; an ordinal that does not
	 * fall in its year is refused with its line, the plan not loaded; one without a year
	 * gets it from the origin.
	 */
	@Test
	void aPlansAnniversaryOccurrenceIsCheckedOrdinalAgainstYear() throws IOException {
		write("anniversaries.yaml", "anniversaries:", "  - id: quoc-khanh", "    name: Quốc khánh",
				"    date: 02/09/1945", "    tier: L", "  - id: thanh-lap-dang", "    name: Thành lập Đảng",
				"    date: 03/02/1930", "    tier: L");
		write("plans/dung.yaml", "plan:", "  id: ke-hoach-dung", "  issuer: Ban Tuyên giáo", "  title: Đúng",
				"  anniversaries:", "    - {id: quoc-khanh, ordinal: 80, year: 2025}",
				"    - {id: thanh-lap-dang, ordinal: 95}");
		write("plans/sai.yaml", "plan:", "  id: ke-hoach-sai", "  issuer: Ban Tuyên giáo", "  title: Sai",
				"  anniversaries:", "    - {id: quoc-khanh, ordinal: 81, year: 2025}");
		CalendarLoad load = CalendarLoader.load(this.calendar);
		assertThat(load.problems()).extracting(CalendarProblem::toString)
			.containsExactly("calendar/plans/sai.yaml:6: anniversary 'quoc-khanh': 81 years does not fall in 2025 "
					+ "(it began in 1945, so 2025 is its 80th)");
		Plan plan = load.book().plan("ke-hoach-dung").orElseThrow();
		assertThat(plan.anniversaries()).containsExactly("quoc-khanh", "thanh-lap-dang");
		assertThat(plan.occurrences()).containsEntry("quoc-khanh", new Plan.Occurrence(80, 2025))
			.containsEntry("thanh-lap-dang", new Plan.Occurrence(95, 2025));
		assertThat(load.book().plan("ke-hoach-sai")).isEmpty();
	}

	@Test
	void aPlanMayBelongToACommuneItsProvinceLoadsOrToOneTheDatabaseKnows() throws IOException {
		write("organisations.yaml", "units:", "  - thai-nguyen");
		write("plans/12-kh-du.yaml", "plan:", "  id: 12-kh-du", "  issuer: Đảng ủy xã", "  title: Kế hoạch",
				"  organisation: thai-nguyen-bang-thanh");
		write("plans/13-kh-du.yaml", "plan:", "  id: 13-kh-du", "  issuer: Đảng ủy xã", "  title: Kế hoạch",
				"  organisation: xa-moi-them");
		CalendarLoad files = CalendarLoader.load(this.calendar);
		assertThat(files.book().plan("12-kh-du")).get()
			.extracting(Plan::organisation)
			.isEqualTo("thai-nguyen-bang-thanh");
		assertThat(files.problems()).extracting(CalendarProblem::toString)
			.singleElement()
			.asString()
			.startsWith("calendar/plans/13-kh-du.yaml:5: unknown organisation 'xa-moi-them'");

		CalendarLoad withDatabase = CalendarLoader.load(this.calendar, List.of(),
				java.util.Set.of("thai-nguyen-bang-thanh", "xa-moi-them")::contains);
		assertThat(withDatabase.problems()).isEmpty();
		assertThat(withDatabase.book().plan("13-kh-du")).isPresent();
	}

	@Test
	void reportsUnknownReferencesOfAPlanAtTheirLines() throws IOException {
		write("plans/443-kh-tu.yaml", "plan:", "  id: 443-kh-tu", "  issuer: Thành ủy", "  title: Kế hoạch",
				"  phases:", "    - name: Giai đoạn 2", "      start: 01/01/2025", "      until: dai-hoi-xv",
				"  anniversaries:", "    - quoc-khanh", "    - quoc-khan", "  organisation: thanh-uy");
		write("plans/83-kh-hu.yaml", "plan:", "  id: 83-kh-hu", "  number: 83-KH/HU", "  issuer: Huyện ủy",
				"  title: Kế hoạch");
		write("z-anniversaries.yaml", "anniversaries:", "  - id: quoc-khanh", "    name: Quốc khánh",
				"    date: 02/09/1945", "    tier: L");
		CalendarLoad load = CalendarLoader.load(this.calendar);
		assertThat(load.problems()).extracting(CalendarProblem::toString)
			.containsExactly("calendar/plans/443-kh-tu.yaml:8: unknown event 'dai-hoi-xv'",
					"calendar/plans/443-kh-tu.yaml:11: unknown anniversary 'quoc-khan'",
					"calendar/plans/443-kh-tu.yaml:12: unknown organisation 'thanh-uy'");
		assertThat(load.book().plans()).extracting(Plan::id).containsExactly("83-kh-hu");
	}

	@Test
	void resolvesReferencesWhateverTheFileOrder() throws IOException {
		write("a-plan.yaml", "plan:", "  id: 443-kh-tu", "  issuer: Thành ủy", "  title: Kế hoạch", "  phases:",
				"    - name: Giai đoạn 2", "      start: 01/01/2025", "      until: dai-hoi-xiv", "  events:",
				"    - dai-hoi-xiv", "  organisation: thanh-uy-vung-tau");
		write("m-events.yaml", "events:", "  - id: dai-hoi-xiv", "    name: Đại hội XIV", "    date: unknown",
				"    organisation: thanh-uy-vung-tau");
		write("z-organisations.yml", "organisations:", "  - id: thanh-uy-vung-tau", "    name: Thành ủy Vũng Tàu");
		CalendarLoad load = CalendarLoader.load(this.calendar);
		assertThat(load.problems()).isEmpty();
		CalendarBook book = load.book();
		Phase phase = book.plan("443-kh-tu").orElseThrow().phase(1).orElseThrow();
		assertThat(phase.endIn(book)).isEmpty();
		assertThat(book.organisations()).extracting(Organisation::id).containsExactly("default", "thanh-uy-vung-tau");
	}

	@Test
	void reportsAMissingFieldAtTheStartOfItsEntry() throws IOException {
		write("anniversaries.yaml", "anniversaries:", "  - id: quoc-khanh", "    name: Quốc khánh",
				"    date: 02/09/1945", "    tier: L", "  - id: tong-tuyen-cu", "    date: 06/01/1946", "    tier: K");
		CalendarLoad load = CalendarLoader.load(this.calendar);
		assertThat(load.problems()).extracting(CalendarProblem::toString)
			.containsExactly("calendar/anniversaries.yaml:6: missing 'name'");
		assertThat(load.book().anniversaries()).extracting(Anniversary::id).containsExactly("quoc-khanh");
	}

	@Test
	void reportsADuplicateIdWhereItIsRepeated() throws IOException {
		write("anniversaries.yaml", "anniversaries:", "  - id: quoc-khanh", "    name: Quốc khánh",
				"    date: 02/09/1945", "    tier: L");
		write("more/anniversaries.yaml", "anniversaries:", "  - id: tong-tuyen-cu", "    name: Tổng tuyển cử",
				"    date: 06/01/1946", "    tier: K", "  - id: quoc-khanh", "    name: Quốc khánh again",
				"    date: 02/09/1945", "    tier: L");
		CalendarLoad load = CalendarLoader.load(this.calendar);
		assertThat(load.problems()).extracting(CalendarProblem::toString)
			.containsExactly("calendar/more/anniversaries.yaml:6: duplicate anniversary id 'quoc-khanh'"
					+ " (first at calendar/anniversaries.yaml:2)");
		assertThat(load.book().anniversaries()).extracting(Anniversary::name)
			.containsExactly("Quốc khánh", "Tổng tuyển cử");
	}

	@Test
	void reportsAPhaseThatEndsBeforeItStarts() throws IOException {
		write("plan.yaml", "plan:", "  id: ke-hoach", "  issuer: Đảng ủy", "  title: Kế hoạch", "  phases:",
				"    - name: Giai đoạn 1", "      start: 01/01/2025", "      end: 31/12/2024");
		CalendarLoad load = CalendarLoader.load(this.calendar);
		assertThat(load.problems()).extracting(CalendarProblem::toString)
			.containsExactly("calendar/plan.yaml:8: phase ends (31/12/2024) before it starts (01/01/2025)");
		assertThat(load.book().plans()).isEmpty();
	}

	@Test
	void readsLunarAnniversariesWithAndWithoutOriginYear() throws IOException {
		write("anniversaries.yaml", "anniversaries:", "  - id: tet-nguyen-dan", "    name: Tết Nguyên đán",
				"    date: 01/01", "    calendar: lunar", "    tier: L", "  - id: ngay-le", "    name: Ngày lễ",
				"    date: 20/12/2024", "    calendar: lunar", "    tier: K", "  - id: quoc-khanh",
				"    name: Quốc khánh", "    date: 02/09/1945", "    calendar: solar", "    tier: L");
		CalendarLoad load = CalendarLoader.load(this.calendar);
		assertThat(load.problems()).isEmpty();
		CalendarBook book = load.book();
		Anniversary tet = book.anniversary("tet-nguyen-dan").orElseThrow();
		assertThat(tet.lunar()).isTrue();
		assertThat(tet.originYear()).isNull();
		assertThat(tet.occurrenceIn(2026)).map(Occurrence::date).contains(LocalDate.of(2026, 2, 17));
		Anniversary ngayLe = book.anniversary("ngay-le").orElseThrow();
		assertThat(ngayLe.originYear()).isEqualTo(2024);
		assertThat(ngayLe.origin()).contains(LocalDate.of(2025, 1, 19));
		assertThat(book.anniversary("quoc-khanh").orElseThrow().lunar()).isFalse();
	}

	@Test
	void reportsImpossibleLunarDatesAtTheirLines() throws IOException {
		write("anniversaries.yaml", "anniversaries:", "  - id: ngay-a", "    name: A", "    date: 32/13",
				"    calendar: lunar", "    tier: K", "  - id: ngay-b", "    name: B", "    date: 30/12/2024",
				"    calendar: lunar", "    tier: K", "  - id: ngay-c", "    name: C", "    date: 10/3/1700",
				"    calendar: lunar", "    tier: K", "  - id: ngay-d", "    name: D", "    date: 0/1",
				"    calendar: lunar", "    tier: K", "  - id: ngay-e", "    name: E", "    date: 10/3",
				"    calendar: chinese", "    tier: K", "  - id: ngay-f", "    name: F", "    date: 30/02",
				"    calendar: lunar", "    tier: K");
		CalendarLoad load = CalendarLoader.load(this.calendar);
		assertThat(load.problems()).extracting(CalendarProblem::toString)
			.containsExactly(
					"calendar/anniversaries.yaml:4: impossible lunar date '32/13' (days run 1 to 30, months 1 to 12)",
					"calendar/anniversaries.yaml:9: impossible lunar date '30/12/2024': month 12 of 2024 has 29 days",
					"calendar/anniversaries.yaml:14: lunar date '10/3/1700' is outside the lunar years 1800 to 2199",
					"calendar/anniversaries.yaml:19: impossible lunar date '0/1' (days run 1 to 30, months 1 to 12)",
					"calendar/anniversaries.yaml:25: unknown calendar 'chinese', expected solar or lunar");
		// 30/02 is a lunar date like any other: month 2 has a 30th in some years.
		assertThat(load.book().anniversaries()).extracting(Anniversary::id).containsExactly("ngay-f");
	}

	@Test
	void readsADateWithoutYearAsAnAnniversaryWithoutOrdinal() throws IOException {
		write("anniversaries.yaml", "anniversaries:", "  - id: ngay-hoi", "    name: Ngày hội", "    date: 29/02",
				"    tier: K", "    organisation: default");
		CalendarLoad load = CalendarLoader.load(this.calendar);
		assertThat(load.problems()).isEmpty();
		Anniversary anniversary = load.book().anniversary("ngay-hoi").orElseThrow();
		assertThat(anniversary.originYear()).isNull();
		assertThat(anniversary.occurrenceIn(2028)).isPresent();
	}

	@Test
	void readsTheEnglishNameOfAnAnniversaryAndAnEventWhenGiven() throws IOException {
		write("anniversaries.yaml", "anniversaries:", "  - id: quoc-khanh", "    name: Ngày Quốc khánh",
				"    name-en: \"National Day\"", "    date: 02/09/1945", "    tier: L", "  - id: ngay-hoi",
				"    name: Ngày hội", "    date: 23/11", "    tier: K");
		write("events.yaml", "events:", "  - id: dai-hoi-xiv", "    name: Đại hội XIV",
				"    name-en: 14th National Congress", "    date: unknown", "  - id: bau-cu", "    name: Bầu cử",
				"    date: 15/03/2026");
		CalendarLoad load = CalendarLoader.load(this.calendar);
		assertThat(load.problems()).isEmpty();
		CalendarBook book = load.book();
		assertThat(book.anniversary("quoc-khanh").orElseThrow().nameEn()).isEqualTo("National Day");
		assertThat(book.anniversary("ngay-hoi").orElseThrow().nameEn()).isNull();
		assertThat(book.event("dai-hoi-xiv").orElseThrow().nameEn()).isEqualTo("14th National Congress");
		assertThat(book.event("dai-hoi-xiv").orElseThrow().nameIn(Locale.ENGLISH)).isEqualTo("14th National Congress");
		assertThat(book.event("bau-cu").orElseThrow().nameEn()).isNull();
		assertThat(book.event("bau-cu").orElseThrow().nameIn(Locale.ENGLISH)).isEqualTo("Bầu cử");
		assertThat(book.event("dai-hoi-xiv").orElseThrow().nameIn(Locale.forLanguageTag("vi")))
			.isEqualTo("Đại hội XIV");
	}

	@Test
	void reportsAnEnglishNameThatIsNotASingleValueAtItsLine() throws IOException {
		write("anniversaries.yaml", "anniversaries:", "  - id: quoc-khanh", "    name: Ngày Quốc khánh",
				"    name-en: [National Day, Independence Day]", "    date: 02/09/1945", "    tier: L");
		write("events.yaml", "events:", "  - id: dai-hoi-xiv", "    name: Đại hội XIV", "    name-en:",
				"      short: 14th Congress", "    date: unknown");
		CalendarLoad load = CalendarLoader.load(this.calendar);
		assertThat(load.problems()).extracting(CalendarProblem::toString)
			.containsExactly("calendar/anniversaries.yaml:4: expected a single value for 'name-en'",
					"calendar/events.yaml:5: expected a single value for 'name-en'");
		assertThat(load.book().anniversaries()).isEmpty();
		assertThat(load.book().events()).isEmpty();
	}

	@Test
	void checksEveryEnglishNameOfTheRealCalendarIsThere() {
		CalendarBook book = CalendarLoader.load(Path.of("calendar")).book();
		assertThat(book.anniversaries()).hasSize(31)
			.allSatisfy((anniversary) -> assertThat(anniversary.nameEn()).as("name-en of %s", anniversary.id())
				.isNotBlank());
		assertThat(book.events())
			.allSatisfy((event) -> assertThat(event.nameEn()).as("name-en of %s", event.id()).isNotBlank());
		assertThat(book.anniversary("quoc-khanh").orElseThrow().nameEn()).isEqualTo("National Day");
		assertThat(book.anniversary("tet-nguyen-dan").orElseThrow().nameEn()).isEqualTo("Lunar New Year (Tết)");
	}

	@Test
	void reportsMisspeltKeysBadTiersAndBadIds() throws IOException {
		write("anniversaries.yaml", "anniversaries:", "  - id: Quoc Khanh", "    name: Quốc khánh",
				"    date: 2/9/1945", "    tier: X", "    organization: default");
		CalendarLoad load = CalendarLoader.load(this.calendar);
		assertThat(load.problems()).extracting(CalendarProblem::line).containsExactly(2, 5, 6);
		assertThat(load.problems()).extracting(CalendarProblem::message)
			.anySatisfy((message) -> assertThat(message).contains("'Quoc Khanh'"))
			.anySatisfy((message) -> assertThat(message).startsWith("unknown tier 'X'"))
			.anySatisfy((message) -> assertThat(message).startsWith("unknown key 'organization'"));
		assertThat(load.book().anniversaries()).isEmpty();
	}

	@Test
	void reportsAnUnknownTopLevelKeyAndAFileThatIsNotAMapping() throws IOException {
		write("a.yaml", "anniversary:", "  - id: quoc-khanh");
		write("b.yaml", "- just a list");
		write("notes.txt", "not read at all: [");
		CalendarLoad load = CalendarLoader.load(this.calendar);
		assertThat(load.problems()).extracting(CalendarProblem::file, CalendarProblem::line)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("calendar/a.yaml", 1),
					org.assertj.core.groups.Tuple.tuple("calendar/b.yaml", 1));
	}

	@Test
	void reportsAMissingDirectoryInsteadOfThrowing() {
		CalendarLoad load = CalendarLoader.load(this.temp.resolve("nowhere"));
		assertThat(load.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).startsWith("cannot read the calendar directory"));
		assertThat(load.book().anniversaries()).isEmpty();
	}

	@Test
	void reportsAFileThatIsNotUtf8() throws IOException {
		Files.write(this.calendar.resolve("latin1.yaml"),
				"anniversaries:\n  - name: Qu\u00f4c\n".getBytes(StandardCharsets.ISO_8859_1));
		CalendarLoad load = CalendarLoader.load(this.calendar);
		assertThat(load.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("not UTF-8"));
	}

	private void write(String name, String... lines) throws IOException {
		Path file = this.calendar.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, String.join("\n", lines) + "\n");
	}

}
