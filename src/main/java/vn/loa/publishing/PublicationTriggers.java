package vn.loa.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.content.ContentScheduled;
import vn.loa.content.ContentHandOff;
import vn.loa.settings.LoaSettings;
import vn.loa.transactions.AfterCommit;

/**
 * Keeps one durable Quartz trigger per distinct due instant (not per item): when
 * thousands of items are due at 06:00 on 02/9, one trigger fires and one publisher run
 * takes them all in batches. Triggers live in the JDBC job store, so they survive
 * restarts; a periodic sweep and a catch-up at start-up publish anything a lost trigger
 * left behind.
 */
@Configuration(proxyBeanMethods = false)
class PublicationTriggers {

	static final JobKey JOB = JobKey.jobKey("publish-due", "loa");

	private static final Log logger = LogFactory.getLog(PublicationTriggers.class);

	private final Scheduler scheduler;

	private final ContentHandOff content;

	private final Publisher publisher;

	private final Clock clock;

	private final boolean enabled;

	private final TransactionTemplate outsideTransactions;

	PublicationTriggers(Scheduler scheduler, ContentHandOff content, Publisher publisher, Clock clock,
			PlatformTransactionManager transactionManager, LoaSettings settings) {
		this.enabled = settings.scheduling().enabled();
		this.outsideTransactions = new TransactionTemplate(transactionManager);
		this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
		this.scheduler = scheduler;
		this.content = content;
		this.publisher = publisher;
		this.clock = clock;
	}

	@Bean
	static JobDetail publishDueJob() {
		return JobBuilder.newJob(PublishDueJob.class)
			.withIdentity(JOB)
			.withDescription("Publishes every content item whose time has come")
			.storeDurably()
			.requestRecovery()
			.build();
	}

	/**
	 * Creates the item's trigger once its transaction has committed: Quartz is told of a
	 * new trigger at once, and one it looked for before the commit it would not see again
	 * until its next idle wake-up. Should Loa stop in between, the start-up catch-up
	 * re-creates it.
	 */
	@EventListener
	void on(ContentScheduled scheduled) {
		// Outside any transaction, so the trigger row is committed before Quartz is
		// signalled and its scheduler thread looks for it.
		AfterCommit
			.run(() -> this.outsideTransactions.executeWithoutResult((status) -> ensureTrigger(scheduled.dueAt())));
	}

	/**
	 * On start: publish what fell due while Loa was down, and re-create any lost trigger.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		if (!this.enabled) {
			return;
		}
		int decided = this.publisher.publishDue();
		if (decided > 0) {
			logger.info("Start-up catch-up decided " + decided + " item(s) that fell due while Loa was stopped");
		}
		List<Instant> instants = this.content.scheduledInstantsAfter(this.clock.instant());
		instants.forEach(this::ensureTrigger);
	}

	/** Publishes anything overdue that no trigger fired (a lost or stuck trigger). */
	@Scheduled(fixedDelayString = "${loa.publishing.sweep-interval:PT30S}",
			initialDelayString = "${loa.publishing.sweep-interval:PT30S}")
	void sweep() {
		int decided = this.publisher.publishDue();
		if (decided > 0) {
			// Normal on a cluster (another node's trigger, a trigger created a moment
			// late).
			logger.info("Sweep published " + decided + " overdue item(s) that no trigger fired");
		}
	}

	void ensureTrigger(Instant dueAt) {
		TriggerKey key = TriggerKey.triggerKey("due-" + dueAt.toEpochMilli(), "loa");
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(key)
			.forJob(JOB)
			.startAt(Date.from(dueAt))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
		try {
			if (!this.scheduler.checkExists(key)) {
				this.scheduler.scheduleJob(trigger);
			}
		}
		catch (ObjectAlreadyExistsException ex) {
			// Another node (or thread) created it first: one trigger is all that is
			// needed.
		}
		catch (SchedulerException ex) {
			// The sweep will still publish the item. Two nodes creating the same trigger
			// at once is normal on a cluster; anything else is worth a warning.
			String message = "Could not create the trigger for " + dueAt + " (" + ex.getMessage()
					+ "); the sweep will publish instead";
			if (String.valueOf(ex.getMessage())
				.toLowerCase(java.util.Locale.ROOT)
				.matches(".*(exist|duplicate|unique).*")) {
				logger.info(message);
			}
			else {
				logger.warn(message, ex);
			}
		}
	}

	/** The Quartz job: one run publishes everything due. */
	static class PublishDueJob extends QuartzJobBean {

		private final Publisher publisher;

		PublishDueJob(Publisher publisher) {
			this.publisher = publisher;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			this.publisher.publishDue();
		}

	}

}
