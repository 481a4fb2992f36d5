package vn.loa.content;

import java.time.Instant;
import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * What publishing needs of content and nobody else may use: the scheduled items that are
 * due, the instants triggers are needed for, and the claim that moves an item on once it
 * went out. Its own named interface, so only a module that names
 * {@code content :: publishing} can reach it.
 */
@NamedInterface("publishing")
public interface ContentHandOff {

	/**
	 * Scheduled items whose time is at or before {@code instant}, oldest first, at most
	 * {@code limit}.
	 */
	List<ContentItem> findDue(Instant instant, int limit);

	/**
	 * Distinct future due instants of scheduled items: what the scheduler must hold
	 * triggers for.
	 */
	List<Instant> scheduledInstantsAfter(Instant instant);

	/**
	 * Moves an item from {@code expected} to {@code next}; false when another node got
	 * there first (the item is no longer in {@code expected}).
	 */
	boolean transition(String id, ContentStatus expected, ContentStatus next);

	/**
	 * Moves each item from {@code expected} to the status given for it, in one round
	 * trip; the ids moved (the others were no longer in {@code expected}: another node
	 * got there first).
	 */
	java.util.Set<String> transitionAll(java.util.Map<String, ContentStatus> next, ContentStatus expected);

}
