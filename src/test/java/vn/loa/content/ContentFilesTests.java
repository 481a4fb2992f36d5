package vn.loa.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.CalendarLoader;
import vn.loa.calendar.CalendarProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ContentFilesTests {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final CalendarBook BOOK = CalendarLoader.load(Path.of("calendar")).book();

	@TempDir
	Path root;

	@Test
	void shippedContentLoadsWithoutProblems() {
		ContentFiles.Load load = ContentFiles.load(Path.of("content"), BOOK, VIETNAM);
		assertThat(load.problems()).isEmpty();
		assertThat(load.items()).extracting(ContentItem::id)
			.contains("thanh-lap-dang-2025", "giai-phong-mien-nam-2025", "sinh-nhat-bac-ho-2025",
					"cach-mang-thang-tam-2025", "quoc-khanh-2025", "quoc-khanh-2025-truoc-1-ngay",
					"443-kh-tu-giai-doan-1", "443-kh-tu-giai-doan-2");
		ContentItem eve = load.items()
			.stream()
			.filter((i) -> i.id().equals("quoc-khanh-2025-truoc-1-ngay"))
			.findFirst()
			.orElseThrow();
		assertThat(eve.dueAt()).hasToString("2025-08-31T23:00:00Z");
		assertThat(eve.staleAfter()).containsEntry(Outlet.EMAIL, Duration.ofHours(12));
		assertThat(eve.outlets()).containsExactlyInAnyOrder(Outlet.FEED, Outlet.EMAIL, Outlet.RADIO);
		assertThat(eve.title()).isEqualTo("Chuẩn bị kỷ niệm 80 năm Ngày Quốc khánh (02/9/1945 - 02/9/2025)");
		// 2025's content is kept as a record: a fresh install neither sends it nor lists
		// it
		// as missed. The coming year's is ready to go out.
		assertThat(load.items()).filteredOn((i) -> i.id().endsWith("-2025") || i.id().startsWith("quoc-khanh-2025"))
			.extracting(ContentItem::status)
			.containsOnly(ContentStatus.ARCHIVED);
		assertThat(load.items()).filteredOn((i) -> i.id().endsWith("-2027"))
			.extracting(ContentItem::id, ContentItem::status)
			.containsExactlyInAnyOrder(tuple("tong-tuyen-cu-2027", ContentStatus.SCHEDULED),
					tuple("thanh-lap-dang-2027", ContentStatus.SCHEDULED),
					tuple("tet-dinh-mui-2027", ContentStatus.SCHEDULED),
					tuple("gio-to-hung-vuong-2027", ContentStatus.SCHEDULED),
					tuple("giai-phong-mien-nam-2027", ContentStatus.SCHEDULED),
					tuple("sinh-nhat-bac-ho-2027", ContentStatus.SCHEDULED),
					tuple("quoc-khanh-2027", ContentStatus.SCHEDULED));
		// Tết Đinh Mùi and Giỗ Tổ fall on the lunar days, at 06:00 in Vietnam.
		assertThat(dueOf(load, "tet-dinh-mui-2027")).hasToString("2027-02-05T23:00:00Z");
		assertThat(dueOf(load, "gio-to-hung-vuong-2027")).hasToString("2027-04-15T23:00:00Z");
	}

	private static java.time.Instant dueOf(ContentFiles.Load load, String id) {
		return load.items().stream().filter((i) -> i.id().equals(id)).findFirst().orElseThrow().dueAt();
	}

	@Test
	void readsFrontMatterBodyAndRadioScript() throws IOException {
		write("good.md", """
				---
				id: bai-mot
				title: Bài một
				outlets: feed, radio
				when: anniversary quoc-khanh 2025, 06:00
				radio-script: |
				  Kính thưa bà con!
				---
				Nội dung **đậm**.
				""");
		ContentFiles.Load load = ContentFiles.load(this.root.resolve("content"), BOOK, VIETNAM);
		assertThat(load.problems()).isEmpty();
		ContentItem item = load.items().get(0);
		assertThat(item.body()).isEqualTo("Nội dung **đậm**.");
		assertThat(item.script()).isEqualTo("Kính thưa bà con!");
		assertThat(item.bodyHtml()).isEqualTo("<p>Nội dung <strong>đậm</strong>.</p>\n");
		assertThat(item.source()).isEqualTo("content/good.md");
		assertThat(item.status()).isEqualTo(ContentStatus.SCHEDULED);
	}

	@Test
	void reportsEachBadFileWithItsLineAndStillLoadsTheOthers() throws IOException {
		write("a-good.md", """
				---
				id: tot
				title: Tốt
				outlets: [feed]
				when: 2025-09-02 06:00
				---
				Thân bài.
				""");
		write("b-malformed.md", """
				---
				id: hong
				title: [chưa đóng
				outlets: [feed]
				---
				Thân bài.
				""");
		write("c-impossible.md", """
				---
				id: ngay-sai
				title: Ngày sai
				outlets: [feed]
				when: 30/02/2025 06:00
				---
				Thân bài.
				""");
		write("d-unknown.md", """
				---
				id: tham-chieu-sai
				title: Tham chiếu sai
				outlets: [email]
				when: anniversary quoc-khan 2025, 06:00
				---
				Thân bài.
				""");
		write("e-missing.md", """
				---
				id: thieu-tieu-de
				outlets: [radio]
				when: 2025-09-02 06:00
				---
				Thân bài.
				""");
		write("g-ordinal.md", """
				---
				id: sai-so-nam
				title: Kỷ niệm Ngày Nam Kỳ khởi nghĩa
				outlets: [feed]
				when: 2025-11-23 06:00
				---
				Mở đầu.

				Kỷ niệm 71 năm Ngày Nam Kỳ khởi nghĩa (16/11/1974-16/11/2018).
				""");
		write("f-outlet.md", """
				---
				id: kenh-sai
				title: Kênh sai
				outlets: [feed, tv]
				when: 2025-09-02 06:00
				---
				Thân bài.
				""");
		ContentFiles.Load load = ContentFiles.load(this.root.resolve("content"), BOOK, VIETNAM);
		assertThat(load.items()).extracting(ContentItem::id).containsExactly("tot");
		assertThat(load.problems()).extracting(CalendarProblem::toString)
			.satisfiesExactly(
					(p) -> assertThat(p).isEqualTo("content/b-malformed.md:4: malformed YAML: expected ',' or ']', "
							+ "but got : (while parsing a flow sequence started on line 3)"),
					(p) -> assertThat(p).startsWith("content/c-impossible.md:5: impossible date in '30/02/2025"),
					(p) -> assertThat(p).isEqualTo("content/d-unknown.md:5: unknown anniversary 'quoc-khan'"),
					(p) -> assertThat(p).isEqualTo("content/e-missing.md:2: missing required key 'title'"),
					(p) -> assertThat(p).startsWith("content/f-outlet.md:4: unknown outlet 'tv'"),
					(p) -> assertThat(p).isEqualTo("content/g-ordinal.md:9: '71 năm Ngày Nam Kỳ khởi nghĩa "
							+ "(16/11/1974-16/11/2018)' says 71 năm but its dates are 44 years apart"));
	}

	@Test
	void reportsEveryProblemOfAFileWithItsLineNotOnlyTheFirst() throws IOException {
		write("nhieu-loi.md", """
				---
				id: Nhiều Lỗi
				title: Kỷ niệm 79 năm Ngày Quốc khánh (02/9/1945 - 02/9/2025)
				organisation: xa-khong-co
				outlets: [feed, tv]
				when: 06:00, 1 ngày trước Kỷ niệm Ngày Không Có 2025
				priority: khẩn cấp
				colour: red
				---
				""");
		ContentFiles.Load load = ContentFiles.load(this.root.resolve("content"), BOOK, VIETNAM);
		assertThat(load.items()).isEmpty();
		assertThat(load.problems()).extracting(CalendarProblem::toString)
			.satisfiesExactly((p) -> assertThat(p).startsWith("content/nhieu-loi.md:2: id 'Nhiều Lỗi' must be"),
					(p) -> assertThat(p).startsWith("content/nhieu-loi.md:3: '79 năm Ngày Quốc khánh"),
					(p) -> assertThat(p).isEqualTo("content/nhieu-loi.md:4: unknown organisation 'xa-khong-co'"),
					(p) -> assertThat(p).startsWith("content/nhieu-loi.md:5: unknown outlet 'tv'"),
					(p) -> assertThat(p).isEqualTo("content/nhieu-loi.md:6: no anniversary or event of the calendar "
							+ "is called 'Ngày Không Có'"),
					(p) -> assertThat(p).startsWith("content/nhieu-loi.md:7: "),
					(p) -> assertThat(p).startsWith("content/nhieu-loi.md:8: unknown key 'colour'"),
					(p) -> assertThat(p).isEqualTo("content/nhieu-loi.md:10: the body is empty"));
	}

	@Test
	void refusesAHostileIdAndADuplicateId() throws IOException {
		write("a.md", """
				---
				id: trung
				title: Một
				outlets: [feed]
				when: 2025-09-02 06:00
				---
				Thân bài.
				""");
		write("b.md", """
				---
				id: trung
				title: Hai
				outlets: [feed]
				when: 2025-09-02 06:00
				---
				Thân bài.
				""");
		write("c.md", """
				---
				id: "../../etc/passwd"
				title: Ba
				outlets: [feed]
				when: 2025-09-02 06:00
				---
				Thân bài.
				""");
		ContentFiles.Load load = ContentFiles.load(this.root.resolve("content"), BOOK, VIETNAM);
		assertThat(load.items()).extracting(ContentItem::title).containsExactly("Một");
		assertThat(load.problems()).extracting(CalendarProblem::toString)
			.containsExactly("content/b.md:2: duplicate id 'trung' (already in content/a.md)",
					"content/c.md:2: id '../../etc/passwd' must be lower-case letters, digits and dashes");
	}

	/**
	 * A file says how urgently its item goes on air in English or Vietnamese; an
	 * emergency is refused with its line (only the desk's emergency page issues one), and
	 * an unknown level names the two there are.
	 */
	@Test
	void readsThePriorityInEitherLanguageAndRefusesAnEmergencyOrAnUnknownLevel() throws IOException {
		write("a.md", """
				---
				id: uu-tien
				title: Ưu tiên
				outlets: [radio]
				priority: ưu tiên
				when: 2025-09-02 06:00
				---
				Thân bài.
				""");
		write("b.md", """
				---
				id: uu-tien-en
				title: Priority
				outlets: [radio]
				priority: priority
				when: 2025-09-02 06:00
				---
				Thân bài.
				""");
		write("c.md", """
				---
				id: thuong
				title: Thường
				outlets: [radio]
				when: 2025-09-02 06:00
				---
				Thân bài.
				""");
		write("d.md", """
				---
				id: khan-cap
				title: Khẩn cấp
				outlets: [radio]
				when: 2025-09-02 06:00
				priority: khẩn cấp
				---
				Thân bài.
				""");
		write("e.md", """
				---
				id: gap
				title: Gấp
				outlets: [radio]
				priority: gấp
				when: 2025-09-02 06:00
				---
				Thân bài.
				""");
		ContentFiles.Load load = ContentFiles.load(this.root.resolve("content"), BOOK, VIETNAM);
		assertThat(load.items()).extracting(ContentItem::id, ContentItem::priority)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("uu-tien", Priority.PRIORITY),
					org.assertj.core.groups.Tuple.tuple("uu-tien-en", Priority.PRIORITY),
					org.assertj.core.groups.Tuple.tuple("thuong", Priority.NORMAL));
		assertThat(load.problems()).extracting(CalendarProblem::toString)
			.containsExactly(
					"content/d.md:6: priority: an emergency (khẩn cấp) is issued at the desk's Khẩn cấp page, "
							+ "by someone who holds that role; write normal or priority",
					"content/e.md:5: unknown priority 'gấp': write normal (thông thường) or priority (ưu tiên)");
	}

	@Test
	void refusesControlCharactersWrittenOrEscapedWithTheirLineAndNormalisesWordLineBreaks() throws IOException {
		write("a-raw.md", "---\nid: tho\ntitle: Chào mừng\u0007 Quốc khánh\noutlets: [feed]\n"
				+ "when: 2025-09-02 06:00\n---\nThân bài.\n");
		write("b-escaped.md", """
				---
				id: thoat
				outlets: [feed]
				title: "Chào mừng\\a Quốc khánh"
				when: 2025-09-02 06:00
				---
				Thân bài.
				""");
		write("c-body.md", "---\nid: than-bai\ntitle: Bài\noutlets: [feed]\nwhen: 2025-09-02 06:00\n---\n"
				+ "Dòng một.\n\nDòng hai \u001B[31m đỏ.\n");
		write("d-word.md", "---\nid: word\ntitle: \"Kỷ niệm\\v80 năm\"\noutlets: [feed]\nwhen: 2025-09-02 06:00\n"
				+ "radio-script: \"Kính thưa\\vbà con\"\n---\nĐoạn một\u000Bđoạn hai.\n");
		ContentFiles.Load load = ContentFiles.load(this.root.resolve("content"), BOOK, VIETNAM);
		assertThat(load.problems()).extracting(CalendarProblem::toString)
			.containsExactly(
					"content/a-raw.md:3: control character U+0007 BEL at column 17: no outlet can carry it; remove it",
					"content/b-escaped.md:4: 'title' contains the control character U+0007 BEL: no outlet can carry it; "
							+ "remove it",
					"content/c-body.md:9: control character U+001B ESCAPE at column 10: no outlet can carry it; "
							+ "remove it");
		ContentItem word = load.items().get(0);
		assertThat(word.title()).isEqualTo("Kỷ niệm 80 năm");
		assertThat(word.radioScript()).isEqualTo("Kính thưa\nbà con");
		assertThat(word.body()).isEqualTo("Đoạn một\nđoạn hai.");
	}

	private void write(String name, String text) throws IOException {
		Path file = this.root.resolve("content").resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

}
