package vn.loa.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.loa.content.Outlet;
import vn.loa.importer.PlanImports;
import vn.loa.publishing.events.ContentPublished;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily clean-up on the real schema (H2 file database): old and recent rows of every
 * kind go in, and exactly the old ones that are done with come out.
 */
@SpringBootTest(properties = { "spring.quartz.auto-startup=false", "loa.scheduling.enabled=false",
		"loa.api.token=retention-token", "loa.secret=retention-secret" })
class RetentionIntegrationTests {

	private static final Path DATA;

	private static final PublicationTargetIdentifier LISTENER = PublicationTargetIdentifier
		.of("vn.loa.retention.RetentionIntegrationTests.listener(ContentPublished)");

	static {
		try {
			DATA = Files.createTempDirectory("loa-retention");
			Files.createDirectories(DATA.resolve("content"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Autowired
	Retention retention;

	@Autowired
	RetentionSchedule schedule;

	@Autowired
	Scheduler scheduler;

	@Autowired
	EventPublicationRegistry registry;

	@Autowired
	CompletedEventPublications completed;

	@Autowired
	PlanImports imports;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MovableClock clock;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("loa.data-dir", DATA::toString);
		registry.add("loa.content-dir", () -> DATA.resolve("content").toString());
	}

	@Test
	void deletesExactlyTheOldRowsThatAreDoneWithAndNothingElse() {
		Instant now = Instant.parse("2025-09-01T20:30:00Z");

		// Event publications: retention counts from completion, and an incomplete one
		// (republished on restart) stays however old it is.
		ContentPublished oldCompleted = publishedAt(now.minus(Duration.ofDays(10)), "cu-da-xong");
		complete(oldCompleted, now.minus(Duration.ofDays(8)));
		ContentPublished recentCompleted = publishedAt(now.minus(Duration.ofDays(10)), "moi-da-xong");
		complete(recentCompleted, now.minus(Duration.ofDays(6)));
		publishedAt(now.minus(Duration.ofDays(60)), "cu-chua-xong");

		// Confirmation mails: final ones a month old go; waiting ones never do.
		long subscriber = subscriber(now.minus(Duration.ofDays(400)));
		Map<String, Long> mails = new LinkedHashMap<>();
		for (String status : List.of("SENT", "FAILED", "CANCELLED")) {
			mails.put("old " + status, mail(subscriber, status, now.minus(Duration.ofDays(31))));
			mails.put("recent " + status, mail(subscriber, status, now.minus(Duration.ofDays(29))));
		}
		for (String status : List.of("QUEUED", "SENDING", "RETRYING")) {
			mails.put("old " + status, mail(subscriber, status, now.minus(Duration.ofDays(90))));
		}

		// Plan drafts, uploaded (and confirmed) at their time through the importer.
		PlanImports.Draft oldDraft = upload(now.minus(Duration.ofDays(31)), "451");
		PlanImports.Draft confirmedDraft = upload(now.minus(Duration.ofDays(40)), "452");
		this.clock.set(now.minus(Duration.ofDays(39)));
		this.imports.confirm(confirmedDraft.id(), false, "bien-tap");
		PlanImports.Draft recentDraft = upload(now.minus(Duration.ofDays(29)), "453");
		assertThat(notes(oldDraft.id())).isPositive();

		// History people read, a year old, stays.
		this.jdbc.update(
				"INSERT INTO bulletin_delivery (item_id, subscriber_id, status, attempts, next_attempt_at, sent_at, "
						+ "created_at, updated_at) VALUES ('ban-tin-cu', ?, 'SENT', 1, ?, ?, ?, ?)",
				subscriber, at(now, 365), at(now, 365), at(now, 365), at(now, 365));
		this.jdbc.update("INSERT INTO audit_entry (at, actor, action, subject) VALUES (?, 'admin', 'test', 'x')",
				at(now, 365));

		UUID oldCompletedId = idOf(oldCompleted);
		Set<UUID> publicationsBefore = publications();
		Map<String, Long> otherTablesBefore = rowsOfTablesNotPruned();
		long oldDraftNotes = notes(oldDraft.id());
		long confirmedNotes = notes(confirmedDraft.id());
		long recentNotes = notes(recentDraft.id());

		this.clock.set(now);
		Map<String, Integer> pruned = this.retention.run();

		assertThat(pruned).containsExactly(Map.entry("completed event publications", 1),
				Map.entry("confirmation mails", 3), Map.entry("unconfirmed plan drafts", 1));

		Set<UUID> gone = new HashSet<>(publicationsBefore);
		gone.removeAll(publications());
		assertThat(gone).containsExactly(oldCompletedId);
		assertThat(publications()).hasSize(publicationsBefore.size() - 1);
		assertThat(this.registry.findIncompletePublications())
			.anySatisfy((publication) -> assertThat(((ContentPublished) publication.getEvent()).itemId())
				.isEqualTo("cu-chua-xong"));

		assertThat(this.jdbc.queryForList("SELECT id FROM confirmation_mail ORDER BY id", Long.class)).containsExactly(
				mails.get("recent SENT"), mails.get("recent FAILED"), mails.get("recent CANCELLED"),
				mails.get("old QUEUED"), mails.get("old SENDING"), mails.get("old RETRYING"));

		assertThat(this.imports.find(oldDraft.id())).isEmpty();
		assertThat(notes(oldDraft.id())).isZero();
		assertThat(oldDraftNotes).isPositive();
		assertThat(this.imports.find(confirmedDraft.id()))
			.hasValueSatisfying((draft) -> assertThat(draft.confirmedAt()).isEqualTo(now.minus(Duration.ofDays(39))));
		assertThat(notes(confirmedDraft.id())).isEqualTo(confirmedNotes);
		assertThat(this.imports.find(recentDraft.id())).isPresent();
		assertThat(notes(recentDraft.id())).isEqualTo(recentNotes);

		assertThat(rowsOfTablesNotPruned()).isEqualTo(otherTablesBefore);

		// Run again (as a second node would): nothing more goes.
		assertThat(this.retention.run()).containsExactly(Map.entry("completed event publications", 0),
				Map.entry("confirmation mails", 0), Map.entry("unconfirmed plan drafts", 0));
		assertThat(rowsOfTablesNotPruned()).isEqualTo(otherTablesBefore);
	}

	@Test
	void storedTriggerRunsTheCleanUpAtHalfPastThreeInHoChiMinhCity() throws Exception {
		this.schedule.ensureTrigger();
		this.schedule.ensureTrigger();

		CronTrigger trigger = RetentionScheduleTests
			.sinceEpoch((CronTrigger) this.scheduler.getTrigger(RetentionSchedule.TRIGGER));
		assertThat(trigger.getJobKey()).isEqualTo(RetentionSchedule.JOB);
		assertThat(this.scheduler.getJobDetail(RetentionSchedule.JOB)).isNotNull();
		assertThat(trigger.getTimeZone().getID()).isEqualTo("Asia/Ho_Chi_Minh");
		Instant next = trigger.getFireTimeAfter(java.util.Date.from(Instant.parse("2025-09-01T00:00:00Z"))).toInstant();
		assertThat(ZonedDateTime.ofInstant(next, ZoneId.of("Asia/Ho_Chi_Minh")).toLocalTime())
			.isEqualTo(LocalTime.of(3, 30));
		assertThat(next).isEqualTo(Instant.parse("2025-09-01T20:30:00Z"));
	}

	private ContentPublished publishedAt(Instant at, String itemId) {
		this.clock.set(at);
		ContentPublished event = new ContentPublished(itemId, Set.of(Outlet.FEED), at, at, false);
		this.registry.store(event, Stream.of(LISTENER));
		return event;
	}

	private void complete(ContentPublished event, Instant at) {
		this.clock.set(at);
		this.registry.markCompleted(event, LISTENER);
	}

	private UUID idOf(ContentPublished event) {
		return Stream.concat(this.completed.findAll().stream(), this.registry.findIncompletePublications().stream())
			.filter((publication) -> publication.getEvent().equals(event))
			.map(EventPublication::getIdentifier)
			.findFirst()
			.orElseThrow();
	}

	private Set<UUID> publications() {
		Set<UUID> ids = new HashSet<>();
		this.completed.findAll().forEach((publication) -> ids.add(publication.getIdentifier()));
		this.registry.findIncompletePublications().forEach((publication) -> ids.add(publication.getIdentifier()));
		return ids;
	}

	private long subscriber(Instant at) {
		this.jdbc.update("INSERT INTO subscriber (organisation, email, email_key, name, status, created_at, "
				+ "updated_at) VALUES ('default', 'ba-lan@example.vn', 'ba-lan@example.vn', 'Bà Lan', 'CONFIRMED', ?, ?)",
				Timestamp.from(at), Timestamp.from(at));
		return this.jdbc.queryForObject("SELECT id FROM subscriber WHERE email_key = 'ba-lan@example.vn'", Long.class);
	}

	private long mail(long subscriber, String status, Instant updatedAt) {
		this.jdbc.update(
				"INSERT INTO confirmation_mail (subscriber_id, status, attempts, next_attempt_at, created_at, updated_at) "
						+ "VALUES (?, ?, 1, ?, ?, ?)",
				subscriber, status, Timestamp.from(updatedAt), Timestamp.from(updatedAt.minus(Duration.ofHours(1))),
				Timestamp.from(updatedAt));
		return this.jdbc.queryForObject("SELECT MAX(id) FROM confirmation_mail", Long.class);
	}

	private PlanImports.Draft upload(Instant at, String number) {
		this.clock.set(at);
		return this.imports.upload("ke-hoach-" + number + ".txt", plan(number).getBytes(StandardCharsets.UTF_8));
	}

	private long notes(String draftId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM plan_import_note WHERE import_id = ?", Long.class,
				draftId);
	}

	/**
	 * Row counts of every table of the schema except the pruned ones and Quartz's own.
	 */
	private Map<String, Long> rowsOfTablesNotPruned() {
		Map<String, Long> rows = new LinkedHashMap<>();
		for (String table : this.jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
				+ "WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME", String.class)) {
			String name = table.toLowerCase(java.util.Locale.ROOT);
			if (!Set.of("event_publication", "confirmation_mail", "plan_import", "plan_import_note").contains(name)
					&& !name.startsWith("qrtz_")) {
				rows.put(name, this.jdbc.queryForObject("SELECT COUNT(*) FROM \"" + table + "\"", Long.class));
			}
		}
		return rows;
	}

	private static Timestamp at(Instant now, int daysBefore) {
		return Timestamp.from(now.minus(Duration.ofDays(daysBefore)));
	}

	private static String plan(String number) {
		return """
				ĐẢNG BỘ TỈNH BÀ RỊA - VŨNG TÀU ĐẢNG CỘNG SẢN VIỆT NAM
				BAN THƯỜNG VỤ THÀNH ỦY
				*
				Số %s-KH/TU Vũng Tàu, ngày 10 tháng 10 năm 2024

				KẾ HOẠCH
				tuyên truyền những chủ đề lớn, trọng tâm
				từ nay đến Đại hội XIV của Đảng

				I- NỘI DUNG VÀ LỘ TRÌNH TUYÊN TRUYỀN

				1. Giai đoạn từ nay đến hết năm 2024, tập trung tuyên truyền kết quả Hội nghị Trung ương 10 khóa XIII.

				2. Giai đoạn từ năm 2025 đến Đại hội XIV của Đảng, tập trung tuyên truyền đại hội đảng bộ các cấp, gắn với kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930-03/02/2025).

				II- HÌNH THỨC TUYÊN TRUYỀN

				Tuyên truyền qua Trang thông tin điện tử Thành phố; qua hệ thống phát thanh không dây của cơ sở.

				T/M BAN THƯỜNG VỤ
				PHÓ BÍ THƯ

				Lê Thị Thanh Bình
				"""
			.formatted(number);
	}

	/** A clock the test sets. */
	static final class MovableClock extends Clock {

		private final AtomicReference<Instant> now;

		private final ZoneId zone;

		MovableClock(AtomicReference<Instant> now, ZoneId zone) {
			this.now = now;
			this.zone = zone;
		}

		void set(Instant instant) {
			this.now.set(instant);
		}

		@Override
		public ZoneId getZone() {
			return this.zone;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return new MovableClock(this.now, zone);
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MovableTime {

		@Bean
		@Primary
		MovableClock movableClock(ZoneId zone) {
			return new MovableClock(new AtomicReference<>(Clock.systemUTC().instant()), zone);
		}

	}

}
