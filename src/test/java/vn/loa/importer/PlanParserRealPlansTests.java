package vn.loa.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.CalendarLoad;
import vn.loa.calendar.CalendarLoader;
import vn.loa.calendar.Plan;
import vn.loa.importer.PlanDraft.PhaseDraft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The three real plans of {@code ../shared/plans}, each read completely and compared with
 * what was entered by hand in {@code calendar/plans/}.
 */
class PlanParserRealPlansTests {

	private static final CalendarBook BOOK = PlanTexts.book();

	@TempDir
	Path temp;

	@Test
	void readsTheCityPlanWithTwoPhasesFiveAnniversariesAndThreeCongresses() throws IOException {
		PlanDraft draft = new PlanParser().parse(PlanTexts.shared("003_9ee6e02dc63f817c.txt"), BOOK);
		assertThat(draft.id()).isEqualTo("443-kh-tu");
		assertThat(draft.kind()).isEqualTo("KẾ HOẠCH");
		assertThat(draft.number()).isEqualTo("443-KH/TU");
		assertThat(draft.issuer()).isEqualTo("Ban Thường vụ Thành ủy Vũng Tàu");
		assertThat(draft.place()).isNull();
		assertThat(draft.date()).isNull();
		assertThat(draft.title()).isEqualTo(
				"Tuyên truyền những chủ đề lớn, trọng tâm từ nay đến Đại hội đại biểu toàn quốc lần thứ XIV của Đảng");
		assertThat(draft.implementsDocuments())
			.containsExactly("Hướng dẫn số 193-HD/BTGTU, ngày 03/10/2024 của Ban Tuyên giáo Tỉnh ủy Bà Rịa - Vũng Tàu");
		assertThat(draft.phases())
			.extracting(PhaseDraft::name, PhaseDraft::start, PhaseDraft::end, PhaseDraft::until, PhaseDraft::line)
			.containsExactly(
					tuple("Giai đoạn từ nay đến hết năm 2024", LocalDate.of(2024, 10, 3), LocalDate.of(2024, 12, 31),
							null, 34),
					tuple("Giai đoạn từ năm 2025 đến Đại hội XIV của Đảng", LocalDate.of(2025, 1, 1), null,
							"dai-hoi-xiv", 76));
		assertThat(draft.warnings()).anySatisfy((w) -> {
			assertThat(w.line()).isEqualTo(34);
			assertThat(w.message()).contains("03/10/2024", "193-HD/BTGTU", "latest document it implements");
		});
		assertThat(draft.anniversaries()).extracting("id", "ordinal")
			.containsExactlyInAnyOrder(tuple("thanh-lap-dang", 95), tuple("giai-phong-mien-nam", 50),
					tuple("sinh-nhat-bac-ho", 135), tuple("quoc-khanh", 80), tuple("tong-tuyen-cu", 80));
		assertThat(draft.eventIds()).containsExactlyInAnyOrder("dai-hoi-thanh-pho-vung-tau-viii",
				"dai-hoi-tinh-ba-ria-vung-tau-viii", "dai-hoi-xiv");
		assertThat(draft.proposedAnniversaries()).isEmpty();
		assertThat(draft.proposedEvents()).isEmpty();
		assertThat(draft.channels()).containsExactly("radio", "feed", "email");
		assertThat(draft.outlets()).extracting("channel", "phrase", "line")
			.containsExactly(tuple("email", "Bản tin", 88), tuple("feed", "Trang thông tin điện tử", 90),
					tuple("radio", "phát thanh không dây", 90));
		assertThat(draft.notes()).contains("hội nghị", "văn nghệ", "panô", "mạng xã hội", "Internet");
		assertThat(draft.units()).containsExactly("Các Đảng bộ, chi bộ trực thuộc",
				"Ủy ban MTTQ Việt Nam và các tổ chức chính trị - xã hội Thành phố", "Ban Chỉ đạo 35 Thành phố",
				"Ủy Ban Nhân dân Thành phố chỉ đạo Phòng Văn hóa và Thông tin Thành phố");
		assertThat(draft.signer()).extracting("name", "role", "onBehalfOf", "line")
			.containsExactly("Lê Thị Thanh Bình", null, null, 139);
		matchesTheHandEnteredPlan(draft, "443-kh-tu");
	}

	@Test
	void readsTheDistrictPlanWithItsDateGrassrootsRadioAndBulletin() throws IOException {
		PlanDraft draft = new PlanParser().parse(PlanTexts.shared("002_bb3b870833e9e8a7.txt"), BOOK);
		assertThat(draft.id()).isEqualTo("83-kh-hu");
		assertThat(draft.number()).isEqualTo("83-KH/HU");
		assertThat(draft.issuer()).isEqualTo("Ban Thường vụ Huyện ủy Tuy Phước");
		assertThat(draft.place()).isEqualTo("Tuy Phước");
		assertThat(draft.date()).isEqualTo(LocalDate.of(2023, 7, 28));
		assertThat(draft.title()).isEqualTo("Đẩy mạnh tuyên truyền về công tác xây dựng Đảng và hệ thống chính trị");
		assertThat(draft.implementsDocuments())
			.containsExactly("Hướng dẫn số 74-HD/BTGTU ngày 07/7/2023 của Ban Tuyên giáo Tỉnh ủy");
		assertThat(draft.phases()).isEmpty();
		assertThat(draft.anniversaries()).isEmpty();
		assertThat(draft.events()).isEmpty();
		assertThat(draft.outlets()).extracting("channel", "phrase", "line")
			.containsExactly(tuple("feed", "trang thông tin điện tử", 44), tuple("feed", "cổng thông tin điện tử", 44),
					tuple("radio", "đài phát thanh cơ sở", 46), tuple("email", "bản tin", 48));
		assertThat(draft.notes()).contains("báo chí", "mạng xã hội", "cổ động trực quan", "truyền thông lưu động",
				"hội nghị");
		assertThat(draft.units()).containsExactly("Ban Tuyên giáo Huyện ủy", "Ban Tổ chức Huyện ủy",
				"Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội huyện", "Phòng Văn hóa - Thông tin huyện",
				"Trung tâm Văn hóa – Thông tin - Thể thao huyện", "Các tổ chức cơ sở đảng trực thuộc Huyện ủy");
		assertThat(draft.signer()).extracting("name", "role", "onBehalfOf", "line")
			.containsExactly("Nguyễn Đình Thuận", "PHÓ BÍ THƯ", "T/M BAN THƯỜNG VỤ", 106);
		assertThat(draft.extracted()).contains(new PlanDraft.Extracted("number", "83-KH/HU", 6),
				new PlanDraft.Extracted("date", "28/07/2023", 3), new PlanDraft.Extracted("place", "Tuy Phước", 3));
		matchesTheHandEnteredPlan(draft, "83-kh-hu");
	}

	@Test
	void readsTheCommunePlanWithoutNumberItsPlenumAndItsCongresses() throws IOException {
		PlanDraft draft = new PlanParser().parse(PlanTexts.shared("001_d9d819c7857a47e2.txt"), BOOK);
		assertThat(draft.id()).isEqualTo("ke-hoach-ket-qua-hoi-nghi-12-khoa-xiii");
		assertThat(draft.number()).isNull();
		assertThat(draft.code()).isNull();
		assertThat(draft.issuer()).isEqualTo("Ban Thường vụ Đảng ủy xã");
		assertThat(draft.place()).isNull();
		assertThat(draft.date()).isNull();
		assertThat(draft.title())
			.isEqualTo("Tuyên truyền kết quả Hội nghị lần thứ 12 Ban Chấp hành Trung ương Đảng khóa XIII");
		assertThat(draft.implementsDocuments())
			.containsExactly("Hướng dẫn số 06-HD/BTGDVTU, ngày 06/8/2025 của Ban Tuyên giáo và Dân vận Tỉnh ủy");
		assertThat(draft.phases()).isEmpty();
		assertThat(draft.anniversaries()).extracting("id", "ordinal")
			.containsExactlyInAnyOrder(tuple("cach-mang-thang-tam", 80), tuple("quoc-khanh", 80));
		assertThat(draft.eventIds()).containsExactlyInAnyOrder("hoi-nghi-tw-12-khoa-xiii",
				"chinh-quyen-cach-mang-thai-nguyen-80-nam", "dai-hoi-tinh-thai-nguyen-xxi", "dai-hoi-xiv");
		assertThat(draft.proposedEvents()).isEmpty();
		assertThat(draft.channels()).containsExactly("feed", "email");
		assertThat(draft.notes()).contains("hội nghị", "mạng xã hội", "phương tiện thông tin đại chúng");
		assertThat(draft.units()).containsExactly(
				"Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội, các chi, đảng bộ trực thuộc",
				"Ban Xây dựng Đảng", "Ủy ban nhân dân xã",
				"Trung tâm truyền thông liên xã Bằng Thành, Cao Minh, Nghiên Loan");
		// The list's own punctuation is not part of a name.
		assertThat(draft.recipients()).containsExactly("Thường trực Đảng ủy", "Lãnh đạo UBND xã", "Ban Xây dựng Đảng",
				"Cơ quan Ủy ban MTTQ VN xã (thực hiện)", "Các chi, đảng bộ trực thuộc", "TT Truyền thông liên xã",
				"Lưu Văn phòng Đảng ủy");
		assertThat(draft.signer()).extracting("name", "role", "onBehalfOf", "line")
			.containsExactly("Lâm Văn Diễn", "PHÓ BÍ THƯ", "T/M BAN THƯỜNG VỤ", 141);
		matchesTheHandEnteredPlan(draft, "ke-hoach-hoi-nghi-12-xa");
	}

	/**
	 * The draft's YAML, in place of the hand-entered file beside the shipped calendar,
	 * loads without a problem and says what the hand-entered plan says.
	 */
	private void matchesTheHandEnteredPlan(PlanDraft draft, String handEntered) throws IOException {
		Plan expected = BOOK.plan(handEntered).orElseThrow();
		Path calendar = CalendarCopies.copy(this.temp);
		Files.delete(calendar.resolve("plans").resolve(handEntered + ".yaml"));
		Files.writeString(calendar.resolve("plans").resolve(draft.id() + ".yaml"), draft.toYaml());
		CalendarLoad load = CalendarLoader.load(calendar);
		assertThat(load.problems()).isEmpty();
		Plan read = load.book().plan(draft.id()).orElseThrow();
		assertThat(read).usingRecursiveComparison()
			.ignoringFields("id", "organisation", "anniversaries", "events")
			.isEqualTo(expected);
		assertThat(read.anniversaries()).containsExactlyInAnyOrderElementsOf(expected.anniversaries());
		assertThat(read.events()).containsExactlyInAnyOrderElementsOf(expected.events());
		assertThat(read.organisation()).isEqualTo("default");
	}

}
