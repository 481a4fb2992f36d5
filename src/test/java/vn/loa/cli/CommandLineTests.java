package vn.loa.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.loa.LoaApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar as a command line: {@code check} and {@code calendar}, as an editor runs them.
 */
class CommandLineTests {

	@TempDir
	Path dir;

	@Test
	void checkPassesOnTheShippedFilesAndNamesFileAndLineOfEachProblem() throws IOException {
		Run good = run("check");
		assertThat(good.exit()).isZero();
		assertThat(good.out()).isEmpty();

		Path calendar = Files.createDirectories(this.dir.resolve("calendar"));
		Files.writeString(calendar.resolve("anniversaries.yaml"), """
				anniversaries:
				  - id: quoc-khanh
				    name: "Ngày Quốc khánh"
				    date: 02/09/1945
				    tier: L
				  - id: ngay-sai
				    name: "Ngày không có"
				    date: 30/02/1945
				    tier: K
				""");
		Path content = Files.createDirectories(this.dir.resolve("content"));
		Files.writeString(content.resolve("bai.md"), """
				---
				id: bai
				title: Bài
				outlets: [feed]
				when: anniversary quoc-khan 2025
				mau: do
				---
				Thân bài.
				""");
		// Every problem of every file, in Vietnamese unless asked otherwise.
		Run bad = run("check", "--calendar-dir", calendar.toString(), "--content-dir", content.toString());
		assertThat(bad.exit()).isEqualTo(1);
		assertThat(bad.out().lines()).hasSize(3)
			.startsWith("calendar/anniversaries.yaml:8: không có ngày '30/02/1945'",
					"content/bai.md:5: Không có ngày kỷ niệm nào mã 'quoc-khan'.")
			.anySatisfy((line) -> assertThat(line)
				.startsWith("content/bai.md:6: không có khóa 'mau'; các khóa dùng được:"));
		assertThat(bad.err()).contains("1 ngày kỷ niệm, 0 sự kiện, 0 kế hoạch, 0 bài; 3 lỗi");

		Run english = run("check", "--lang", "en", "--calendar-dir", calendar.toString(), "--content-dir",
				content.toString());
		assertThat(english.out().lines()).hasSize(3)
			.startsWith("calendar/anniversaries.yaml:8: impossible date '30/02/1945'",
					"content/bai.md:5: There is no anniversary with id 'quoc-khan'.")
			.anySatisfy((line) -> assertThat(line).startsWith("content/bai.md:6: unknown key 'mau', expected one of"));
		assertThat(english.err()).contains("3 problem(s)");
	}

	@Test
	void calendarPrintsOccurrencesPhasesAndContentOfTheRange() {
		Run run = run("calendar", "--from", "01/09/2025", "--to", "2025-09-30", "--loa.data-dir=" + this.dir,
				"--loa.calendar-dir=calendar", "--loa.content-dir=content");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("Lịch từ 01/09/2025 đến 30/09/2025 (Asia/Ho_Chi_Minh)")
			.contains("02/09/2025  quoc-khanh")
			.contains("Kỷ niệm 80 năm Ngày Quốc khánh nước CHXHCN Việt Nam (02/9/1945 - 02/9/2025)  [Năm tròn]")
			.contains("443-KH/TU giai đoạn 2: Giai đoạn từ năm 2025 đến Đại hội XIV của Đảng (01/01/2025 - 19/01/2026)")
			.contains("01/09/2025 06:00  Lưu trữ        quoc-khanh-2025-truoc-1-ngay")
			.doesNotContain("archived");

		Run english = run("calendar", "--lang", "en", "--from", "01/09/2025", "--to", "2025-09-30",
				"--loa.data-dir=" + this.dir, "--loa.calendar-dir=calendar", "--loa.content-dir=content");
		assertThat(english.exit()).as(english.err()).isZero();
		assertThat(english.out()).contains("Calendar from 01/09/2025 to 30/09/2025 (Asia/Ho_Chi_Minh)")
			.contains("[Round year]")
			.contains("01/09/2025 06:00  Archived       quoc-khanh-2025-truoc-1-ngay")
			.doesNotContain("Lưu trữ");

		Run json = run("calendar", "--from", "2025-09-02", "--to", "2025-09-02", "--json",
				"--loa.data-dir=" + this.dir);
		assertThat(json.exit()).isZero();
		assertThat(json.out()).contains("\"ordinalOrZero\" : 80").contains("\"occurrenceClass\" : \"NAM_TRON\"");
	}

	@Test
	void calendarShowsBothDatesOfALunarAnniversaryAndWhatIsUnprepared() {
		Run run = run("calendar", "--from", "2026-04-01", "--to", "2026-04-30", "--loa.data-dir=" + this.dir);
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("10/3 âm lịch, 26/04/2026  gio-to-hung-vuong");

		Run upcoming = run("calendar", "--upcoming", "3660", "--loa.data-dir=" + this.dir);
		assertThat(upcoming.exit()).as(upcoming.err()).isZero();
		String unprepared = upcoming.out()
			.substring(upcoming.out().indexOf("Chưa có nội dung, cần chuẩn bị (gấp nhất trước):"));
		// Content is shipped for the 2026 occurrence only.
		assertThat(unprepared).contains("19/12/2027  toan-quoc-khang-chien")
			.doesNotContain("19/12/2026  toan-quoc-khang-chien");
	}

	@Test
	void calendarRefusesAnImpossibleDate() {
		Run run = run("calendar", "--from", "31/09/2025", "--to", "2025-09-30", "--loa.data-dir=" + this.dir);
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).contains("impossible date for --from: '31/09/2025'");
	}

	@Test
	void importPlanPrintsTheDraftAndItsReportAndWritesItWithOut() throws IOException {
		Path plan = this.dir.resolve("ke-hoach.txt");
		Files.writeString(plan,
				"""
						ĐẢNG BỘ XÃ BÌNH AN ĐẢNG CỘNG SẢN VIỆT NAM
						BAN THƯỜNG VỤ ĐẢNG ỦY
						Số 12-KH/ĐU Bình An, ngày 05 tháng 01 năm 2026

						KẾ HOẠCH
						tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam

						Thực hiện Hướng dẫn số 01-HD/BTGTU, ngày 02/01/2026 của Ban Tuyên giáo Tỉnh ủy, Ban Thường vụ Đảng ủy xã Bình An xây dựng kế hoạch tuyên truyền như sau:

						I. NỘI DUNG
						Tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2026).

						II. THỜI GIAN
						Từ ngày 15/01/2026 đến hết ngày 10/02/2026.

						III. HÌNH THỨC
						Tuyên truyền trên đài truyền thanh xã và trang thông tin điện tử xã.

						Nơi nhận:
						- Thường trực Đảng ủy,
						- Lưu Văn phòng Đảng ủy.
						""");
		Run run = run("import-plan", plan.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("plan:", "number: \"12-KH/ĐU\"", "thanh-lap-dang", "start: 15/01/2026",
				"end: 10/02/2026");
		assertThat(run.err()).contains("12-KH/ĐU").contains("(dòng 3)").doesNotContain("Number");

		Run written = run("import-plan", plan.toString(), "--out", this.dir.resolve("drafts").toString());
		assertThat(written.exit()).isZero();
		assertThat(written.out()).isEmpty();
		try (var drafts = Files.list(this.dir.resolve("drafts"))) {
			assertThat(drafts.toList()).singleElement()
				.satisfies((file) -> assertThat(Files.readString(file)).contains("number: \"12-KH/ĐU\""));
		}
	}

	@Test
	void importPlanGivesTheDraftToTheCommuneThatIssuedItWhenTheCalendarKnowsIt() throws IOException {
		// calendar/organisations.yaml loads Thái Nguyên with its communes, Xã Bằng Thành
		// among them; no database is needed to know it.
		Path plan = Files.writeString(this.dir.resolve("ke-hoach-bang-thanh.txt"), """
				ỦY BAN NHÂN DÂN XÃ BẰNG THÀNH
				Số: 15/KH-UBND Bằng Thành, ngày 10 tháng 8 năm 2025

				KẾ HOẠCH
				tuyên truyền kỷ niệm 80 năm Ngày Quốc khánh

				I. NỘI DUNG
				Tuyên truyền kỷ niệm 80 năm Ngày Quốc khánh (02/9/1945 - 02/9/2025).

				II. THỜI GIAN
				Từ ngày 15/8/2025 đến hết ngày 05/9/2025.
				""");
		Run run = run("import-plan", plan.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("organisation: thai-nguyen-bang-thanh");
		// Another calendar that does not know the commune keeps the default.
		Path bare = this.dir.resolve("lich-khac");
		try (var files = Files.walk(Path.of("calendar"))) {
			for (Path file : files.toList()) {
				Path target = bare.resolve(Path.of("calendar").relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else if (!file.getFileName().toString().equals("organisations.yaml")) {
					Files.copy(file, target);
				}
			}
		}
		Run elsewhere = run("import-plan", plan.toString(), "--calendar-dir", bare.toString());
		assertThat(elsewhere.exit()).as(elsewhere.err()).isZero();
		assertThat(elsewhere.out()).contains("organisation: default");
	}

	@Test
	void importPlanRefusesWhatIsNotAReadablePlan() throws IOException {
		Path empty = Files.writeString(this.dir.resolve("trong.txt"), "");
		assertThat(run("import-plan", empty.toString())).satisfies((r) -> {
			assertThat(r.exit()).isEqualTo(1);
			assertThat(r.err()).isEqualToIgnoringNewLines("lỗi: Tệp trong.txt rỗng, không có nội dung.");
		});
		assertThat(run("import-plan", "--lang", "en", empty.toString()).err()).contains("error: trong.txt is empty");
		Path huge = this.dir.resolve("lon.pdf");
		try (var file = java.nio.channels.FileChannel.open(huge, java.nio.file.StandardOpenOption.CREATE_NEW,
				java.nio.file.StandardOpenOption.WRITE)) {
			file.write(java.nio.ByteBuffer.wrap(new byte[] { 1 }), 50L * 1024 * 1024 - 1);
		}
		assertThat(run("import-plan", huge.toString()).err())
			.contains("lỗi: Tệp lon.pdf nặng 50.0 MB; chỉ nhận tệp không quá 10 MB.");
		assertThat(run("import-plan", "--lang", "en", huge.toString()).err())
			.contains("lon.pdf is 50.0 MB; the largest accepted is 10 MB");
		Path broken = Files.write(this.dir.resolve("hong.docx"), new byte[] { 'P', 'K', 3, 4, 0, 0 });
		assertThat(run("import-plan", broken.toString())).satisfies((r) -> {
			assertThat(r.exit()).isEqualTo(1);
			assertThat(r.err()).startsWith("lỗi: Không mở được tệp hong.docx");
		});
		assertThat(run("import-plan", this.dir.resolve("khong-co.txt").toString()).err())
			.contains("khong-co.txt không phải một tệp đọc được");
	}

	private static Run run(String... args) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
		ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
			int exit = LoaCommand.execute(args, LoaApplication.class);
			return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	record Run(int exit, String out, String err) {

	}

}
