package vn.loa.calendar;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar read from the shipped files plus the plans stored in the database.
 */
class StoredPlanLoadTests {

	private static final Path FILES = Path.of("calendar");

	@Test
	void aStoredPlanIsReadWithTheFilesAndMayReferToThem() {
		CalendarLoad load = CalendarLoader.load(FILES, List.of(stored("450-kh-tu", """
				plan:
				  id: 450-kh-tu
				  number: "450-KH/TU"
				  issuer: "Ban Thường vụ Thành ủy Vũng Tàu"
				  title: "Tuyên truyền đến Đại hội XIV"
				  phases:
				    - name: "Giai đoạn đến Đại hội XIV"
				      start: 10/10/2024
				      until: dai-hoi-xiv
				  organisation: thanh-uy-vung-tau
				""")));
		assertThat(load.problems()).isEmpty();
		assertThat(load.book().plans()).extracting(Plan::id)
			.containsExactly("443-kh-tu", "83-kh-hu", "ke-hoach-hoi-nghi-12-xa", "450-kh-tu");
		assertThat(load.book().plan("450-KH/TU").orElseThrow().phases()).singleElement()
			.extracting(Phase::start)
			.isEqualTo(LocalDate.of(2024, 10, 10));
	}

	@Test
	void aStoredPlanTakesThePlaceOfTheFilePlanWithTheSameId() {
		CalendarLoad load = CalendarLoader.load(FILES, List.of(stored("443-kh-tu", """
				plan:
				  id: 443-kh-tu
				  number: 443-KH/TU
				  issuer: "Ban Thường vụ Thành ủy Vũng Tàu"
				  title: "Bản đã sửa"
				""")));
		assertThat(load.problems()).isEmpty();
		assertThat(load.book().plans()).filteredOn((plan) -> plan.id().equals("443-kh-tu"))
			.singleElement()
			.satisfies((plan) -> {
				assertThat(plan.title()).isEqualTo("Bản đã sửa");
				assertThat(plan.phases()).isEmpty();
			});
		assertThat(load.book().plans()).hasSize(3);
	}

	@Test
	void aStoredPlanThatNoLongerLoadsIsReportedAtItsPlaceInTheDatabaseAndTheRestLoads() {
		CalendarLoad load = CalendarLoader.load(FILES, List.of(stored("ke-hoach-cu", """
				plan:
				  id: ke-hoach-cu
				  issuer: "Đảng ủy xã"
				  title: "Kế hoạch theo một sự kiện đã bỏ"
				  events:
				    - su-kien-da-bo
				"""), stored("450-kh-tu", """
				plan:
				  id: 450-kh-tu
				  issuer: "Ban Thường vụ Thành ủy Vũng Tàu"
				  title: "Tuyên truyền đến Đại hội XIV"
				""")));
		assertThat(load.problems()).extracting(CalendarProblem::toString)
			.containsExactly("database:plans/ke-hoach-cu.yaml:6: unknown event 'su-kien-da-bo'");
		assertThat(load.book().plans()).extracting(Plan::id)
			.containsExactly("443-kh-tu", "83-kh-hu", "ke-hoach-hoi-nghi-12-xa", "450-kh-tu");
	}

	@Test
	void malformedStoredYamlIsReportedWithItsLine() {
		CalendarLoad load = CalendarLoader.load(FILES, List.of(stored("hong", """
				plan:
				  id: hong
				    title: "thụt lề sai"
				""")));
		assertThat(load.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo("database:plans/hong.yaml");
			assertThat(problem.line()).isEqualTo(3);
			assertThat(problem.message()).startsWith("malformed YAML");
		});
		assertThat(load.book().plans()).hasSize(3);
	}

	private static StoredPlan stored(String id, String yaml) {
		return new StoredPlan(id, id + ".yaml", yaml, "bien-tap", Instant.parse("2025-01-02T03:04:05Z"), 1);
	}

}
