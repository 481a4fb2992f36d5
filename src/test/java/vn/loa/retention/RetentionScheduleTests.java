package vn.loa.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetentionScheduleTests {

	private static final ZoneId HO_CHI_MINH = ZoneId.of("Asia/Ho_Chi_Minh");

	@Test
	void defaultScheduleFiresAtHalfPastThreeEveryNightInHoChiMinhCity() {
		RetentionProperties defaults = new RetentionProperties(Duration.ofDays(7), Duration.ofDays(30),
				Duration.ofDays(30), LocalTime.of(3, 30));
		CronTrigger trigger = sinceEpoch(RetentionSchedule.trigger(defaults.at(), HO_CHI_MINH));

		// 01/9/2025 07:00 in Hồ Chí Minh City: the next run is 02/9 at 03:30 there,
		// 01/9 at 20:30 UTC.
		Date first = trigger.getFireTimeAfter(Date.from(Instant.parse("2025-09-01T00:00:00Z")));
		assertThat(first.toInstant()).isEqualTo(Instant.parse("2025-09-01T20:30:00Z"));
		assertThat(ZonedDateTime.ofInstant(first.toInstant(), HO_CHI_MINH).toLocalTime())
			.isEqualTo(LocalTime.of(3, 30));
		Date second = trigger.getFireTimeAfter(first);
		assertThat(Duration.between(first.toInstant(), second.toInstant())).isEqualTo(Duration.ofDays(1));
		assertThat(trigger.getTimeZone().getID()).isEqualTo("Asia/Ho_Chi_Minh");
	}

	@Test
	void scheduleFollowsTheConfiguredTimeAndZone() {
		CronTrigger trigger = sinceEpoch(RetentionSchedule.trigger(LocalTime.of(2, 15), ZoneId.of("UTC")));

		assertThat(trigger.getFireTimeAfter(Date.from(Instant.parse("2025-09-01T03:00:00Z"))).toInstant())
			.isEqualTo(Instant.parse("2025-09-02T02:15:00Z"));
	}

	@Test
	void refusesARetentionThatIsNotPositiveNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetentionProperties(Duration.ofDays(7), Duration.ZERO, Duration.ofDays(30),
					LocalTime.of(3, 30)))
			.withMessageContaining("loa.retention.confirmation-mails")
			.withMessageContaining("PT0S");
	}

	/** The same trigger, valid from 1970 rather than from today, to ask about 2025. */
	static CronTrigger sinceEpoch(CronTrigger trigger) {
		return (CronTrigger) trigger.getTriggerBuilder().startAt(Date.from(Instant.EPOCH)).build();
	}

}
