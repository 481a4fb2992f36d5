package vn.loa.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.CalendarLoad;
import vn.loa.calendar.CalendarLoader;
import vn.loa.importer.PlanDraft.PhaseDraft;
import vn.loa.importer.PlanDraft.Warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The genre's variants, on plans written for the tests (see {@link Fixtures}). */
class PlanParserTests {

	private static final CalendarBook BOOK = PlanTexts.book();

	private static final Map<String, String> FIXTURES = Map.of("guidance", Fixtures.GUIDANCE, "commune",
			Fixtures.COMMUNE, "district", Fixtures.DISTRICT, "province", Fixtures.PROVINCE, "city", Fixtures.CITY);

	@TempDir
	Path temp;

	private static PlanDraft parse(String text) {
		return new PlanParser().parse(PlanTexts.of("fixture.txt", text), BOOK);
	}

	@Test
	void readsACentralGuidanceWithASpacedNumberAndAFlattenedHeader() {
		PlanDraft draft = parse(Fixtures.GUIDANCE);
		assertThat(draft.kind()).isEqualTo("HƯỚNG DẪN");
		assertThat(draft.number()).isEqualTo("69-HD/BTGTW");
		assertThat(draft.id()).isEqualTo("69-hd-btgtw");
		assertThat(draft.code()).isEqualTo("HD/BTGTW");
		assertThat(draft.place()).isEqualTo("Hà Nội");
		assertThat(draft.date()).isEqualTo(LocalDate.of(2024, 12, 15));
		assertThat(draft.issuer()).isEqualTo("Ban Tuyên giáo Trung ương");
		assertThat(draft.extracted()).filteredOn((e) -> e.field().equals("issuer.header"))
			.extracting("value", "line")
			.containsExactly(tuple("BAN CHẤP HÀNH TRUNG ƯƠNG", 1), tuple("BAN TUYÊN GIÁO", 2));
		assertThat(draft.title())
			.isEqualTo("Tuyên truyền kỷ niệm các ngày lễ lớn, sự kiện lịch sử và các ngày kỷ niệm năm 2025");
		assertThat(draft.implementsDocuments()).isEmpty();
		assertThat(draft.anniversaries()).extracting("id", "ordinal", "proposed")
			.containsExactly(tuple("thanh-lap-dang", 95, false), tuple("giai-phong-mien-nam", 50, false),
					tuple("chien-thang-dien-bien-phu", 71, false), tuple("cach-mang-thang-tam", 80, false),
					tuple("quoc-khanh", 80, false));
		assertThat(draft.warnings()).extracting(Warning::message)
			.anySatisfy((m) -> assertThat(m).contains("impossible date", "31/02/1955"));
		assertThat(draft.eventIds()).containsExactly("dai-hoi-xiv");
		assertThat(draft.channels()).containsExactly("radio", "feed");
		assertThat(draft.notes()).contains("báo chí", "hội nghị", "báo cáo viên");
		assertThat(draft.units()).containsExactly("Ban Tuyên giáo các tỉnh ủy, thành ủy", "Các cơ quan báo chí");
		assertThat(draft.recipients()).containsExactly("Các tỉnh ủy, thành ủy", "Lưu Vụ Tuyên truyền");
		assertThat(draft.signer()).extracting("name", "role", "onBehalfOf")
			.containsExactly("Phan Xuân Thủy", "PHÓ TRƯỞNG BAN", "K/T TRƯỞNG BAN");
	}

	@Test
	void readsACommitteePlanWithABlankNumberTwoRoundsAndAWrongOrdinal() {
		PlanDraft draft = parse(Fixtures.COMMUNE);
		assertThat(draft.number()).isNull();
		assertThat(draft.code()).isEqualTo("KH-UBND");
		assertThat(draft.date()).isNull();
		assertThat(draft.place()).isEqualTo("Phú Lộc");
		assertThat(draft.issuer()).isEqualTo("Ủy ban nhân dân xã Phú Lộc");
		assertThat(draft.id()).startsWith("ke-hoach-").matches("[a-z0-9]+(-[a-z0-9]+)*");
		assertThat(draft.title()).isEqualTo("Tuyên truyền kỷ niệm 50 năm Ngày giải phóng miền Nam, thống nhất đất nước"
				+ " và 135 năm Ngày sinh Chủ tịch Hồ Chí Minh");
		assertThat(draft.implementsDocuments())
			.containsExactly("Kế hoạch số 45-KH/ĐU ngày 20/02/2025 của Ban Thường vụ Đảng ủy xã");
		assertThat(draft.phases()).extracting(PhaseDraft::name, PhaseDraft::start, PhaseDraft::end)
			.containsExactly(
					tuple("Đợt 1: từ ngày 01/4/2025 đến ngày 30/4/2025", LocalDate.of(2025, 4, 1),
							LocalDate.of(2025, 4, 30)),
					tuple("Đợt 2: từ ngày 10/5 đến hết ngày 19/5/2025", LocalDate.of(2025, 5, 10),
							LocalDate.of(2025, 5, 19)));
		assertThat(draft.anniversaries()).extracting("id", "ordinal", "proposed")
			.containsExactly(tuple("giai-phong-mien-nam", 50, false), tuple("sinh-nhat-bac-ho", 135, false),
					tuple("ngay-thanh-lap-hop-tac-xa-phu-loc", 71, true));
		assertThat(draft.proposedAnniversaries()).singleElement()
			.satisfies((a) -> assertThat(a.origin()).isEqualTo(LocalDate.of(1974, 11, 16)));
		assertThat(draft.warnings()).extracting(Warning::message)
			.anySatisfy((m) -> assertThat(m).contains("71 năm", "44 years apart"))
			.anySatisfy((m) -> assertThat(m).contains("number is left blank", "KH-UBND"))
			.anySatisfy((m) -> assertThat(m).contains("date is left blank"));
		assertThat(draft.channels()).containsExactly("radio", "feed");
		assertThat(draft.notes()).contains("băng rôn", "khẩu hiệu", "panô");
		assertThat(draft.units()).containsExactly("Văn phòng HĐND và UBND xã", "Đài truyền thanh xã",
				"Ủy ban Mặt trận Tổ quốc Việt Nam xã");
		assertThat(draft.recipients()).containsExactly("Thường trực Đảng ủy (b/c)", "Chủ tịch, các PCT UBND xã",
				"Lưu: VT");
		assertThat(draft.signer()).extracting("name", "role", "onBehalfOf")
			.containsExactly("Nguyễn Văn An", "CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN");
	}

	@Test
	void readsAQuarterAndProposesAnUnknownCongress() {
		PlanDraft draft = parse(Fixtures.DISTRICT);
		assertThat(draft.number()).isEqualTo("120-KH/HU");
		assertThat(draft.issuer()).isEqualTo("Ban Thường vụ Huyện ủy Phù Cát");
		assertThat(draft.date()).isEqualTo(LocalDate.of(2022, 9, 5));
		assertThat(draft.phases()).extracting(PhaseDraft::name, PhaseDraft::start, PhaseDraft::end)
			.containsExactly(tuple("Quý IV/2022", LocalDate.of(2022, 10, 1), LocalDate.of(2022, 12, 31)));
		assertThat(draft.anniversaries()).extracting("id", "ordinal")
			.containsExactly(tuple("thanh-lap-hoi-nong-dan", 92), tuple("giai-phong-thu-do", 68),
					tuple("nha-giao-viet-nam", 40));
		assertThat(draft.events()).extracting("id", "name", "proposed")
			.containsExactly(tuple("dai-hoi-huyen-phu-cat-xxiii",
					"Đại hội đại biểu Đảng bộ huyện Phù Cát lần thứ XXIII, nhiệm kỳ 2025 - 2030", true));
		assertThat(draft.warnings()).extracting(Warning::message)
			.anySatisfy((m) -> assertThat(m).contains("dai-hoi-huyen-phu-cat-xxiii", "not in the calendar"));
		assertThat(draft.channels()).containsExactly("radio", "email");
		assertThat(draft.units()).containsExactly("Ban Tuyên giáo Huyện ủy");
		assertThat(draft.signer()).extracting("name", "role", "onBehalfOf")
			.containsExactly("Trần Văn Hùng", "BÍ THƯ", "T/M BAN THƯỜNG VỤ");
	}

	/**
	 * Values read but unlikely to be right are flagged for the editor: a document kind as
	 * the place, a section heading read into the signature; and the report says which
	 * line was taken as the heading and why.
	 */
	@Test
	void flagsImplausibleValuesAndSaysWhichLineIsTheHeading() {
		PlanDraft draft = parse("""
				ỦY BAN NHÂN DÂN
				XÃ AN PHÚ
				Số: 5/KH-UBND
				Kế hoạch, ngày 02 tháng 3 năm 2025

				KẾ HOẠCH
				tuyên truyền kỷ niệm 50 năm Ngày giải phóng miền Nam (30/4/1975 - 30/4/2025) và các hoạt động

				văn hóa, văn nghệ, thể dục thể thao chào mừng, tổ chức thực hiện các nội dung tuyên truyền

				trên hệ thống đài truyền thanh, trang thông tin điện tử và mạng xã hội của xã trong năm 2025

				theo hướng dẫn của cấp trên về mục đích, yêu cầu và nội dung tuyên truyền của xã An Phú

				I. MỤC ĐÍCH, YÊU CẦU
				Tuyên truyền sâu rộng.
				""");
		assertThat(draft.heading()).extracting("reason", "text", "line")
			.containsExactly(PlanDraft.Heading.Reason.UNDER_HEADER, "KẾ HOẠCH", 6);
		assertThat(draft.warnings()).as(draft.report())
			.extracting(Warning::code)
			.contains("identity.place-implausible", "closing.signer-implausible");
	}

	/**
	 * A news write-up has no header block: its lead names the plan. Number, date and
	 * issuer come from there, the sentence's adverbs left out and the abbreviation
	 * written out; the plan's own number is not a document it implements.
	 */
	@Test
	void readsANewsWriteUpFromItsLead() {
		PlanDraft draft = parse(
				"""
						Hòa Vang tuyên truyền kỷ niệm 50 năm Ngày giải phóng miền Nam

						Cập nhật: 10/3/2025

						UBND huyện Hòa Vang vừa ban hành Kế hoạch số 52/KH-UBND ngày 05/3/2025 về tuyên truyền kỷ niệm 50 năm Ngày giải phóng hoàn toàn miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025).

						Kế hoạch nhằm thực hiện Kế hoạch số 31-KH/TU ngày 20/02/2025 của Ban Thường vụ Thành ủy về tổ chức kỷ niệm.
						""");
		assertThat(draft.number()).isEqualTo("52/KH-UBND");
		assertThat(draft.date()).isEqualTo(LocalDate.of(2025, 3, 5));
		assertThat(draft.issuer()).isEqualTo("Ủy ban nhân dân huyện Hòa Vang");
		assertThat(draft.heading()).extracting("reason").isEqualTo(PlanDraft.Heading.Reason.LEAD);
		assertThat(draft.implementsDocuments()).singleElement().asString().contains("31-KH/TU");
		assertThat(draft.anniversaries()).extracting("id", "ordinal").containsExactly(tuple("giai-phong-mien-nam", 50));
	}

	@Test
	void readsMonthsAPeakAndAnExactRange() {
		PlanDraft draft = parse(Fixtures.PROVINCE);
		assertThat(draft.issuer()).isEqualTo("Ban Tuyên giáo Tỉnh ủy Thái Bình");
		assertThat(draft.implementsDocuments())
			.containsExactly("Kế hoạch số 15-KH/TU, ngày 10/01/2025 của Ban Thường vụ Tỉnh ủy");
		assertThat(draft.phases()).extracting(PhaseDraft::name, PhaseDraft::start, PhaseDraft::end, PhaseDraft::peak)
			.containsExactly(tuple("Từ tháng 3-5/2025", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 31), false),
					tuple("Cao điểm tháng 3, 4/2025", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 30), true),
					tuple("Từ ngày 28/3/2023 đến hết ngày 05/4/2023", LocalDate.of(2023, 3, 28),
							LocalDate.of(2023, 4, 5), false));
		// "Nhắc lại ... 91 năm (3/2/1930 – 3/2/2021)" in a plan of 2025 recalls an
		// occurrence four years gone: read, reported, and not a target.
		assertThat(draft.anniversaries()).extracting("id", "ordinal").containsExactly(tuple("quoc-te-lao-dong", null));
		assertThat(draft.warnings()).filteredOn((w) -> w.code().equals("anniversary.recalled"))
			.extracting(Warning::line, Warning::message)
			.containsExactly(tuple(12, "'Nhắc lại kỷ niệm 91 năm Ngày thành lập Đảng 3/2/1930 – 3/2/2021' recalls what "
					+ "was already held: not added as a target"));
	}

	@Test
	void startsFromNowOnThePlansDateAndEndsAtTheCongress() {
		PlanDraft draft = parse(Fixtures.CITY);
		assertThat(draft.issuer()).isEqualTo("Ban Thường vụ Thành ủy Vũng Tàu");
		assertThat(draft.extracted()).filteredOn((e) -> e.field().equals("issuer.header"))
			.extracting("value")
			.containsExactly("ĐẢNG BỘ TỈNH BÀ RỊA - VŨNG TÀU", "BAN THƯỜNG VỤ THÀNH ỦY");
		assertThat(draft.implementsDocuments())
			.containsExactly("Hướng dẫn số 193-HD/BTGTU, ngày 03/10/2024 của Ban Tuyên giáo Tỉnh ủy Bà Rịa - Vũng Tàu");
		assertThat(draft.phases()).extracting(PhaseDraft::name, PhaseDraft::start, PhaseDraft::end, PhaseDraft::until)
			.containsExactly(
					tuple("Giai đoạn từ nay đến hết năm 2024", LocalDate.of(2024, 10, 10), LocalDate.of(2024, 12, 31),
							null),
					tuple("Giai đoạn từ năm 2025 đến Đại hội XIV của Đảng", LocalDate.of(2025, 1, 1), null,
							"dai-hoi-xiv"));
		assertThat(draft.warnings()).extracting(Warning::message).noneMatch((m) -> m.contains("từ nay"));
		assertThat(draft.eventIds()).containsExactly("dai-hoi-xiv", "dai-hoi-tinh-ba-ria-vung-tau-viii");
		assertThat(draft.anniversaryIds()).containsExactly("thanh-lap-dang");
		assertThat(draft.channels()).containsExactly("radio", "feed");
	}

	@Test
	void warnsOfAPhaseWithoutAnEnd() {
		PlanDraft draft = parse("KẾ HOẠCH\ntuyên truyền\n\nI. NỘI DUNG\n\n1. Giai đoạn 1: tuyên truyền sâu rộng.\n");
		assertThat(draft.phases()).singleElement().satisfies((phase) -> {
			assertThat(phase.name()).isEqualTo("Giai đoạn 1");
			assertThat(phase.complete()).isFalse();
		});
		assertThat(draft.warnings()).extracting(Warning::line, Warning::message)
			.contains(tuple(6, "phase 'Giai đoạn 1' has no end: enter one"));
		assertThat(draft.toYaml()).contains("# left out, it lacks a start: Giai đoạn 1")
			.doesNotContain("phases:\n    -");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930-03/02/2025). | thanh-lap-dang | 95
					Kỷ niệm 91 năm Ngày thành lập Đảng 3/2/1930 – 3/2/2021.                        | thanh-lap-dang | 91
					Kỷ niệm 50 năm Ngày giải phóng miền Nam (30.4.1975 - 30.4.2025).              | giai-phong-mien-nam | 50
					Kỷ niệm Chiến thắng Điện Biên Phủ (07-5-1954).                                  | chien-thang-dien-bien-phu |
					Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954—07/5/2024).                 | chien-thang-dien-bien-phu | 70
					Kỷ niệm 80 năm Ngày truyền thống Công an nhân dân (19/8/1945 - 19/8/2025).     | truyen-thong-cong-an-nhan-dan | 80
					Kỷ niệm 56 năm Ngày mất Chủ tịch Hồ Chí Minh (02/9/1969 - 02/9/2025).          | ngay-mat-bac-ho | 56
					Chào mừng Quốc khánh 2/9.                                                       | quoc-khanh |
					""")
	void readsEveryWrittenDateForm(String line, String id, Integer ordinal) {
		PlanDraft draft = parse("KẾ HOẠCH\ntuyên truyền năm 2025\n\nI. NỘI DUNG\n\n1. " + line + "\n");
		assertThat(draft.anniversaries()).extracting("id", "ordinal").containsExactly(tuple(id, ordinal));
	}

	@Test
	void warnsOfAnOrdinalThatDisagreesWithItsDates() {
		PlanDraft draft = parse("KẾ HOẠCH\ntuyên truyền\n\nI. NỘI DUNG\n\n1. Kỷ niệm 71 năm Ngày thành lập"
				+ " Hợp tác xã (16/11/1974-16/11/2018).\n");
		assertThat(draft.warnings()).extracting(Warning::line, Warning::message)
			.anySatisfy((w) -> assertThat(w.toList()).first().isEqualTo(6))
			.anySatisfy((w) -> assertThat(w.toList().get(1).toString()).contains("says 71 năm", "44 years apart"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("variants")
	void givesTheSameResultWhateverTheCopyDoesToTheText(String fixture, String variant, UnaryOperator<String> change) {
		String text = FIXTURES.get(fixture);
		assertThat(change.apply(text)).isNotEqualTo(text);
		PlanDraft clean = parse(text);
		PlanDraft changed = parse(change.apply(text));
		assertThat(summary(changed)).isEqualTo(summary(clean));
	}

	static Stream<Arguments> variants() {
		Map<String, UnaryOperator<String>> changes = Map.of("hard line breaks", PlanParserTests::breakLines,
				"glued words", PlanParserTests::glue, "NFD", (text) -> Normalizer.normalize(text, Normalizer.Form.NFD),
				"bold, footnotes and page numbers", PlanParserTests::decorate);
		List<Arguments> arguments = new ArrayList<>();
		FIXTURES.keySet()
			.stream()
			.sorted()
			.forEach(
					(fixture) -> changes.forEach((name, change) -> arguments.add(Arguments.of(fixture, name, change))));
		return arguments.stream();
	}

	@ParameterizedTest
	@ValueSource(strings = { "guidance", "commune", "district", "province", "city" })
	void writesYamlThatLoadsBesideTheShippedCalendarWithoutProblems(String fixture) throws IOException {
		PlanDraft draft = parse(FIXTURES.get(fixture));
		Path calendar = CalendarCopies.copy(this.temp);
		Files.writeString(calendar.resolve("plans").resolve(draft.id() + ".yaml"), draft.toYaml());
		CalendarLoad load = CalendarLoader.load(calendar);
		assertThat(load.problems()).isEmpty();
		assertThat(load.book().plan(draft.id())).hasValueSatisfying((plan) -> {
			assertThat(plan.number()).isEqualTo(draft.number());
			assertThat(plan.anniversaries()).isEqualTo(draft.anniversaryIds());
			assertThat(plan.events()).isEqualTo(draft.eventIds());
			assertThat(plan.phases()).hasSize((int) draft.phases().stream().filter(PhaseDraft::complete).count());
			assertThat(plan).isEqualTo(draft.toPlan());
		});
		for (var proposed : draft.proposedAnniversaries()) {
			assertThat(load.book().anniversary(proposed.id())).isPresent();
		}
		for (var proposed : draft.proposedEvents()) {
			assertThat(load.book().event(proposed.id())).isPresent();
		}
	}

	@Test
	void reportsEachValueWithItsLineThenTheWarnings() {
		String report = parse(Fixtures.DISTRICT).report();
		assertThat(report).contains("Số / Number: 120-KH/HU (dòng/line 4)")
			.contains("Ngày ban hành / Date: 05/09/2022 (dòng/line 4)")
			.contains("Giai đoạn / Phase: Quý IV/2022 [01/10/2022 – 31/12/2022] (dòng/line 19)")
			.contains("Người ký / Signer: Trần Văn Hùng (dòng/line 38)")
			.contains("Cần kiểm tra / Warnings:")
			.contains("dòng/line 15: event 'Đại hội đại biểu Đảng bộ huyện Phù Cát");
	}

	/** Everything a draft says except the lines. */
	private static List<Object> summary(PlanDraft draft) {
		return List.of(draft.toYaml(), draft.units(), draft.notes(), draft.channels(),
				List.of(String.valueOf(draft.signer().name()), String.valueOf(draft.signer().role()),
						String.valueOf(draft.signer().onBehalfOf())),
				draft.warnings().stream().map(Warning::message).toList());
	}

	/**
	 * Breaks long lines before a lowercase word, sometimes with a blank line, as PDFs do.
	 */
	private static String breakLines(String text) {
		StringBuilder out = new StringBuilder();
		int count = 0;
		for (String line : text.split("\n", -1)) {
			String rest = line;
			while (rest.length() > 70) {
				int cut = rest.indexOf(' ', 40);
				while (cut > 0 && (cut + 1 >= rest.length() || !Character.isLowerCase(rest.charAt(cut + 1))
						|| ".;:".indexOf(rest.charAt(cut - 1)) >= 0)) {
					cut = rest.indexOf(' ', cut + 1);
				}
				if (cut < 0) {
					break;
				}
				out.append(rest, 0, cut).append((count++ % 2 == 0) ? "\n\n" : "\n");
				rest = rest.substring(cut + 1);
			}
			out.append(rest).append('\n');
		}
		return out.toString();
	}

	private static String glue(String text) {
		return text.replace("KẾ HOẠCH", "KẾHOẠCH")
			.replace("Kế hoạch", "Kếhoạch")
			.replace("từ nay", "từnay")
			.replace("Giai đoạn", "Giaiđoạn")
			.replace("Đại hội", "Đạihội")
			.replace("Nơi nhận", "Nơinhận")
			.replace("Thời gian", "Thờigian")
			.replace("ban hành", "banhành")
			.replace("xây dựng kế hoạch", "xâydựng kếhoạch");
	}

	/** Adds what Markdown and Word copies carry: bold, footnote markers, page numbers. */
	private static String decorate(String text) {
		return text.replace("KẾ HOẠCH", "## **KẾ HOẠCH**")
			.replace("HƯỚNG DẪN\n", "**HƯỚNG DẪN**\n")
			.replace("Nơi nhận:", "**Nơi nhận:**")
			.replace("tổ chức thực hiện kế hoạch.", "tổ chức thực hiện kế hoạch¹.")
			.replaceFirst("\nI", "\n- 2 -\n\nI");
	}

	@Test
	void aNewsPageReadsThePassiveLeadTakesTheYearFromItsDatelineAndStopsAtItsRelatedLinks() {
		PlanDraft draft = parse(
				"""
						CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐIỆN BIÊN
						Thứ Sáu, 15/9/2023 - 08:30
						Chiều 14/9, Kế hoạch số 3215/KH-UBND tổ chức các hoạt động kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024) vừa được UBND tỉnh Điện Biên ban hành.
						Kế hoạch được ban hành căn cứ Kế hoạch số 188-KH/TU ngày 30/8/2023 của Ban Thường vụ Tỉnh ủy.
						Giai đoạn 1, từ khi ban hành kế hoạch đến hết tháng 02/2024: chuẩn bị.
						Đợt cao điểm diễn ra từ ngày 01/3 đến ngày 10/5/2024.
						TIN LIÊN QUAN
						- Sơn La ban hành kế hoạch kỷ niệm 50 năm Ngày Giải phóng miền Nam (27/02/2025)
						""");
		assertThat(draft.number()).isEqualTo("3215/KH-UBND");
		assertThat(draft.date()).as("the lead's day, in the dateline's year").isEqualTo(LocalDate.of(2023, 9, 14));
		assertThat(draft.issuer()).isEqualTo("Ủy ban nhân dân tỉnh Điện Biên");
		assertThat(draft.implementsDocuments())
			.containsExactly("Kế hoạch số 188-KH/TU ngày 30/8/2023 của Ban Thường vụ Tỉnh ủy");
		assertThat(draft.phases()).extracting(PhaseDraft::start, PhaseDraft::end)
			.containsExactly(tuple(LocalDate.of(2023, 9, 14), LocalDate.of(2024, 2, 29)),
					tuple(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 5, 10)));
		assertThat(draft.anniversaries()).extracting("id", "ordinal")
			.containsExactly(tuple("chien-thang-dien-bien-phu", 70));
	}

	@Test
	void aDatelessLeadTakesItsYearFromThePagesDateline() {
		PlanDraft draft = parse("""
				Thứ Sáu, 28/02/2025 - 17:42
				(TTXN) - Chiều 28/2, UBND tỉnh Nghệ An ban hành Kế hoạch số 120/KH-UBND tổ chức các hoạt động kỷ niệm.
				""");
		assertThat(draft.date()).isEqualTo(LocalDate.of(2025, 2, 28));
		assertThat(draft.number()).isEqualTo("120/KH-UBND");
	}

	@Test
	void anniversariesRecalledOrLeftOutsideThePlanAreNotTargets() {
		PlanDraft draft = parse(
				"""
						ỦY BAN NHÂN DÂN
						XÃ AN PHÚ
						Số: 15/KH-UBND                     An Phú, ngày 10 tháng 3 năm 2025
						KẾ HOẠCH
						Tuyên truyền các ngày lễ lớn quý II năm 2025
						I. MỤC ĐÍCH, YÊU CẦU
						1. Phát huy kết quả các hoạt động kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025), tiếp tục tuyên truyền kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025).
						2. Năm 2024 vừa qua, xã đã tổ chức thành công kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024).
						3. Các hoạt động kỷ niệm 80 năm Ngày Thể thao Việt Nam (27/3/1946 - 27/3/2026) thực hiện theo kế hoạch riêng, không thuộc phạm vi Kế hoạch này.
						4. Tuyên truyền Giỗ Tổ Hùng Vương (mùng 10 tháng 3 âm lịch). Không khí mừng Xuân Ất Tỵ vừa qua còn lan tỏa.
						""");
		assertThat(draft.anniversaries()).extracting("id", "ordinal")
			.containsExactly(tuple("giai-phong-mien-nam", 50), tuple("gio-to-hung-vuong", null));
		assertThat(draft.warnings()).extracting(Warning::code).contains("anniversary.recalled", "anniversary.excluded");
	}

	@Test
	void phasesByQuarterListsWordsAndABareCongress() {
		PlanDraft draft = parse("""
				ĐẢNG BỘ TỈNH ĐIỆN BIÊN
				HUYỆN ỦY TUẦN GIÁO
				Số 41-KH/HU                     Tuần Giáo, ngày 05 tháng 11 năm 2025
				KẾ HOẠCH
				Tuyên truyền Đại hội đại biểu toàn quốc lần thứ XIV của Đảng
				1. Đợt 1: Quý II và quý III năm 2026.
				2. Đợt 2: Từ mùng một tháng Mười đến ngày mười tám tháng Mười một năm 2026.
				3. Đợt 3 bắt đầu từ ngày 01/12/2025 và kéo dài đến khi khai mạc Đại hội.
				T/M BAN THƯỜNG VỤ
				PHÓ BÍ THƯ
				Nguyễn Văn A
				""");
		assertThat(draft.issuer()).isEqualTo("Ban Thường vụ Huyện ủy Tuần Giáo");
		assertThat(draft.phases()).extracting(PhaseDraft::start, PhaseDraft::end, PhaseDraft::until)
			.containsExactly(tuple(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 9, 30), null),
					tuple(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 18), null),
					tuple(LocalDate.of(2025, 12, 1), null, "dai-hoi-xiv"));
	}

	/**
	 * A phase that ends on a lunar day ends on its solar day, and a known day named only
	 * by its date marks the next such day after the plan's: a plan of 26/12/2025 for the
	 * holidays of 2026 means the 140th Ngày Quốc tế Lao động.
	 */
	@Test
	void readsALunarEndAndTheOccurrenceOfADayNamedByItsDate() {
		PlanDraft draft = parse(
				"""
						ỦY BAN NHÂN DÂN
						TỈNH HÀ TĨNH
						Số: 7/KH-UBND
						Hà Tĩnh, ngày 26 tháng 12 năm 2025

						KẾ HOẠCH
						tuyên truyền các ngày lễ lớn năm 2026

						I. NỘI DUNG
						1. Kỷ niệm 51 năm Ngày Giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2026) và Ngày Quốc tế Lao động 01/5: treo cờ Tổ quốc.
						2. Thời gian: từ ngày 05/01/2026 đến hết Rằm tháng Giêng năm Bính Ngọ.
						""");
		assertThat(draft.phases()).extracting(PlanDraft.PhaseDraft::start, PlanDraft.PhaseDraft::end)
			.containsExactly(tuple(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 3)));
		assertThat(draft.anniversaries())
			.extracting(PlanDraft.AnniversaryMention::id, PlanDraft.AnniversaryMention::ordinal)
			.containsExactly(tuple("giai-phong-mien-nam", 51), tuple("quoc-te-lao-dong", 140));
	}

	/**
	 * Phases that start on a lunar day take its solar day, and a phase that starts when
	 * an undated event ends has no start but keeps the event it runs until.
	 */
	@Test
	void readsALunarStartAndAPhaseThatStartsWhenAnUndatedEventEnds() {
		PlanDraft tet = parse("""
				ỦY BAN NHÂN DÂN
				PHƯỜNG AN BÌNH
				Số: 3/KH-UBND
				An Bình, ngày 12 tháng 01 năm 2026

				KẾ HOẠCH
				tuyên truyền mừng Đảng, mừng Xuân Bính Ngọ

				I. THỜI GIAN
				1. Đợt 1: Từ ngày 15 tháng Chạp năm Ất Tỵ đến hết ngày mùng 7 tháng Giêng năm Bính Ngọ.
				2. Đợt 2: Từ ngày mùng 8 tháng Giêng đến hết Rằm tháng Giêng năm Bính Ngọ.
				""");
		assertThat(tet.phases()).extracting(PlanDraft.PhaseDraft::start, PlanDraft.PhaseDraft::end)
			.containsExactly(tuple(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 23)),
					tuple(LocalDate.of(2026, 2, 24), LocalDate.of(2026, 3, 3)));

		PlanDraft congresses = parse(
				"""
						ĐẢNG ỦY XÃ PHÚ LƯƠNG
						Số: 12-KH/ĐU
						Phú Lương, ngày 26 tháng 8 năm 2025

						KẾ HOẠCH
						tuyên truyền đại hội đảng các cấp

						II. CÁC GIAI ĐOẠN
						1. Giai đoạn 1: Từ nay đến khi kết thúc Đại hội đại biểu Đảng bộ tỉnh Thái Nguyên lần thứ XXI.
						2. Giai đoạn 2: Từ sau Đại hội đại biểu Đảng bộ tỉnh đến khi kết thúc Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.
						""");
		assertThat(congresses.phases())
			.extracting(PlanDraft.PhaseDraft::start, PlanDraft.PhaseDraft::end, PlanDraft.PhaseDraft::until)
			.containsExactly(tuple(LocalDate.of(2025, 8, 26), null, "dai-hoi-tinh-thai-nguyen-xxi"),
					tuple(null, null, "dai-hoi-xiv"));
	}

	/**
	 * A date written all in words, the year too; a ward named after two places; the trade
	 * union's abbreviation written out.
	 */
	@Test
	void readsADateAllInWordsAPlaceOfTwoNamesAndTheUnionsAbbreviation() {
		PlanDraft draft = parse("""
				TỔNG LĐLĐ VIỆT NAM                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
				LĐLĐ TỈNH ĐỒNG THÁP
				Số: 18-KH/LĐLĐ
				      Xuân Hương - Đà Lạt, ngày mười bảy tháng mười một năm hai nghìn không trăm hai mươi sáu

				KẾ HOẠCH
				tuyên truyền Tháng Công nhân
				""");
		assertThat(draft.date()).isEqualTo(LocalDate.of(2026, 11, 17));
		assertThat(draft.place()).isEqualTo("Xuân Hương - Đà Lạt");
		assertThat(draft.issuer()).isEqualTo("Liên đoàn Lao động tỉnh Đồng Tháp");
		assertThat(Numbers.year("hai nghin linh nam")).isEqualTo(2005);
		assertThat(Numbers.year("mot nghin chin tram bon muoi lam")).isEqualTo(1945);
	}

}
