package vn.loa.publishing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.ContentHandOff;
import vn.loa.content.Outlet;
import vn.loa.organisations.Organisations;
import vn.loa.publishing.events.ContentPublished;
import vn.loa.publishing.events.ItemsPublished;
import vn.loa.publishing.events.PublishedAudiences;
import vn.loa.publishing.events.PublishingActivity;

/**
 * Publishes everything whose time has come. Items are decided in transactions of up to a
 * hundred: a compare-and-set on each item's status claims it, the outcome per outlet is
 * recorded under a primary key of (item, outlet), and what goes out is announced as
 * {@link ItemsPublished} (the items going out alike together) in the same transaction. A
 * trigger firing twice, the sweep racing a trigger, or a restart in the middle therefore
 * never publishes an item twice.
 */
@Service
public class Publisher {

	private static final Log logger = LogFactory.getLog(Publisher.class);

	private static final int BATCH = 500;

	private static final int CHUNK = 100;

	/**
	 * How long a chunk may take before it is decided again item by item: well inside the
	 * grace, so that what it claimed first is not recorded earlier than it goes out.
	 */
	private static final Duration CHUNK_PATIENCE = Duration.ofSeconds(2);

	private final ContentHandOff content;

	private final NamedParameterJdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final PublishingPolicy policy;

	private final Organisations organisations;

	private final PublishedAudiences audiences;

	private final PublishingActivity activity;

	/**
	 * The threads that decide a batch's chunks side by side (the Quartz thread that found
	 * them waits for all): each chunk is its own transaction on items no other chunk
	 * holds, so two of them only share the database's commit.
	 */
	private final ExecutorService deciders;

	private final int deciding;

	Publisher(ContentHandOff content, Organisations organisations, PublishedAudiences audiences,
			PublishingActivity activity, NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock, ZoneId zone,
			@Value("${loa.publishing.grace:PT1M}") Duration grace,
			@Value("${loa.publishing.deciding-threads:1}") int deciding) {
		if (deciding < 1 || deciding > 16) {
			throw new IllegalArgumentException("loa.publishing.deciding-threads must be 1 to 16, was " + deciding);
		}
		this.deciding = deciding;
		AtomicInteger number = new AtomicInteger();
		this.deciders = Executors.newFixedThreadPool(deciding, (task) -> {
			Thread thread = new Thread(task, "loa-decide-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.content = content;
		this.organisations = organisations;
		this.audiences = audiences;
		this.activity = activity;
		this.jdbc = jdbc;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.policy = new PublishingPolicy(grace, zone);
	}

	/**
	 * Publishes every scheduled item due now or earlier; returns how many this call
	 * decided.
	 */
	public int publishDue() {
		return this.activity.deciding(this::decideDue);
	}

	private int decideDue() {
		Instant now = this.clock.instant();
		int decided = 0;
		while (true) {
			List<ContentItem> due = this.content.findDue(now, BATCH);
			List<List<ContentItem>> chunks = new ArrayList<>();
			for (int from = 0; from < due.size(); from += CHUNK) {
				chunks.add(due.subList(from, Math.min(from + CHUNK, due.size())));
			}
			int claimed = decideChunks(chunks, now);
			decided += claimed;
			// A short batch was the last; a batch nobody here could claim is another
			// node's.
			if (due.size() < BATCH || claimed == 0) {
				break;
			}
		}
		return decided;
	}

	/**
	 * Decides the chunks, on {@code loa.publishing.deciding-threads} threads when there
	 * is more than one; returns how many items were claimed.
	 */
	private int decideChunks(List<List<ContentItem>> chunks, Instant now) {
		if (chunks.size() < 2 || this.deciding < 2) {
			int claimed = 0;
			for (List<ContentItem> chunk : chunks) {
				claimed += decideChunk(chunk, now);
			}
			return claimed;
		}
		List<Future<Integer>> running = new ArrayList<>();
		for (List<ContentItem> chunk : chunks) {
			try {
				running.add(this.deciders.submit(() -> decideChunk(chunk, now)));
			}
			catch (RejectedExecutionException stopping) {
				// Loa is stopping: this thread decides what is left itself.
				running.add(CompletableFuture.completedFuture(decideChunk(chunk, now)));
			}
		}
		int claimed = 0;
		for (Future<Integer> chunk : running) {
			try {
				claimed += chunk.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				running.forEach((other) -> other.cancel(false));
				throw new IllegalStateException("interrupted while deciding due items", ex);
			}
			catch (ExecutionException ex) {
				// decideChunk catches what a chunk throws; what is left is an Error.
				throw new IllegalStateException("deciding a chunk of due items failed", ex.getCause());
			}
		}
		return claimed;
	}

	@jakarta.annotation.PreDestroy
	void stopDeciding() {
		this.deciders.shutdown();
	}

	/**
	 * Decides several items in one transaction with batched statements: thousands due at
	 * 06:00 then cost a few dozen commits and a few statements each, not thousands.
	 * Should the chunk fail as a whole, or take so long (waiting for another node's lock,
	 * say) that what it claimed first would go out noticeably later than it was decided,
	 * it is undone and each item is decided alone, so one bad or blocked item holds back
	 * no other and every item is recorded at the time it really goes out.
	 */
	private int decideChunk(List<ContentItem> chunk, Instant now) {
		try {
			Optional<Integer> claimed = this.transactions.execute((status) -> {
				Instant started = this.clock.instant();
				int decided = decide(chunk, now);
				if (Duration.between(started, this.clock.instant()).compareTo(CHUNK_PATIENCE) > 0) {
					status.setRollbackOnly();
					return Optional.<Integer>empty();
				}
				return Optional.of(decided);
			});
			if (claimed != null && claimed.isPresent()) {
				return claimed.get();
			}
			logger.info("Deciding " + chunk.size() + " items together took longer than " + CHUNK_PATIENCE
					+ "; deciding them one by one");
		}
		catch (RuntimeException ex) {
			logger.warn("Deciding " + chunk.size() + " items together failed; deciding them one by one", ex);
		}
		int claimed = 0;
		for (ContentItem item : chunk) {
			try {
				Integer decided = this.transactions.execute((status) -> decide(List.of(item), now));
				claimed += (decided != null) ? decided : 0;
			}
			catch (RuntimeException itemFailure) {
				logger.error("Could not publish " + item.id() + "; the sweep will try again", itemFailure);
			}
		}
		return claimed;
	}

	/**
	 * Claims the items (a compare-and-set on each one's status, in one batch), records
	 * each outlet's outcome and whom each item reaches, and announces what goes out in as
	 * few {@link ItemsPublished} as the event store allows. Returns how many items this
	 * call claimed.
	 */
	private int decide(List<ContentItem> items, Instant batchNow) {
		Map<String, Decision> decisions = new LinkedHashMap<>();
		for (ContentItem item : items) {
			decisions.put(item.id(), new Decision(item, outcomes(item, batchNow)));
		}
		Map<String, ContentStatus> next = new LinkedHashMap<>();
		decisions.forEach((id, decision) -> next.put(id, decision.status));
		Set<String> claimedIds = this.content.transitionAll(next, ContentStatus.SCHEDULED);
		List<Decision> claimed = decisions.values().stream().filter((d) -> claimedIds.contains(d.item.id())).toList();
		if (claimed.isEmpty()) {
			return 0;
		}
		// The claim may have waited for another node's lock (a node paused mid-batch,
		// say): what goes out now goes out now, and late is late.
		Instant now = batchNow;
		Instant claimedAt = this.clock.instant();
		if (claimedAt.isAfter(now)) {
			now = claimedAt;
			for (Decision decision : claimed) {
				ContentStatus was = decision.status;
				decision.decide(outcomes(decision.item, now));
				if (decision.status != was) {
					this.content.transition(decision.item.id(), was, decision.status);
				}
			}
		}
		// Whom each reaches: as recorded when it went out before on another outlet, else
		// as the hierarchy stands now. Nobody (its organisation disabled or gone) is said
		// on every outlet rather than recorded as on time.
		Map<String, List<String>> before = this.audiences.recorded(claimedIds);
		for (Decision decision : claimed) {
			ContentItem item = decision.item;
			List<String> recorded = before.get(item.id());
			decision.audienceRecorded = recorded != null;
			decision.audience = (recorded != null) ? recorded
					: this.organisations.resolve(item.organisation(), item.audience());
			if (decision.audience.isEmpty()) {
				decision.outcomes
					.replaceAll((outlet, outcome) -> (outcome == Outcome.MISSED) ? outcome : Outcome.UNREACHED);
			}
		}
		// An outlet decided before (an item rescheduled after going out) is never sent
		// again: its row is there and is left alone. The claim holds each item's row, so
		// nobody else records its outlets meanwhile.
		Set<List<String>> decidedBefore = new java.util.HashSet<>();
		this.jdbc.query("SELECT item_id, outlet FROM publication WHERE item_id IN (:items)",
				Map.of("items", List.copyOf(claimedIds)), (rs) -> {
					decidedBefore.add(List.of(rs.getString(1), rs.getString(2)));
				});
		List<MapSqlParameterSource> rows = new ArrayList<>();
		Timestamp decidedAt = Timestamp.from(now);
		for (Decision decision : claimed) {
			decision.outcomes.forEach((outlet, outcome) -> {
				if (decidedBefore.contains(List.of(decision.item.id(), outlet.name()))) {
					return;
				}
				rows.add(new MapSqlParameterSource("item", decision.item.id()).addValue("outlet", outlet.name())
					.addValue("due", Timestamp.from(decision.dueAt()))
					.addValue("now", decidedAt)
					.addValue("outcome", outcome.name()));
				decision.recordedOn(outlet);
			});
		}
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate(
					"INSERT INTO publication (item_id, outlet, due_at, decided_at, outcome) "
							+ "VALUES (:item, :outlet, :due, :now, :outcome)",
					rows.toArray(MapSqlParameterSource[]::new));
		}
		List<ContentPublished> published = new ArrayList<>();
		List<Decision> newAudiences = new ArrayList<>();
		for (Decision decision : claimed) {
			if (decision.status == ContentStatus.MISSED) {
				logger.warn("Missed " + decision.item.id() + ": due " + decision.dueAt() + ", stale on every outlet at "
						+ now);
			}
			if (decision.recorded && !decision.audienceRecorded) {
				newAudiences.add(decision);
			}
			if (!decision.goingOut.isEmpty()) {
				published.add(new ContentPublished(decision.item.id(), decision.goingOut, decision.dueAt(), now,
						decision.outcomes.values().stream().anyMatch((o) -> o == Outcome.LATE)));
			}
		}
		recordAudiences(newAudiences);
		announce(published);
		return claimed.size();
	}

	private Map<Outlet, Outcome> outcomes(ContentItem item, Instant at) {
		Map<Outlet, Outcome> outcomes = new EnumMap<>(Outlet.class);
		item.outlets().forEach((outlet) -> outcomes.put(outlet, this.policy.decide(item, outlet, at)));
		return outcomes;
	}

	/**
	 * Announces what went out, as few events as the event store's record allows: the
	 * items that share outlets, due time and lateness go together, so that each outlet
	 * then handles up to a chunk of items in one transaction.
	 */
	private void announce(List<ContentPublished> published) {
		Map<List<Object>, List<ContentPublished>> groups = new LinkedHashMap<>();
		for (ContentPublished item : published) {
			groups
				.computeIfAbsent(List.of(item.outlets(), item.dueAt(), item.publishedAt(), item.late()),
						(key) -> new ArrayList<>())
				.add(item);
		}
		groups.values().forEach((alike) -> {
			ContentPublished first = alike.get(0);
			List<String> together = new ArrayList<>();
			int length = 0;
			for (String id : alike.stream().map(ContentPublished::itemId).toList()) {
				if (!together.isEmpty() && length + ItemsPublished.storedLength(id) > ItemsPublished.MAX_IDS_LENGTH) {
					this.events.publishEvent(new ItemsPublished(together, first.outlets(), first.dueAt(),
							first.publishedAt(), first.late()));
					together = new ArrayList<>();
					length = 0;
				}
				together.add(id);
				length += ItemsPublished.storedLength(id);
			}
			this.events.publishEvent(
					new ItemsPublished(together, first.outlets(), first.dueAt(), first.publishedAt(), first.late()));
		});
	}

	/**
	 * Records whom each item reaches, decided once, beside its publication: a later
	 * change to the hierarchy does not change what was sent. An item that went out before
	 * (and now goes out on another outlet) keeps the audience it had.
	 */
	private void recordAudiences(List<Decision> decisions) {
		List<MapSqlParameterSource> rows = new ArrayList<>();
		for (Decision decision : decisions) {
			ContentItem item = decision.item;
			if (decision.audience.isEmpty()) {
				logger.warn("Item " + item.id() + " went out to no organisation: " + item.organisation()
						+ " and its audience '" + item.audience().key() + "' are disabled or gone");
			}
			decision.audience.forEach((organisation) -> rows
				.add(new MapSqlParameterSource("item", item.id()).addValue("organisation", organisation)));
		}
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate(
					"INSERT INTO publication_audience (item_id, organisation) VALUES (:item, :organisation)",
					rows.toArray(MapSqlParameterSource[]::new));
		}
	}

	private static ContentStatus itemStatus(Map<Outlet, Outcome> outcomes) {
		if (outcomes.values().stream().allMatch((o) -> o == Outcome.MISSED)) {
			return ContentStatus.MISSED;
		}
		if (outcomes.values().stream().anyMatch((o) -> o != Outcome.ON_TIME)) {
			return ContentStatus.LATE;
		}
		return ContentStatus.PUBLISHED;
	}

	/** What is decided of one item: its outcomes, status, audience and what goes out. */
	private static final class Decision {

		final ContentItem item;

		Map<Outlet, Outcome> outcomes;

		ContentStatus status;

		List<String> audience = List.of();

		/** Whether its audience was recorded before (it went out on another outlet). */
		boolean audienceRecorded;

		/** Whether any outlet's outcome was recorded now. */
		boolean recorded;

		final Set<Outlet> goingOut = EnumSet.noneOf(Outlet.class);

		Decision(ContentItem item, Map<Outlet, Outcome> outcomes) {
			this.item = item;
			this.outcomes = outcomes;
			this.status = itemStatus(outcomes);
		}

		void decide(Map<Outlet, Outcome> outcomes) {
			this.outcomes = outcomes;
			this.status = itemStatus(outcomes);
		}

		Instant dueAt() {
			return Objects.requireNonNull(this.item.dueAt(), "a due item's time");
		}

		void recordedOn(Outlet outlet) {
			this.recorded = true;
			Outcome outcome = this.outcomes.get(outlet);
			if (outcome != Outcome.MISSED && outcome != Outcome.UNREACHED) {
				this.goingOut.add(outlet);
			}
		}

	}

}
