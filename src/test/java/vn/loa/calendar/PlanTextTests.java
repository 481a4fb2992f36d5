package vn.loa.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Checks the hand-entered plans in {@code calendar/} against the plans' own text in
 * {@code ../shared/plans/}, and the anniversaries against {@code ../shared/data/}.
 */
class PlanTextTests {

	// Next to the project in the main checkout; -Dloa.shared-dir points elsewhere (a
	// worktree).
	private static final Path SHARED = Path.of(System.getProperty("loa.shared-dir", "../shared"));

	private static final Map<String, String> SOURCES = Map.of("ke-hoach-hoi-nghi-12-xa", "001_d9d819c7857a47e2.txt",
			"83-kh-hu", "002_bb3b870833e9e8a7.txt", "443-kh-tu", "003_9ee6e02dc63f817c.txt");

	// "80 năm Ngày Quốc khánh ... (02/9/1945 - 02/9/2025)"; the ordinal is optional
	// because
	// "80 năm Cách mạng Tháng Tám ... (...) và Quốc khánh ... (...)" shares one.
	private static final Pattern RANGE = Pattern
		.compile("\\((\\d{1,2}/\\d{1,2}/\\d{4})\\s*-\\s*(\\d{1,2}/\\d{1,2}/\\d{4})\\)");

	private static final Pattern ORDINAL = Pattern.compile("(\\d+) năm [^;:()]*$");

	private static final Pattern DOCUMENT_NUMBER = Pattern.compile("\\d+-[A-Z]+/[A-Z]+");

	private static CalendarBook book;

	@BeforeAll
	static void requireSharedFolder() {
		if (!Files.isDirectory(SHARED.resolve("plans"))) {
			if ("true".equals(System.getenv("CI"))) {
				fail("../shared/plans is missing: CI must check the calendar against the plans' text");
			}
			Assumptions.abort("../shared/plans is not next to the project");
		}
		book = CalendarLoader.load(Path.of("calendar")).book();
	}

	@ParameterizedTest
	@ValueSource(strings = { "443-kh-tu", "83-kh-hu", "ke-hoach-hoi-nghi-12-xa" })
	void entersNumberTitleImplementsPhasesAndRecipientsAsTheTextHasThem(String id) throws IOException {
		Plan plan = book.plan(id).orElseThrow();
		String text = text(id);
		String flat = text.replaceAll("\\s+", " ").toLowerCase();
		Matcher number = Pattern.compile("Số (\\d+-KH/[A-Z]+)").matcher(text);
		assertThat(Optional.ofNullable(plan.number()))
			.isEqualTo(number.find() ? Optional.of(number.group(1)) : Optional.empty());
		assertThat(flat).contains(plan.title().toLowerCase());
		for (String document : plan.implementsDocuments()) {
			Matcher matcher = DOCUMENT_NUMBER.matcher(document);
			assertThat(matcher.find()).as(document).isTrue();
			assertThat(text).contains(matcher.group());
		}
		plan.phases().forEach((phase) -> assertThat(text).contains(phase.name()));
		List<String> recipients = text.lines()
			.dropWhile((line) -> !line.startsWith("Nơi nhận"))
			.filter((line) -> line.startsWith("- "))
			.map((line) -> line.substring(2).strip())
			// The list's own punctuation ("Thường trực Thành ủy,") is not part of a name.
			.map((line) -> line.replaceAll("[\\s,;.]+$", ""))
			.toList();
		assertThat(plan.recipients()).isEqualTo(recipients);
		if (plan.date() != null) {
			LocalDate date = plan.date();
			assertThat(text).contains(plan.place() + ", ngày " + date.getDayOfMonth() + " tháng " + date.getMonthValue()
					+ " năm " + date.getYear());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "443-kh-tu", "83-kh-hu", "ke-hoach-hoi-nghi-12-xa" })
	void knowsEveryAnniversaryRangeThePlanWrites(String id) throws IOException {
		String text = text(id);
		Matcher range = RANGE.matcher(text);
		int ranges = 0;
		while (range.find()) {
			ranges++;
			LocalDate origin = WrittenDate.parseFull(range.group(1));
			LocalDate date = WrittenDate.parseFull(range.group(2));
			List<Occurrence> occurrences = book.anniversaries()
				.stream()
				.filter((anniversary) -> anniversary.origin().filter(origin::equals).isPresent())
				.flatMap((anniversary) -> anniversary.occurrenceIn(date.getYear()).stream())
				.toList();
			assertThat(occurrences).as(range.group()).isNotEmpty().allSatisfy((occurrence) -> {
				assertThat(occurrence.date()).isEqualTo(date);
				assertThat(occurrence.title()).endsWith(range.group().replaceAll("\\s*-\\s*", " - "));
			});
			Matcher ordinal = ORDINAL.matcher(text.substring(Math.max(0, range.start() - 200), range.start()));
			if (ordinal.find()) {
				assertThat(occurrences).as(range.group())
					.allSatisfy((occurrence) -> assertThat(occurrence.ordinal())
						.isEqualTo(Integer.parseInt(ordinal.group(1))));
			}
		}
		assertThat(ranges).isEqualTo(Map.of("443-kh-tu", 6, "83-kh-hu", 0, "ke-hoach-hoi-nghi-12-xa", 2).get(id));
	}

	@Test
	void entersEveryAnniversaryOfTheSharedList() throws IOException {
		List<String[]> rows = Files.readAllLines(SHARED.resolve("data/anniversaries.csv"), StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> !line.startsWith("#") && !line.startsWith("name_vi"))
			.map((line) -> line.split(",", -1))
			.toList();
		assertThat(book.anniversaries()).hasSameSizeAs(rows);
		for (String[] row : rows) {
			assertThat(book.anniversaries()).as(row[0]).anySatisfy((anniversary) -> {
				assertThat(anniversary.name()).isEqualTo(nfc(row[0]));
				assertThat(anniversary.lunar()).isEqualTo(row[1].equals("lunar"));
				assertThat(anniversary.day()).isEqualTo(Integer.parseInt(row[2]));
				assertThat(anniversary.month()).isEqualTo(Integer.parseInt(row[3]));
				assertThat(anniversary.originYear()).isEqualTo(row[4].isEmpty() ? null : Integer.valueOf(row[4]));
				assertThat(anniversary.tier()).isEqualTo(row[5].equals("L") ? Tier.LE_LON : Tier.KHAC);
			});
		}
	}

	private static String text(String id) throws IOException {
		return nfc(Files.readString(SHARED.resolve("plans").resolve(SOURCES.get(id)), StandardCharsets.UTF_8));
	}

	private static String nfc(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFC);
	}

}
