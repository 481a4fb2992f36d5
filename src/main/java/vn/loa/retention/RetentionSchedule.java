package vn.loa.retention;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.TimeZone;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.quartz.QuartzJobBean;

import vn.loa.settings.LoaSettings;

/**
 * Runs the clean-up once a day at {@code loa.retention.at} in {@code loa.zone} from a
 * cron trigger in the clustered Quartz job store, so one node of a deployment runs it
 * each day (and should two ever run it together, its deletes are idempotent).
 */
@Configuration(proxyBeanMethods = false)
class RetentionSchedule {

	static final JobKey JOB = JobKey.jobKey("retention", "loa");

	static final TriggerKey TRIGGER = TriggerKey.triggerKey("retention-daily", "loa");

	private static final Log logger = LogFactory.getLog(RetentionSchedule.class);

	private final Scheduler scheduler;

	private final RetentionProperties properties;

	private final ZoneId zone;

	private final boolean enabled;

	RetentionSchedule(Scheduler scheduler, RetentionProperties properties, ZoneId zone, LoaSettings settings) {
		this.scheduler = scheduler;
		this.properties = properties;
		this.zone = zone;
		this.enabled = settings.scheduling().enabled();
	}

	@Bean
	static JobDetail retentionJob() {
		return JobBuilder.newJob(RetentionJob.class)
			.withIdentity(JOB)
			.withDescription("Deletes what Loa keeps no longer")
			.storeDurably()
			.build();
	}

	/**
	 * The daily trigger at {@code at} in {@code zone}. A day the whole deployment was
	 * down at that time is skipped rather than pruned during working hours: a day's delay
	 * costs nothing.
	 */
	static CronTrigger trigger(LocalTime at, ZoneId zone) {
		return TriggerBuilder.newTrigger()
			.withIdentity(TRIGGER)
			.forJob(JOB)
			.withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(at.getHour(), at.getMinute())
				.inTimeZone(TimeZone.getTimeZone(zone))
				.withMisfireHandlingInstructionDoNothing())
			.build();
	}

	/**
	 * Stores the trigger, or replaces the stored one when {@code loa.retention.at} or
	 * {@code loa.zone} changed since; read-only command-line runs leave it alone.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void schedule() {
		if (this.enabled) {
			ensureTrigger();
		}
	}

	void ensureTrigger() {
		CronTrigger wanted = trigger(this.properties.at(), this.zone);
		try {
			Trigger stored = this.scheduler.getTrigger(TRIGGER);
			if (stored == null) {
				this.scheduler.scheduleJob(wanted);
			}
			else if (!(stored instanceof CronTrigger cron)
					|| !cron.getCronExpression().equals(wanted.getCronExpression())
					|| !cron.getTimeZone().getID().equals(wanted.getTimeZone().getID())) {
				this.scheduler.rescheduleJob(TRIGGER, wanted);
			}
		}
		catch (ObjectAlreadyExistsException ex) {
			// Another node starting at the same time stored it first, from the same
			// settings.
		}
		catch (SchedulerException ex) {
			logger.error("Could not schedule the daily retention run; old rows will not be deleted", ex);
		}
	}

	/** The Quartz job: one clean-up run. */
	@DisallowConcurrentExecution
	static class RetentionJob extends QuartzJobBean {

		private final Retention retention;

		RetentionJob(Retention retention) {
			this.retention = retention;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			this.retention.run();
		}

	}

}
