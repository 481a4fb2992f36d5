package vn.loa.channels.feed;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import vn.loa.organisations.Organisation;
import vn.loa.organisations.Organisations;
import vn.loa.channels.feed.FeedEntries.FeedEntry;
import vn.loa.channels.feed.FeedEntries.Stamp;
import vn.loa.content.ContentCatalog;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.settings.LoaSettings;
import vn.loa.transactions.AfterCommit;

/**
 * The RSS and Atom feeds of published content, serialised once and served from memory
 * until a publication is recorded; and the items the public pages may show. Each
 * organisation has its own feeds; the main ones, at the top of the site, are the default
 * organisation's. The feeds of the organisations read lately are kept (at most
 * {@value #CACHED}); the others are built again when asked for.
 */
@Service
public class Feeds {

	private final FeedEntries entries;

	private final ContentCatalog catalog;

	private final FeedProperties properties;

	private final FeedWriter writer;

	private static final Log logger = LogFactory.getLog(Feeds.class);

	/** How many organisations' feeds are kept in memory at once. */
	static final int CACHED = 500;

	/**
	 * The feeds built, by organisation: read by every request without a lock; when there
	 * are more than {@value #CACHED}, the one built longest ago goes.
	 */
	private final Map<String, Snapshot> snapshots = new java.util.concurrent.ConcurrentHashMap<>();

	private final Function<String, Optional<String>> names;

	private volatile @Nullable FeedProblem problem;

	/**
	 * Whether the last build failed for a reason that may pass (the database was away).
	 */
	private volatile boolean retry;

	private final Clock clock;

	private final java.util.concurrent.atomic.AtomicBoolean refreshPending = new java.util.concurrent.atomic.AtomicBoolean();

	private final java.util.concurrent.ScheduledExecutorService refresher = java.util.concurrent.Executors
		.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "loa-feed");
			thread.setDaemon(true);
			return thread;
		});

	/**
	 * The table's stamp as this node last read it: a read compares its cached feed with
	 * this, not with the database. It is read again after this node changes the table,
	 * and every {@code loa.feed.check-interval} in the background for the other nodes'
	 * changes; {@code null} until first read.
	 */
	private volatile @Nullable Stamp known;

	/** {@link FeedEntries#localChanges()}, held here: no proxy call per request. */
	private final java.util.concurrent.atomic.AtomicBoolean localChanges;

	@Autowired
	Feeds(FeedEntries entries, ContentCatalog catalog, FeedProperties properties, LoaSettings settings, Clock clock,
			Organisations organisations, java.time.ZoneId zone) {
		this(entries, catalog, properties, settings.baseUrl(), clock,
				(id) -> organisations.find(id).map(Organisation::name), zone);
	}

	/** Feeds of the default organisation alone, dated in Vietnam's zone. */
	Feeds(FeedEntries entries, ContentCatalog catalog, FeedProperties properties, String baseUrl, Clock clock) {
		this(entries, catalog, properties, baseUrl, clock, (id) -> Optional.empty(),
				java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
	}

	/**
	 * @param names the name of an organisation, for the title of its feeds
	 */
	Feeds(FeedEntries entries, ContentCatalog catalog, FeedProperties properties, String baseUrl, Clock clock,
			Function<String, Optional<String>> names, java.time.ZoneId zone) {
		this.names = names;
		this.entries = entries;
		this.localChanges = entries.localChanges();
		this.clock = clock;
		this.catalog = catalog;
		this.properties = properties;
		this.writer = new FeedWriter(properties, baseUrl, zone);
	}

	/** The main RSS 2.0 document: the default organisation's. */
	public FeedDocument rss() {
		return rss(Organisations.DEFAULT);
	}

	/** The main Atom 1.0 document: the default organisation's. */
	public FeedDocument atom() {
		return atom(Organisations.DEFAULT);
	}

	/** An organisation's RSS 2.0 document. */
	public FeedDocument rss(String organisation) {
		return current(organisation).rss();
	}

	/** An organisation's Atom 1.0 document. */
	public FeedDocument atom(String organisation) {
		return current(organisation).atom();
	}

	/**
	 * The item if, and only if, it went out on the feed: drafts, scheduled and withdrawn
	 * items are never shown.
	 */
	public Optional<PublishedItem> publishedItem(String itemId) {
		return this.entries.find(itemId)
			.flatMap((entry) -> this.catalog.find(itemId)
				.filter((item) -> item.status() != ContentStatus.WITHDRAWN)
				.map((item) -> new PublishedItem(item, entry.publishedAt(),
						this.catalog.corrections(List.of(itemId)).getOrDefault(itemId, List.of()))));
	}

	/**
	 * The newest items an organisation's feeds carry, newest first, at most
	 * {@code limit}.
	 */
	public List<PublishedItem> latest(String organisation, int limit) {
		return withItems(this.entries.newest(organisation, limit));
	}

	/** The newest items the main feed carries, newest first, at most {@code limit}. */
	public List<PublishedItem> latest(int limit) {
		return withItems(this.entries.newest(Organisations.DEFAULT, limit));
	}

	/**
	 * The items that went out on the feed from {@code from} (inclusive) to {@code to}
	 * (exclusive), newest first.
	 */
	public List<PublishedItem> publishedBetween(Instant from, Instant to) {
		return publishedBetween(Organisations.DEFAULT, from, to);
	}

	/**
	 * The items that went out on an organisation's feed from {@code from} (inclusive) to
	 * {@code to} (exclusive), newest first.
	 */
	public List<PublishedItem> publishedBetween(String organisation, Instant from, Instant to) {
		return withItems(this.entries.between(organisation, from, to));
	}

	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		rebuild(Organisations.DEFAULT);
		java.time.Duration interval = this.properties.checkInterval();
		if (!interval.isZero()) {
			this.refresher.scheduleWithFixedDelay(this::checkTable, interval.toMillis(), interval.toMillis(),
					java.util.concurrent.TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Reads the table's stamp again, so that what another node published reaches this
	 * node's readers within the check interval. A failure is the dashboard's problem; the
	 * feeds keep their bytes, and the next read tries again.
	 */
	void checkTable() {
		try {
			this.known = this.entries.stamp();
		}
		catch (RuntimeException ex) {
			fail("could not read the feed table: " + cause(ex), ex);
			this.retry = true;
		}
	}

	/**
	 * The stamp the feeds compare with: the one last read, unless this node changed the
	 * table since, none was read yet, or the feeds check on every read.
	 */
	private Stamp tableStamp() {
		Stamp seen = this.known;
		// A plain read first: every feed request asks, and a write each time would make
		// the cores fight over one cache line.
		if (seen == null || this.properties.checkInterval().isZero()
				|| (this.localChanges.get() && this.localChanges.getAndSet(false))) {
			seen = this.entries.stamp();
			this.known = seen;
		}
		return seen;
	}

	/**
	 * Rebuilds the feeds once the current transaction has committed, on the feed's own
	 * thread. Requests made while one is waiting join it, so a thousand items published
	 * at once cost one rebuild rather than a thousand, and the publication listeners
	 * never wait for serialisation. A read in between still sees the new entries: the
	 * table's stamp is read again after this node's change, and the feed rebuilt.
	 */
	void refreshSoon() {
		Runnable request = () -> {
			if (this.refreshPending.compareAndSet(false, true)) {
				this.refresher.execute(() -> {
					this.refreshPending.set(false);
					// The main feeds now; the others on their next read, which finds the
					// table changed.
					rebuild(Organisations.DEFAULT);
				});
			}
		};
		AfterCommit.run(request);
	}

	@PreDestroy
	void stopRefreshing() {
		// Never interrupted: a thread interrupted while H2 writes its file (a commit,
		// even a read's) closes the channel, and with it the database for everyone.
		this.refresher.shutdown();
		try {
			this.refresher.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Serialises both feeds again from the table. When that fails (the database is away,
	 * or an item cannot be written) the feeds keep the last good bytes, the failure is
	 * logged and kept for the dashboard, and the next read tries again: one bad row never
	 * turns a working feed into an error page, nor stops start-up.
	 */
	synchronized Snapshot rebuild() {
		return rebuild(Organisations.DEFAULT);
	}

	synchronized Snapshot rebuild(String organisation) {
		Snapshot last = this.snapshots.get(organisation);
		FeedWriter.Channel channel = Organisations.DEFAULT.equals(organisation) ? FeedWriter.Channel.MAIN
				: new FeedWriter.Channel(this.names.apply(organisation).orElse(organisation),
						"/o/" + organisation + "/");
		try {
			Stamp stamp = this.entries.stamp();
			this.known = stamp;
			List<PublishedItem> published = withItems(this.entries.newest(organisation, this.properties.size()));
			List<PublishedItem> writable = writable(published);
			Instant lastModified = writable.isEmpty() ? null : writable.get(0).publishedAt();
			Snapshot rebuilt = new Snapshot(stamp,
					document(this.writer.rss(channel, writable), FeedWriter.RSS, lastModified),
					document(this.writer.atom(channel, writable), FeedWriter.ATOM, lastModified));
			keep(organisation, rebuilt);
			if (writable.size() < published.size()) {
				List<String> left = published.stream()
					.filter((item) -> !writable.contains(item))
					.map((item) -> item.item().id())
					.toList();
				fail("the feeds leave out " + left.size() + " item(s) that cannot be written: " + left, null);
			}
			else {
				this.problem = null;
			}
			this.retry = false;
			return rebuilt;
		}
		catch (RuntimeException ex) {
			fail("could not rebuild the feeds: " + cause(ex), ex);
			this.retry = true;
			if (last != null) {
				return last;
			}
			Snapshot empty = new Snapshot(new Stamp(-1, -1, -1),
					document(this.writer.rss(channel, List.of()), FeedWriter.RSS, null),
					document(this.writer.atom(channel, List.of()), FeedWriter.ATOM, null));
			keep(organisation, empty);
			return empty;
		}
	}

	private void keep(String organisation, Snapshot snapshot) {
		this.snapshots.put(organisation, snapshot);
		if (this.snapshots.size() > CACHED) {
			this.snapshots.entrySet()
				.stream()
				.filter((entry) -> !entry.getKey().equals(organisation))
				.min(java.util.Comparator
					.comparingLong((Map.Entry<String, Snapshot> entry) -> entry.getValue().built()))
				.ifPresent((oldest) -> this.snapshots.remove(oldest.getKey(), oldest.getValue()));
		}
	}

	/**
	 * What went wrong the last time the feeds were built, while it lasts; the dashboard
	 * shows it.
	 */
	public Optional<FeedProblem> problem() {
		return Optional.ofNullable(this.problem);
	}

	/**
	 * The items that can be written: all of them unless writing them together fails, in
	 * which case each is tried on its own and the ones that fail are left out.
	 */
	private List<PublishedItem> writable(List<PublishedItem> published) {
		try {
			this.writer.rss(published);
			this.writer.atom(published);
			return published;
		}
		catch (RuntimeException ex) {
			return published.stream().filter(this::writable).toList();
		}
	}

	private boolean writable(PublishedItem item) {
		try {
			this.writer.rss(List.of(item));
			this.writer.atom(List.of(item));
			return true;
		}
		catch (RuntimeException ex) {
			logger.error("Feed item " + item.item().id() + " cannot be written and is left out of the feeds", ex);
			return false;
		}
	}

	/** What went wrong in the end, in a line: the log has the whole chain. */
	private static String cause(Throwable failure) {
		Throwable root = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(failure);
		String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
		return (message.length() > 200) ? message.substring(0, 200) + "…" : message;
	}

	private void fail(String message, @Nullable Throwable cause) {
		FeedProblem previous = this.problem;
		this.problem = new FeedProblem(this.clock.instant(), message);
		if (previous == null || !previous.message().equals(message)) {
			logger.error("Feeds: " + message + "; serving the last good feeds", cause);
		}
	}

	private List<PublishedItem> withItems(List<FeedEntry> entries) {
		Map<String, ContentItem> items = this.catalog.findAll(entries.stream().map(FeedEntry::itemId).toList())
			.stream()
			.collect(Collectors.toMap(ContentItem::id, Function.identity()));
		Map<String, List<vn.loa.content.ContentCorrection>> corrections = this.catalog.corrections(items.keySet());
		// A withdrawn item whose entry is not yet removed is never shown.
		return entries.stream()
			.flatMap((entry) -> Optional.ofNullable(items.get(entry.itemId()))
				.filter((item) -> item.status() != ContentStatus.WITHDRAWN)
				.map((item) -> new PublishedItem(item, entry.publishedAt(),
						corrections.getOrDefault(item.id(), List.of())))
				.stream())
			.toList();
	}

	private Snapshot current(String organisation) {
		Snapshot cached = this.snapshots.get(organisation);
		if (cached != null) {
			Stamp now;
			try {
				now = tableStamp();
			}
			catch (RuntimeException ex) {
				fail("could not read the feed table: " + cause(ex), ex);
				this.retry = true;
				return cached;
			}
			if (cached.stamp().equals(now) && !this.retry) {
				return cached;
			}
		}
		return rebuild(organisation);
	}

	private static FeedDocument document(byte[] bytes, String contentType, @Nullable Instant lastModified) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			String etag = "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
			return new FeedDocument(bytes, contentType, etag, lastModified);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An organisation's feeds as built from the table at {@code stamp}; {@code built}
	 * orders them for eviction.
	 */
	record Snapshot(Stamp stamp, FeedDocument rss, FeedDocument atom, long built) {

		Snapshot(Stamp stamp, FeedDocument rss, FeedDocument atom) {
			this(stamp, rss, atom, System.nanoTime());
		}

	}

}
