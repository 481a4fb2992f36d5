package vn.loa.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes' calendars on one database: a stored plan removed on one leaves the other at
 * its next refresh, a shipped plan of the same id comes back, and a plan imported again
 * after its removal (at version 1 again) still reaches the other node.
 */
class StoredPlanRemovalTests {

	private static final Path FILES = Path.of("calendar");

	private static final String PLAN = """
			plan:
			  id: 450-kh-tu
			  number: "450-KH/TU"
			  issuer: "Ban Thường vụ Thành ủy Vũng Tàu"
			  title: "%s"
			""";

	private final StepClock clock = new StepClock();

	private JdbcTemplate jdbc;

	private CalendarService a;

	private CalendarService b;

	@BeforeEach
	void twoNodesOnOneDatabase() throws IOException {
		this.jdbc = new JdbcTemplate(new DriverManagerDataSource(
				"jdbc:h2:mem:stored-plan-removal-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
		this.jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/common/V12__calendar_plans.sql"),
				StandardCharsets.UTF_8));
		this.a = new CalendarService(FILES, new StoredPlans(this.jdbc), this.clock);
		this.b = new CalendarService(FILES, new StoredPlans(this.jdbc), this.clock);
	}

	@Test
	void aRemovalOnOneNodeReachesTheOtherAndAPlanImportedAgainAfterwardsToo() {
		StoredPlan first = this.a.storePlan("450-kh-tu", PLAN.formatted("Bản nhập nhầm"), "nhap", false);
		assertThat(this.b.refreshIfChanged()).isTrue();
		assertThat(this.b.book().plan("450-KH/TU")).map(Plan::title).hasValue("Bản nhập nhầm");

		assertThat(this.a.removePlan("450-kh-tu", first.version(), "bien-tap")).isTrue();
		assertThat(this.a.book().plan("450-kh-tu")).isEmpty();
		assertThat(this.a.storedPlan("450-kh-tu")).isEmpty();
		// Removed once: the other node finds nothing left to remove.
		assertThat(this.b.removePlan("450-kh-tu", first.version(), "bien-tap")).isFalse();
		assertThat(this.b.refreshIfChanged()).isTrue();
		assertThat(this.b.book().plan("450-kh-tu")).isEmpty();

		this.a.storePlan("450-kh-tu", PLAN.formatted("Bản thứ hai"), "nhap", false);
		assertThat(this.b.refreshIfChanged()).isTrue();
		// Node A removes it and stores it again before node B looks: version 1 both
		// times, stored a second later.
		this.clock.step();
		assertThat(this.a.removePlan("450-kh-tu", 1, "bien-tap")).isTrue();
		StoredPlan third = this.a.storePlan("450-kh-tu", PLAN.formatted("Bản đúng"), "nhap", false);
		assertThat(third.version()).isEqualTo(1);
		assertThat(this.b.refreshIfChanged()).isTrue();
		assertThat(this.b.book().plan("450-kh-tu")).map(Plan::title).hasValue("Bản đúng");
		assertThat(this.b.refreshIfChanged()).isFalse();
	}

	@Test
	void removingAStoredCopyOfAShippedPlanBringsTheFileBackAndAStaleVersionRemovesNothing() {
		String shippedTitle = this.a.book().plan("443-kh-tu").orElseThrow().title();
		StoredPlan copy = this.a.storePlan("443-kh-tu",
				"plan:\n  id: 443-kh-tu\n  number: 443-KH/TU\n  issuer: x\n  title: \"Bản sửa\"\n", "nhap", true);
		assertThat(this.a.book().plan("443-kh-tu")).map(Plan::title).hasValue("Bản sửa");
		assertThat(this.a.bookWithout("443-kh-tu").plan("443-kh-tu")).map(Plan::title).hasValue(shippedTitle);
		// Looking at the calendar without it changes nothing.
		assertThat(this.a.book().plan("443-kh-tu")).map(Plan::title).hasValue("Bản sửa");

		assertThat(this.a.removePlan("443-kh-tu", copy.version() + 1, "bien-tap")).isFalse();
		assertThat(this.a.storedPlan("443-kh-tu")).isPresent();
		assertThat(this.a.removePlan("443-kh-tu", copy.version(), "bien-tap")).isTrue();
		assertThat(this.a.book().plan("443-kh-tu")).map(Plan::title).hasValue(shippedTitle);
		// Never a file: calendar/ changes by deploying.
		assertThat(this.a.removePlan("83-kh-hu", 1, "bien-tap")).isFalse();
		assertThat(this.a.book().plan("83-kh-hu")).isPresent();
	}

	/** A clock that stands still until stepped, as two quick requests may see it. */
	private static final class StepClock extends Clock {

		private Instant now = Instant.parse("2025-03-01T01:00:00Z");

		void step() {
			this.now = this.now.plus(Duration.ofSeconds(1));
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
