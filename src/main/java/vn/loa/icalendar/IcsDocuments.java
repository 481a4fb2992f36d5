package vn.loa.icalendar;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.CalendarService;
import vn.loa.content.ContentQueries;
import vn.loa.content.ContentStamp;
import vn.loa.organisations.Organisation;
import vn.loa.organisations.Organisations;

/**
 * The iCalendar feeds as answered, kept in memory until what they are made of changes:
 * calendar apps poll the same few URLs over and over, and on an anniversary every portal
 * of a province polls at once. A kept feed is answered with no database query as long as
 * <ul>
 * <li>the calendar book is the same object (a plan confirmed or refreshed from the
 * database replaces it);</li>
 * <li>no item was written on this node since (counted once each write commits);</li>
 * <li>the items table's {@link ContentStamp} is the one this node last read: it is read
 * again every {@code loa.ical.check-interval} in the background, for the other nodes'
 * writes ({@code 0}: on every request);</li>
 * <li>the organisation, for its feed, still has the same name; and the feed is less than
 * {@link #MAX_AGE} old, a bound on what two nodes' clocks out of step could hide from the
 * stamp.</li>
 * </ul>
 * At most {@link #BUDGET} bytes are kept; past that the least recently read go.
 */
@Service
public class IcsDocuments {

	private static final Log logger = LogFactory.getLog(IcsDocuments.class);

	static final Duration MAX_AGE = Duration.ofMinutes(1);

	static final long BUDGET = 16L * 1024 * 1024;

	private static final Pattern PLAN = Pattern.compile("/calendar/plans/([A-Za-z0-9._~/-]+)\\.ics");

	private static final Pattern ORGANISATION = Pattern
		.compile("/(?:calendar/organisations/([a-z0-9-]+)\\.ics|o/([a-z0-9-]+)/calendar\\.ics)");

	private final IcsFeeds feeds;

	private final CalendarService calendar;

	private final ContentQueries content;

	private final Organisations organisations;

	private final Duration checkInterval;

	private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

	private final AtomicLong keptBytes = new AtomicLong();

	private volatile @Nullable ContentStamp stamp;

	private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "loa-ical");
		thread.setDaemon(true);
		return thread;
	});

	IcsDocuments(IcsFeeds feeds, CalendarService calendar, ContentQueries content, Organisations organisations,
			IcsProperties properties) {
		this.feeds = feeds;
		this.calendar = calendar;
		this.content = content;
		this.organisations = organisations;
		this.checkInterval = properties.checkInterval();
	}

	/** The whole calendar. */
	public IcsDocument all(@Nullable String from, @Nullable String to) {
		YearWindow window = this.feeds.window(from, to);
		return kept(new Key("all", "", window, ""), () -> Optional.of(this.feeds.all(window))).orElseThrow();
	}

	/** A plan's feed, by its id or number, if there is such a plan. */
	public Optional<IcsDocument> plan(String reference, @Nullable String from, @Nullable String to) {
		YearWindow window = this.feeds.window(from, to);
		return kept(new Key("plan", reference, window, ""), () -> this.feeds.plan(reference, window));
	}

	/** An organisation's feed, if there is such an organisation. */
	public Optional<IcsDocument> organisation(String id, @Nullable String from, @Nullable String to) {
		YearWindow window = this.feeds.window(from, to);
		String name = this.organisations.find(id).map(Organisation::name).orElse("");
		return kept(new Key("organisation", id, window, name), () -> this.feeds.organisation(id, window));
	}

	/**
	 * The feed a request path names, for answering before the web machinery: empty for a
	 * path that is not a feed's as written here (the web answers it, 404 included), for a
	 * feed that does not exist, and for a window that is not one (the web's 400).
	 */
	public Optional<IcsDocument> forPath(String path, @Nullable String from, @Nullable String to) {
		try {
			if (path.equals("/calendar.ics")) {
				return Optional.of(all(from, to));
			}
			Matcher plan = PLAN.matcher(path);
			if (plan.matches()) {
				return plan(plan.group(1), from, to);
			}
			Matcher organisation = ORGANISATION.matcher(path);
			if (organisation.matches()) {
				String id = (organisation.group(1) != null) ? organisation.group(1) : organisation.group(2);
				return organisation(java.util.Objects.requireNonNull(id), from, to);
			}
			return Optional.empty();
		}
		catch (InvalidYearWindowException ex) {
			return Optional.empty();
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void startChecking() {
		if (!this.checkInterval.isZero()) {
			this.checker.scheduleWithFixedDelay(this::check, 0, this.checkInterval.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	@PreDestroy
	void stop() {
		// Never interrupted: a thread interrupted while H2 writes its file (a commit,
		// even a read's) closes the channel, and with it the database for everyone.
		this.checker.shutdown();
		try {
			this.checker.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Reads the items table's stamp again; after a failure it is unknown, and every kept
	 * feed is built again until the table answers.
	 */
	void check() {
		try {
			this.stamp = this.content.stamp();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the items table's stamp", ex);
			this.stamp = null;
		}
	}

	private Optional<IcsDocument> kept(Key key, Supplier<Optional<String>> build) {
		CalendarBook book = this.calendar.book();
		long writes = this.content.localWrites();
		if (this.checkInterval.isZero()) {
			check();
		}
		ContentStamp seen = this.stamp;
		long now = System.nanoTime();
		Kept found = this.kept.get(key);
		if (found != null && seen != null && found.book() == book && found.writes() == writes
				&& seen.equals(found.stamp()) && now - found.built() < MAX_AGE.toNanos()) {
			found.read(now);
			return Optional.of(found.document());
		}
		Optional<IcsDocument> built = build.get().map(IcsDocument::of);
		if (built.isPresent() && seen != null) {
			Kept fresh = new Kept(built.get(), book, writes, seen, now);
			Kept replaced = this.kept.put(key, fresh);
			this.keptBytes.addAndGet(built.get().bytes().length - ((replaced != null) ? replaced.size() : 0));
			trim();
		}
		return built;
	}

	/** Drops the least recently read feeds while more than the budget is kept. */
	private void trim() {
		if (this.keptBytes.get() <= BUDGET) {
			return;
		}
		synchronized (this.kept) {
			var oldestFirst = this.kept.entrySet()
				.stream()
				.sorted(Comparator.comparingLong((Map.Entry<Key, Kept> entry) -> entry.getValue().lastRead().get()))
				.toList();
			for (Map.Entry<Key, Kept> entry : oldestFirst) {
				if (this.keptBytes.get() <= BUDGET * 3 / 4) {
					break;
				}
				if (this.kept.remove(entry.getKey(), entry.getValue())) {
					this.keptBytes.addAndGet(-entry.getValue().size());
				}
			}
		}
	}

	private record Key(String kind, String reference, YearWindow window, String name) {

	}

	/** A feed kept, with what it was made of and when it was last read. */
	private record Kept(IcsDocument document, CalendarBook book, long writes, ContentStamp stamp, long built,
			AtomicLong lastRead) {

		Kept(IcsDocument document, CalendarBook book, long writes, ContentStamp stamp, long built) {
			this(document, book, writes, stamp, built, new AtomicLong(built));
		}

		void read(long now) {
			this.lastRead.set(now);
		}

		int size() {
			return this.document.bytes().length;
		}

	}

}
