package vn.loa.content;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.CalendarService;
import vn.loa.calendar.Plan;
import vn.loa.calendar.StoredPlan;

/**
 * Removing a plan that was confirmed at run time and stored in the database. It lives in
 * content because the rule is content's: a plan is refused while content that has not
 * gone out yet is scheduled against its phases and would lose its time (or get another
 * one) without it; the calendar, which may not know about content, then removes it.
 * Shipped file plans are never removed here, they change by deploying {@code calendar/}.
 */
@Service
public class PlanRemoval {

	private final CalendarService calendar;

	private final ContentStore store;

	private final ZoneId zone;

	PlanRemoval(CalendarService calendar, ContentStore store, ZoneId zone) {
		this.calendar = calendar;
		this.store = store;
		this.zone = zone;
	}

	/**
	 * What removing the stored plan named {@code reference} (its id or number) would do;
	 * empty when no stored plan has that name, a shipped plan included.
	 */
	public Optional<Preview> preview(String reference) {
		CalendarBook book = this.calendar.book();
		Optional<Plan> loaded = book.plan(reference);
		// A stored plan that no longer loads (an event it runs until was removed, say) is
		// not in the calendar, but it is what most needs removing: it is found by its id.
		Optional<StoredPlan> stored = loaded.flatMap((p) -> this.calendar.storedPlan(p.id()))
			.or(() -> this.calendar.storedPlan(reference.strip().toLowerCase(Locale.ROOT)));
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		Plan plan = loaded.filter((p) -> p.id().equals(stored.get().planId()))
			.orElseGet(() -> unreadable(stored.get()));
		CalendarBook after = this.calendar.bookWithout(stored.get().planId());
		return Optional.of(new Preview(plan, stored.get(), after.plan(stored.get().planId()).isPresent(),
				blocking(plan, book, after)));
	}

	/** A stored plan the calendar cannot read, named by its id alone. */
	private static Plan unreadable(StoredPlan stored) {
		return new Plan(stored.planId(), null, "", null, null, stored.fileName(), List.of(), List.of(), List.of(),
				List.of(), List.of(), "");
	}

	/**
	 * Removes the stored plan named {@code reference}; the calendar announces it (for the
	 * audit log) in the same transaction, and every node reads the calendar again.
	 * @return what was removed
	 * @throws NotStoredException when no stored plan has that name
	 * @throws PlanInUseException when content that has not gone out is scheduled against
	 * the plan; nothing is removed
	 */
	@Transactional
	public Preview remove(String reference, String actor) {
		Preview preview = preview(reference).orElseThrow(() -> new NotStoredException(reference));
		if (!preview.blocking().isEmpty()) {
			throw new PlanInUseException(preview);
		}
		StoredPlan stored = preview.stored();
		if (!this.calendar.removePlan(stored.planId(), stored.version(), actor)) {
			// Replaced or removed by another request since it was read: what it was
			// checked against is no longer what is stored.
			throw new ChangedMeanwhileException(preview);
		}
		return preview;
	}

	/**
	 * The items not yet gone out that name the plan in their schedule ({@code start of
	 * phase 1 of 450-KH/TU}) and would not fall at the same time without it: none of them
	 * would resolve when the plan goes, and against a file plan that comes back, only the
	 * phases it shares at the same dates do.
	 */
	private List<Blocking> blocking(Plan plan, CalendarBook book, CalendarBook after) {
		List<ContentQueries.ContentKey> keys = this.store.search(null, null, null, null)
			.stream()
			.filter((key) -> pending(key.status()))
			.filter((key) -> Schedule.planOf(key.when()).filter(plan::isNamedBy).isPresent())
			.filter((key) -> !Objects.equals(resolve(key.when(), after), resolve(key.when(), book)))
			.toList();
		Map<String, ContentItem> items = this.store.findAll(keys.stream().map(ContentQueries.ContentKey::id).toList())
			.stream()
			.collect(Collectors.toMap(ContentItem::id, Function.identity()));
		return keys.stream()
			.flatMap((key) -> Optional.ofNullable(items.get(key.id()))
				.map((item) -> new Blocking(key.id(), item.title(), key.when(), key.status()))
				.stream())
			.sorted(Comparator.comparing(Blocking::id))
			.toList();
	}

	/**
	 * Whether an item may still go out: published, late and missed items are decided,
	 * withdrawn and archived ones never will.
	 */
	private static boolean pending(ContentStatus status) {
		return !status.hasGoneOut() && status != ContentStatus.WITHDRAWN && status != ContentStatus.ARCHIVED;
	}

	private Optional<Instant> resolve(String when, CalendarBook book) {
		try {
			return Optional.of(Schedule.resolve(when, book, this.zone).toInstant());
		}
		catch (Schedule.ScheduleException ex) {
			// The plan or its phase is not in that calendar.
			return Optional.empty();
		}
	}

	/**
	 * What removing a stored plan does.
	 *
	 * @param plan the plan as the calendar holds it now
	 * @param stored its row in the database
	 * @param shippedComesBack whether {@code calendar/} has a plan of that id that takes
	 * its place again
	 * @param blocking the items that keep it from being removed
	 */
	public record Preview(Plan plan, StoredPlan stored, boolean shippedComesBack, List<Blocking> blocking) {

		/** The items as a message lists them: {@code id (“title”, status)}. */
		public String items(Function<ContentStatus, String> statusName) {
			return this.blocking.stream()
				.map((item) -> item.id() + " (“" + item.title() + "”, " + statusName.apply(item.status()) + ")")
				.collect(Collectors.joining("; "));
		}

		/** Why the plan is not removed, naming the items, in {@code locale}. */
		public String inUse(MessageSource messages, Locale locale) {
			String items = items(
					(status) -> messages.getMessage("content.status." + status.key(), null, status.key(), locale));
			return messages.getMessage("deskplan.remove.inUse", new Object[] { this.stored.planId(), items }, locale);
		}

	}

	/** An item not yet gone out that is scheduled against the plan. */
	public record Blocking(String id, String title, String when, ContentStatus status) {

	}

	/** No stored plan has that name: it does not exist, or it is a shipped file plan. */
	public static class NotStoredException extends RuntimeException {

		NotStoredException(String reference) {
			super("no stored plan '" + reference + "'; plans of calendar/ change by deploying");
		}

	}

	/** Content not yet gone out is scheduled against the plan. */
	public static class PlanInUseException extends RuntimeException {

		private final Preview preview;

		PlanInUseException(Preview preview) {
			super("plan '" + preview.stored().planId() + "' is not removed: content that has not gone out is "
					+ "scheduled against its phases: " + preview.items(ContentStatus::key));
			this.preview = preview;
		}

		public Preview preview() {
			return this.preview;
		}

	}

	/** The stored plan was replaced or removed by another request meanwhile. */
	public static class ChangedMeanwhileException extends RuntimeException {

		private final Preview preview;

		ChangedMeanwhileException(Preview preview) {
			super("plan '" + preview.stored().planId() + "' was changed meanwhile; look at it again");
			this.preview = preview;
		}

		public Preview preview() {
			return this.preview;
		}

	}

}
