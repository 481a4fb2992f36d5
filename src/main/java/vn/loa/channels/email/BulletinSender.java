package vn.loa.channels.email;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
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
import vn.loa.publishing.events.PublishingActivity;
import vn.loa.settings.LoaSettings;
import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.Subscribers;

/**
 * Drains the outboxes on threads of its own, never on a request, listener or Quartz
 * thread: {@code loa.email.connections} of them claim batches of due deliveries (the
 * claims are leases, as between nodes, so no two take the same row), one more claims due
 * confirmation mails; each sends a batch over its own connection and records each
 * message's outcome as soon as the server answers. Confirmations have their own thread
 * and connection, so neither a bulletin to thousands nor a server that hangs on one keeps
 * someone who just signed up waiting. All poll every {@code loa.email.poll-interval} and
 * are woken at once when mails are queued.
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

	private volatile List<Thread> threads = List.of();

	/** How long a sender makes way for a burst being decided on this node, at most. */
	private static final Duration BURST_PATIENCE = Duration.ofSeconds(10);

	private final PublishingActivity activity;

	private volatile boolean running;

	BulletinSender(BulletinDeliveries deliveries, ConfirmationMails confirmations, ContentCatalog catalog,
			Subscribers subscribers, BulletinComposer composer, BulletinTransport transport, EmailProperties properties,
			LoaSettings settings, PublishingActivity activity) {
		this.activity = activity;
		this.autoStartup = settings.scheduling().enabled();
		this.deliveries = deliveries;
		this.confirmations = confirmations;
		this.catalog = catalog;
		this.subscribers = subscribers;
		this.composer = composer;
		this.transport = transport;
		this.properties = properties;
	}

	/** Makes both senders look for due mail now rather than at their next poll. */
	void wakeUp() {
		this.threads.forEach(LockSupport::unpark);
	}

	/**
	 * Claims one batch and sends it over the configured transport.
	 * @return how many deliveries the batch held
	 */
	int drainOnce() {
		// Bulletins make way while this node decides a burst (at most a few seconds).
		this.activity.awaitQuiet(BURST_PATIENCE);
		String owner = "bulletins-" + UUID.randomUUID();
		long claimedAt = System.nanoTime();
		List<Claimed> batch = this.deliveries.claim(owner, this.properties.batchSize());
		if (!batch.isEmpty()) {
			deliver(owner, batch, this.transport, this.properties.lease(), claimedAt);
		}
		return batch.size();
	}

	/** Composes and sends a claimed batch, then records what became of each delivery. */
	void deliver(String owner, List<Claimed> batch, BulletinTransport transport) {
		deliver(owner, batch, transport, this.properties.lease(), System.nanoTime());
	}

	/**
	 * As {@link #deliver(String, List, BulletinTransport)}, the batch's lease being
	 * {@code lease} long (renewed once a quarter of it has passed) from {@code claimedAt}
	 * ({@link System#nanoTime()}).
	 */
	void deliver(String owner, List<Claimed> batch, BulletinTransport transport, Duration lease, long claimedAt) {
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
		if (!results.isEmpty()) {
			this.deliveries.record(owner, batch, results);
		}
		// Each message is recorded as soon as the server accepted (or refused) it, and
		// the batch's lease renewed once a quarter of it has passed: a crash re-sends at
		// most the message in flight.
		BatchLease held = new BatchLease(owner, outgoing.size(), lease, claimedAt);
		try {
			renewIfDue(owner, held);
			results.addAll(transport.send(outgoing, (result) -> {
				held.recorded(this.deliveries.record(owner, batch, List.of(result), held.renewDue()));
				// A record that waited may have outlasted the lease: look before the
				// next.
				renewIfDue(owner, held);
			}));
		}
		catch (BatchLease.Lost ex) {
			logger.info(ex.getMessage() + "; leaving the rest to it");
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Bulletin batch " + owner + ": "
					+ results.stream().collect(Collectors.groupingBy(SendResult::outcome, Collectors.counting())));
		}
	}

	private void renewIfDue(String owner, BatchLease held) {
		if (held.renewDue()) {
			held.renewed(this.deliveries.renew(owner));
		}
	}

	/**
	 * Drains one outbox until stopped: a full batch may mean more is due, so it looks
	 * again at once; otherwise it waits for the poll interval or a wake-up.
	 */
	private void run(String what, IntSupplier drain) {
		Duration poll = this.properties.pollInterval();
		while (this.running) {
			int sent;
			try {
				sent = drain.getAsInt();
			}
			catch (RuntimeException ex) {
				logger.warn("Sending " + what + " failed; trying again in " + poll, ex);
				sent = 0;
			}
			if (sent < this.properties.batchSize() && this.running) {
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
		List<Thread> started = new ArrayList<>();
		for (int i = 1; i <= this.properties.connections(); i++) {
			started.add(thread("loa-bulletins-" + i, () -> run("bulletins", this::drainOnce)));
		}
		started.add(thread("loa-confirmations",
				() -> run("confirmation mails", () -> this.confirmations.drainOnce(this.transport))));
		this.threads = List.copyOf(started);
	}

	private static Thread thread(String name, Runnable loop) {
		Thread thread = new Thread(loop, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	@Override
	public void stop() {
		this.running = false;
		this.threads.forEach(LockSupport::unpark);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		for (Thread sender : this.threads) {
			try {
				// Let the message in hand finish and be recorded.
				sender.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.threads = List.of();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
