package vn.loa.content;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's review: draft → submitted → approved (or scheduled, when it has a time) →
 * published, with withdraw; every step a compare-and-set on the item's status. Files and
 * the API bypass it: they are trusted.
 */
@Service
public class ContentWorkflow {

	private final ContentEditor editor;

	private final ContentStore store;

	private final ApplicationEventPublisher events;

	private final boolean selfApproval;

	ContentWorkflow(ContentEditor editor, ContentStore store, ApplicationEventPublisher events,
			@Value("${loa.content.self-approval:false}") boolean selfApproval) {
		this.editor = editor;
		this.store = store;
		this.events = events;
		this.selfApproval = selfApproval;
	}

	/** Stores a new draft written at the desk. */
	@Transactional
	public ContentItem create(ContentDraft draft, ContentActor actor) {
		String id = (draft.id() != null && !draft.id().isBlank()) ? draft.id().strip() : ContentEditor.slug(draft);
		ContentItem item = withStatus(this.editor.check(asDraft(draft), id), ContentStatus.DRAFT);
		if (this.store.find(id).isPresent()) {
			throw InvalidContentException.conflict("id", "an item with id '" + id + "' already exists",
					ContentError.ID_TAKEN, id);
		}
		this.store.save(item);
		this.store.createdBy(id, actor.username());
		return this.store.find(id).orElseThrow();
	}

	/**
	 * Changes an item at the desk; approved or scheduled work goes back to review.
	 * @param seen the revision the editor started from (see
	 * {@link ContentStore#revision(String)}), or {@code null} to replace whatever is
	 * stored
	 */
	@Transactional
	public ContentItem edit(String id, ContentDraft draft, ContentActor actor, Integer seen) {
		ContentItem existing = find(id);
		int current = this.store.revision(id).orElseThrow();
		if (seen != null && seen != current) {
			throw changedSince(id, existing);
		}
		ContentStatus next = Review.afterEdit(existing.status());
		ContentItem item = withStatus(this.editor.check(asDraft(draft), id), next);
		if (!this.store.replace(item, existing.status(), actor.username(), current)) {
			throw changedSince(id, find(id));
		}
		return this.store.find(id).orElseThrow();
	}

	/** Sends a draft for review. */
	@Transactional
	public ContentItem submit(String id, ContentActor actor) {
		return step(id, ContentStatus.DRAFT, ContentStatus.SUBMITTED, actor);
	}

	/**
	 * Approves a submitted item: scheduled when it has a time, approved otherwise.
	 * @param seen the revision the approver read; an edit that landed after they opened
	 * it is not approved. {@code null} approves the stored revision as it is now.
	 */
	@Transactional
	public ContentItem approve(String id, ContentActor actor, Integer seen) {
		ContentItem item = find(id);
		int current = this.store.revision(id).orElseThrow();
		Review.checkApprover(actor, this.store.people(id).orElseThrow(), this.selfApproval);
		if (seen != null && seen != current) {
			throw changedSince(id, item);
		}
		if (!this.store.transition(id, ContentStatus.SUBMITTED, Review.afterApproval(item.dueAt()), actor.username(),
				current)) {
			ContentItem now = find(id);
			throw (now.status() != ContentStatus.SUBMITTED) ? wrongStatus(id, now.status(), ContentStatus.SUBMITTED)
					: changedSince(id, now);
		}
		ContentItem after = find(id);
		if (after.status() == ContentStatus.SCHEDULED) {
			this.events.publishEvent(new ContentScheduled(id, after.dueAt()));
		}
		return after;
	}

	/**
	 * Takes back an item in any state; one that went out leaves the feeds, the radio
	 * queue and the unsent bulletins.
	 */
	@Transactional
	public ContentItem withdraw(String id, ContentActor actor) {
		find(id);
		if (!this.store.withdraw(id)) {
			throw InvalidContentException.conflict("status", "item '" + id + "' is already withdrawn",
					ContentError.WITHDRAW_ALREADY, id);
		}
		return find(id);
	}

	private ContentItem step(String id, ContentStatus expected, ContentStatus next, ContentActor actor) {
		ContentItem item = find(id);
		if (!this.store.transition(id, expected, next, actor.username())) {
			throw wrongStatus(id, item.status(), expected);
		}
		return find(id);
	}

	private static InvalidContentException wrongStatus(String id, ContentStatus now, ContentStatus expected) {
		return InvalidContentException.conflict("status",
				"item '" + id + "' is " + now.key() + ", not " + expected.key(), ContentError.REVIEW_WRONG_STATUS, id,
				now, expected);
	}

	private static InvalidContentException changedSince(String id, ContentItem now) {
		return InvalidContentException.conflict("version",
				"item '" + id + "' was changed by someone else since you opened it (now " + now.status().key()
						+ "); open it again to see the current version",
				ContentError.VERSION_CHANGED, id, now.status());
	}

	private ContentItem find(String id) {
		return this.store.find(id)
			.orElseThrow(() -> new InvalidContentException("id", "no item with id '" + id + "'",
					ContentError.ID_UNKNOWN, id));
	}

	/** The desk decides the status by its own steps, never by the form. */
	private static ContentDraft asDraft(ContentDraft draft) {
		return new ContentDraft(draft.id(), draft.title(), draft.summary(), draft.body(), draft.radioScript(),
				draft.outlets(), draft.when(), draft.staleAfter(), draft.organisation(), "draft");
	}

	private static ContentItem withStatus(ContentItem item, ContentStatus status) {
		return new ContentItem(item.id(), item.organisation(), item.title(), item.summary(), item.body(),
				item.radioScript(), item.outlets(), item.when(), item.dueAt(), item.staleAfter(), status, "desk",
				item.updatedAt());
	}

}
