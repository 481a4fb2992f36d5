package vn.loa.web;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentQueries;
import vn.loa.organisations.Organisations;
import vn.loa.organisations.Scope;

/**
 * Content as a caller of one scope may reach it: an item of an organisation outside the
 * caller's is not found (its id tells nothing), a draft naming no organisation belongs to
 * the caller's own, and one naming an organisation outside it is forbidden.
 */
@Component
class ScopedContent {

	private final ContentQueries store;

	private final Organisations organisations;

	ScopedContent(ContentQueries store, Organisations organisations) {
		this.store = store;
		this.organisations = organisations;
	}

	/** The item, when it is within {@code scope}. */
	Optional<ContentItem> find(Scope scope, String id) {
		return this.store.find(id).filter((item) -> this.organisations.covers(scope, item.organisation()));
	}

	/** The item within {@code scope}, or a {@code 404}. */
	ContentItem require(Scope scope, String id) {
		return find(scope, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** The items within {@code scope}. */
	List<ContentItem> within(Scope scope, List<ContentItem> items) {
		return scope.everywhere() ? items
				: items.stream().filter((item) -> this.organisations.covers(scope, item.organisation())).toList();
	}

	/**
	 * The items that concern {@code scope}: those within it, and those of organisations
	 * above it whose audience reaches it (see {@link Organisations#concerns}).
	 */
	List<ContentItem> concerning(Scope scope, List<ContentItem> items) {
		return scope.everywhere() ? items : items.stream().filter((item) -> concerns(scope, item)).toList();
	}

	/** Whether {@code item} concerns {@code scope}. */
	boolean concerns(Scope scope, ContentItem item) {
		return this.organisations.concerns(scope, item.organisation(), item.audience());
	}

	/**
	 * The draft as {@code scope} may write it: owned by the caller's organisation when it
	 * names none, refused with a {@code 403} when it names one outside.
	 */
	ContentDraft draft(Scope scope, ContentDraft draft) {
		return scope.everywhere() ? draft : draft.ownedBy(this.organisations.ownerFor(scope, draft.organisation()));
	}

}
