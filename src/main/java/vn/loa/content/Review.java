package vn.loa.content;

import org.jspecify.annotations.Nullable;
import java.time.Instant;

/**
 * The rules of the desk's review, apart from storage: which status follows which step,
 * and who may approve.
 */
final class Review {

	private Review() {
	}

	/** An edit at the desk: approved or scheduled work must be reviewed again. */
	static ContentStatus afterEdit(ContentStatus current) {
		if (current.hasGoneOut()) {
			throw InvalidContentException.conflict("status",
					"the item has already been " + current.key() + " and cannot be changed",
					ContentError.EDIT_GONE_OUT_NO_ID, current);
		}
		return switch (current) {
			case APPROVED, SCHEDULED -> ContentStatus.SUBMITTED;
			case WITHDRAWN -> ContentStatus.DRAFT;
			default -> current;
		};
	}

	/** Approval and scheduling are one step once the item has a time. */
	static ContentStatus afterApproval(@Nullable Instant dueAt) {
		return (dueAt != null) ? ContentStatus.SCHEDULED : ContentStatus.APPROVED;
	}

	/** Fails unless {@code actor} may approve an item written by {@code people}. */
	static void checkApprover(ContentActor actor, ContentPeople people, boolean selfApproval) {
		if (!actor.mayApprove()) {
			throw new ReviewRefusedException(ContentError.APPROVER_ONLY, "only an approver may approve content");
		}
		if (!selfApproval && people.isOwnedBy(actor.username())) {
			throw new ReviewRefusedException(ContentError.OWN_ITEM, "an approver may not approve their own item");
		}
	}

}
