package vn.loa.publishing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
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
import vn.loa.publishing.events.PublishedAudiences;

/**
 * Publishes everything whose time has come. Items are decided in transactions of a few
 * dozen: a compare-and-set on each item's status claims it, the outcome per outlet is
 * recorded under a primary key of (item, outlet), and {@link ContentPublished} is
 * announced in the same transaction. A trigger firing twice, the sweep racing a trigger,
 * or a restart in the middle therefore never publishes an item twice.
 */
@Service
public class Publisher {

	private static final Log logger = LogFactory.getLog(Publisher.class);

	private static final int BATCH = 500;

	private static final int CHUNK = 50;

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

	Publisher(ContentHandOff content, Organisations organisations, PublishedAudiences audiences,
			NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock, ZoneId zone,
			@Value("${loa.publishing.grace:PT1M}") Duration grace) {
		this.content = content;
		this.organisations = organisations;
		this.audiences = audiences;
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
		Instant now = this.clock.instant();
		int decided = 0;
		while (true) {
			List<ContentItem> due = this.content.findDue(now, BATCH);
			int claimed = 0;
			for (int from = 0; from < due.size(); from += CHUNK) {
				claimed += decideChunk(due.subList(from, Math.min(from + CHUNK, due.size())), now);
			}
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
	 * Decides several items in one transaction: thousands due at 06:00 then cost a few
	 * dozen commits, not thousands. Should the chunk fail as a whole, or take so long
	 * (waiting for another node's lock, say) that what it claimed first would go out
	 * noticeably later than it was decided, it is undone and each item is decided alone,
	 * so one bad or blocked item holds back no other and every item is recorded at the
	 * time it really goes out.
	 */
	private int decideChunk(List<ContentItem> chunk, Instant now) {
		try {
			Optional<Integer> claimed = this.transactions.execute((status) -> {
				Instant started = this.clock.instant();
				int decided = (int) chunk.stream().filter((item) -> decide(item, now)).count();
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
				if (Boolean.TRUE.equals(this.transactions.execute((status) -> decide(item, now)))) {
					claimed++;
				}
			}
			catch (RuntimeException itemFailure) {
				logger.error("Could not publish " + item.id() + "; the sweep will try again", itemFailure);
			}
		}
		return claimed;
	}

	private boolean decide(ContentItem item, Instant batchNow) {
		Instant now = batchNow;
		Map<Outlet, Outcome> outcomes = new EnumMap<>(Outlet.class);
		item.outlets().forEach((outlet) -> outcomes.put(outlet, this.policy.decide(item, outlet, batchNow)));
		ContentStatus next = itemStatus(outcomes);
		if (!this.content.transition(item.id(), ContentStatus.SCHEDULED, next)) {
			return false;
		}
		// The claim may have waited for another node's lock (a node paused mid-batch,
		// say):
		// what goes out now goes out now, and late is late.
		Instant claimed = this.clock.instant();
		if (claimed.isAfter(now)) {
			now = claimed;
			Instant at = now;
			item.outlets().forEach((outlet) -> outcomes.put(outlet, this.policy.decide(item, outlet, at)));
			ContentStatus actual = itemStatus(outcomes);
			if (actual != next) {
				this.content.transition(item.id(), next, actual);
				next = actual;
			}
		}
		// Whom it reaches: as recorded when it went out before on another outlet, else as
		// the hierarchy stands now. Nobody (its organisation disabled or gone) is said on
		// every outlet rather than recorded as on time.
		List<String> before = this.audiences.recorded(item.id());
		List<String> audience = before.isEmpty() ? this.organisations.resolve(item.organisation(), item.audience())
				: before;
		if (audience.isEmpty()) {
			outcomes.replaceAll((outlet, outcome) -> (outcome == Outcome.MISSED) ? outcome : Outcome.UNREACHED);
		}
		Set<Outlet> goingOut = EnumSet.noneOf(Outlet.class);
		boolean recorded = false;
		for (Map.Entry<Outlet, Outcome> entry : outcomes.entrySet()) {
			try {
				this.jdbc.update(
						"INSERT INTO publication (item_id, outlet, due_at, decided_at, outcome) "
								+ "VALUES (:item, :outlet, :due, :now, :outcome)",
						new MapSqlParameterSource("item", item.id()).addValue("outlet", entry.getKey().name())
							.addValue("due", Timestamp.from(item.dueAt()))
							.addValue("now", Timestamp.from(now))
							.addValue("outcome", entry.getValue().name()));
			}
			catch (DuplicateKeyException ex) {
				// Decided before (an item rescheduled after going out): never send it
				// again.
				continue;
			}
			recorded = true;
			if (entry.getValue() != Outcome.MISSED && entry.getValue() != Outcome.UNREACHED) {
				goingOut.add(entry.getKey());
			}
		}
		if (next == ContentStatus.MISSED) {
			logger.warn("Missed " + item.id() + ": due " + item.dueAt() + ", stale on every outlet at " + now);
		}
		if (!recorded) {
			return true;
		}
		if (before.isEmpty()) {
			recordAudience(item, audience);
		}
		if (!goingOut.isEmpty()) {
			boolean late = outcomes.values().stream().anyMatch((o) -> o == Outcome.LATE);
			this.events.publishEvent(new ContentPublished(item.id(), goingOut,
					Objects.requireNonNull(item.dueAt(), "a due item's time"), now, late));
		}
		return true;
	}

	/**
	 * Records whom the item reaches, decided once, beside its publication: a later change
	 * to the hierarchy does not change what was sent. An item that went out before (and
	 * now goes out on another outlet) keeps the audience it had.
	 */
	private void recordAudience(ContentItem item, List<String> audience) {
		if (audience.isEmpty()) {
			logger.warn("Item " + item.id() + " went out to no organisation: " + item.organisation()
					+ " and its audience '" + item.audience().key() + "' are disabled or gone");
		}
		this.jdbc.batchUpdate("INSERT INTO publication_audience (item_id, organisation) VALUES (:item, :organisation)",
				audience.stream()
					.map((organisation) -> new MapSqlParameterSource("item", item.id()).addValue("organisation",
							organisation))
					.toArray(MapSqlParameterSource[]::new));
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

}
