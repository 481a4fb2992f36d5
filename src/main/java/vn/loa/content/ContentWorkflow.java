package vn.loa.content;

import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way content changes: the desk, the API and the {@code content/} files all go
 * through it, each as a {@link ContentActor}. At the desk an item goes draft → submitted
 * → approved (or scheduled, when it has a time) → published, with withdraw; every step a
 * compare-and-set on the item's status. The API and the files are trusted: their items
 * carry the status they ask for. Every change is announced as a {@link ContentChanged} in
 * its transaction, which the audit log records.
 */
@Service
public class ContentWorkflow {

	private final ContentEditor editor;

	private final ContentStore store;

	private final ApplicationEventPublisher events;

	private final ZoneId zone;

	private final boolean selfApproval;

	ContentWorkflow(ContentEditor editor, ContentStore store, ApplicationEventPublisher events, ZoneId zone,
			@Value("${loa.content.self-approval:false}") boolean selfApproval) {
		this.editor = editor;
		this.store = store;
		this.events = events;
		this.zone = zone;
		this.selfApproval = selfApproval;
	}

	/**
	 * Stores a new item: a draft written at the desk, or, from a trusted actor, an item
	 * in the status its draft asks for (scheduled unless it says draft).
	 * @throws InvalidContentException when a field is invalid or the id is taken
	 */
	@Transactional
	public ContentItem create(ContentDraft draft, ContentActor actor) {
		String given = (draft.id() != null && !draft.id().isBlank()) ? draft.id() : null;
		// The desk's form may leave blanks around the id; the API's id is taken as sent.
		String id = (given == null) ? ContentEditor.slug(draft) : actor.trusted() ? given : given.strip();
		ContentItem item = actor.trusted() ? this.editor.check(draft, id)
				: withStatus(this.editor.check(asDraft(draft), id), ContentStatus.DRAFT);
		if (this.store.find(id).isPresent()) {
			throw InvalidContentException.conflict("id", "an item with id '" + id + "' already exists",
					ContentError.ID_TAKEN, id);
		}
		this.store.save(item);
		if (!actor.trusted()) {
			this.store.createdBy(id, actor.username());
		}
		return announced(actor, "content.create", null, find(id));
	}

	/**
	 * Stores an emergency bulletin that goes out at its {@code when} (now) on the outlets
	 * it names, with {@link Priority#EMERGENCY}: the emergency module has checked its
	 * issuer's role and, where configured, a second person's approval.
	 * @param username who issued it (or approved it, where a second approval is asked)
	 * @throws InvalidContentException when a field is invalid or the id is taken
	 */
	@Transactional
	public ContentItem issueEmergency(ContentDraft draft, String id, String username) {
		ContentItem item = withStatus(this.editor.check(draft, id, true), ContentStatus.SCHEDULED);
		if (this.store.find(id).isPresent()) {
			throw InvalidContentException.conflict("id", "an item with id '" + id + "' already exists",
					ContentError.ID_TAKEN, id);
		}
		this.store.save(item);
		this.store.createdBy(id, username);
		return announced(new ContentActor(username, true, true), "content.emergency", null, find(id));
	}

	/**
	 * Changes an item that has not gone out. At the desk, approved or scheduled work goes
	 * back to review; a trusted actor's item takes the status its draft asks for.
	 * @param seen the revision the editor started from (see
	 * {@link ContentQueries#revision(String)}), or {@code null} to replace whatever is
	 * stored
	 */
	@Transactional
	public ContentItem update(String id, ContentDraft draft, ContentActor actor, @Nullable Integer seen) {
		ContentItem existing = find(id);
		int current = this.store.revision(id).orElseThrow();
		if (seen != null && seen != current) {
			throw changedSince(id, existing);
		}
		if (actor.trusted()) {
			if (existing.status().hasGoneOut()) {
				throw new InvalidContentException("status",
						"item '" + id + "' has already been " + existing.status().key() + " and cannot be changed",
						ContentError.EDIT_GONE_OUT, id, existing.status());
			}
			this.store.save(this.editor.check(draft, id));
		}
		else {
			ContentStatus next = Review.afterEdit(existing.status());
			ContentItem item = withStatus(this.editor.check(asDraft(draft), id), next);
			if (!this.store.replace(item, existing.status(), actor.username(), current)) {
				throw changedSince(id, find(id));
			}
		}
		return announced(actor, "content.update", existing, find(id));
	}

	/**
	 * Stores an item read from its {@code content/} file, upserting by id: an unchanged
	 * file changes nothing, a changed one reschedules its item (one that went out keeps
	 * its status).
	 * @return whether anything changed
	 */
	@Transactional
	public boolean load(ContentItem fromFile) {
		ContentItem before = this.store.find(fromFile.id()).orElse(null);
		if (!this.store.save(fromFile)) {
			return false;
		}
		announced(ContentActor.FILES, "content.file", before, find(fromFile.id()));
		return true;
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
	public ContentItem approve(String id, ContentActor actor, @Nullable Integer seen) {
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
		if (after.status() == ContentStatus.SCHEDULED && after.dueAt() != null) {
			this.events.publishEvent(new ContentScheduled(id, after.dueAt()));
		}
		return announced(actor, "content.approve", item, after);
	}

	/**
	 * Takes back an item in any state; one that went out leaves the feeds, the radio
	 * queue and the unsent bulletins.
	 */
	@Transactional
	public ContentItem withdraw(String id, ContentActor actor) {
		ContentItem before = find(id);
		if (!this.store.withdraw(id)) {
			throw InvalidContentException.conflict("status", "item '" + id + "' is already withdrawn",
					ContentError.WITHDRAW_ALREADY, id);
		}
		return announced(actor, "content.withdraw", before, find(id));
	}

	private ContentItem step(String id, ContentStatus expected, ContentStatus next, ContentActor actor) {
		ContentItem item = find(id);
		if (!this.store.transition(id, expected, next, actor.username())) {
			throw wrongStatus(id, item.status(), expected);
		}
		return announced(actor, "content.submit", item, find(id));
	}

	private ContentItem announced(ContentActor actor, String action, @Nullable ContentItem before, ContentItem after) {
		this.events.publishEvent(ContentChanged.of(actor, action, before, after, this.zone));
		return after;
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
				draft.outlets(), draft.when(), draft.staleAfter(), draft.organisation(), "draft", draft.audience(),
				draft.priority());
	}

	private static ContentItem withStatus(ContentItem item, ContentStatus status) {
		return new ContentItem(item.id(), item.organisation(), item.title(), item.summary(), item.body(),
				item.radioScript(), item.outlets(), item.when(), item.dueAt(), item.staleAfter(), status, "desk",
				item.updatedAt(), item.audience(), item.priority());
	}

}
