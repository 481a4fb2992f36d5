package vn.loa.channels.email;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import vn.loa.channels.email.BulletinDeliveries.Claimed;
import vn.loa.channels.email.BulletinTransport.Outgoing;
import vn.loa.content.ContentCatalog;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.Subscribers;

/**
 * Drains the outboxes on its own thread, never on a request, listener or Quartz thread:
 * it claims a batch of due confirmation mails and one of due deliveries, sends each in
 * one go and records each outcome. Confirmations go first, so a bulletin to thousands
 * does not keep someone who just signed up waiting. It polls every
 * {@code loa.email.poll-interval} and is woken at once when mails are queued.
 */
@Component
class BulletinSender implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(BulletinSender.class);

	private final BulletinDeliveries deliveries;

	private final ConfirmationMails confirmations;

	private final ContentCatalog catalog;

	private final Subscribers subscribers;

	private final BulletinComposer composer;

	private final BulletinTransport transport;

	private final EmailProperties properties;

	private final boolean autoStartup;

	private volatile Thread thread;

	private volatile boolean running;

	BulletinSender(BulletinDeliveries deliveries, ConfirmationMails confirmations, ContentCatalog catalog,
			Subscribers subscribers, BulletinComposer composer, BulletinTransport transport, EmailProperties properties,
			@org.springframework.beans.factory.annotation.Value("${loa.scheduling.enabled:true}") boolean autoStartup) {
		this.autoStartup = autoStartup;
		this.deliveries = deliveries;
		this.confirmations = confirmations;
		this.catalog = catalog;
		this.subscribers = subscribers;
		this.composer = composer;
		this.transport = transport;
		this.properties = properties;
	}

	/** Makes the sender look for due deliveries now rather than at its next poll. */
	void wakeUp() {
		Thread sender = this.thread;
		if (sender != null) {
			LockSupport.unpark(sender);
		}
	}

	/**
	 * Claims one batch and sends it over the configured transport.
	 * @return how many deliveries the batch held
	 */
	int drainOnce() {
		String owner = "bulletins-" + UUID.randomUUID();
		List<Claimed> batch = this.deliveries.claim(owner, this.properties.batchSize());
		if (!batch.isEmpty()) {
			deliver(owner, batch, this.transport);
		}
		return batch.size();
	}

	/** Composes and sends a claimed batch, then records what became of each delivery. */
	void deliver(String owner, List<Claimed> batch, BulletinTransport transport) {
		Map<String, ContentItem> items = this.catalog.findAll(batch.stream().map(Claimed::itemId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(ContentItem::id, Function.identity()));
		Map<Long, Subscriber> recipients = this.subscribers
			.findAll(batch.stream().map(Claimed::subscriberId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Subscriber::id, Function.identity()));
		List<SendResult> results = new ArrayList<>(batch.size());
		List<Outgoing> outgoing = new ArrayList<>(batch.size());
		for (Claimed row : batch) {
			ContentItem item = items.get(row.itemId());
			Subscriber subscriber = recipients.get(row.subscriberId());
			if (item == null) {
				results.add(SendResult.cancelled(row.id(), "item " + row.itemId() + " no longer exists"));
			}
			else if (item.status() == ContentStatus.WITHDRAWN) {
				results.add(SendResult.cancelled(row.id(), "item " + row.itemId() + " was withdrawn"));
			}
			else if (subscriber == null || !subscriber.isConfirmed()) {
				results.add(SendResult.cancelled(row.id(), "subscriber is no longer confirmed"));
			}
			else {
				try {
					outgoing.add(new Outgoing(row.id(),
							this.composer.compose(transport.session(), row.id(), item, subscriber)));
				}
				catch (Exception ex) {
					results.add(SendResult.permanentFailure(row.id(), "cannot compose: " + ex.getMessage()));
				}
			}
		}
		results.addAll(transport.send(outgoing));
		this.deliveries.record(owner, batch, results);
		if (logger.isDebugEnabled()) {
			logger.debug("Bulletin batch " + owner + ": "
					+ results.stream().collect(Collectors.groupingBy(SendResult::outcome, Collectors.counting())));
		}
	}

	private void run() {
		Duration poll = this.properties.pollInterval();
		while (this.running) {
			int confirmations;
			try {
				confirmations = this.confirmations.drainOnce(this.transport);
			}
			catch (RuntimeException ex) {
				logger.warn("Sending confirmation mails failed; trying again in " + poll, ex);
				confirmations = 0;
			}
			int sent;
			try {
				sent = drainOnce();
			}
			catch (RuntimeException ex) {
				logger.warn("Sending bulletins failed; trying again in " + poll, ex);
				sent = 0;
			}
			// A full batch of either kind may mean more is due: look again at once.
			if (Math.max(confirmations, sent) < this.properties.batchSize() && this.running) {
				LockSupport.parkNanos(this, poll.toNanos());
			}
		}
	}

	/** Command-line runs that only read (loa.scheduling.enabled=false) send nothing. */
	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public void start() {
		this.running = true;
		Thread sender = new Thread(this::run, "loa-bulletins");
		sender.setDaemon(true);
		this.thread = sender;
		sender.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread sender = this.thread;
		if (sender != null) {
			LockSupport.unpark(sender);
			try {
				// Let the batch in hand finish and be recorded.
				sender.join(TimeUnit.SECONDS.toMillis(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.thread = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
