package vn.loa.organisations;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whom an item is for, relative to the organisation it belongs to: that organisation
 * alone ({@code own}, the default), it and every organisation below it ({@code all}), or
 * a chosen set of organisations within it. Written as {@code own}, {@code all} or the
 * chosen ids ({@code thai-nguyen-bang-thanh, thai-nguyen-phu-binh}); which organisations
 * that means is decided once, when the item goes out ({@link Organisations#resolve}).
 *
 * @param reach which of the three
 * @param chosen the chosen organisations' ids, in the order written; empty unless
 * {@code reach} is {@link Reach#CHOSEN}
 */
public record Audience(Reach reach, List<String> chosen) {

	/** The organisation the item belongs to, alone. */
	public static final Audience OWN = new Audience(Reach.OWN, List.of());

	/** The organisation the item belongs to and every organisation below it. */
	public static final Audience ALL = new Audience(Reach.ALL, List.of());

	public Audience {
		chosen = List.copyOf(chosen);
		if ((reach == Reach.CHOSEN) == chosen.isEmpty()) {
			throw new IllegalArgumentException("only a chosen audience lists organisations, and it lists one at least");
		}
	}

	/** The three kinds of audience. */
	public enum Reach {

		/** The owner alone. */
		OWN,

		/** The owner and every organisation below it. */
		ALL,

		/** The organisations listed, each the owner or below it. */
		CHOSEN

	}

	/**
	 * Reads what an editor wrote: {@code own}, {@code all}, or organisation ids separated
	 * by commas or given as a list; blank means {@code own}. A repeated id counts once.
	 */
	public static Audience parse(List<String> written) {
		List<String> ids = new ArrayList<>();
		for (String part : written) {
			for (String id : part.split(",")) {
				if (!id.isBlank()) {
					ids.add(id.strip());
				}
			}
		}
		if (ids.isEmpty()) {
			return OWN;
		}
		if (ids.size() == 1) {
			String only = ids.get(0).toLowerCase(Locale.ROOT);
			if (only.equals("own")) {
				return OWN;
			}
			if (only.equals("all")) {
				return ALL;
			}
		}
		Set<String> distinct = new LinkedHashSet<>(ids);
		return new Audience(Reach.CHOSEN, List.copyOf(distinct));
	}

	/** Reads what {@link #key()} wrote. */
	public static Audience parse(String written) {
		return parse(List.of(written));
	}

	/** The audience as stored and shown: {@code own}, {@code all} or the ids. */
	public String key() {
		return switch (this.reach) {
			case OWN -> "own";
			case ALL -> "all";
			case CHOSEN -> String.join(",", this.chosen);
		};
	}

	/** Whether the item is for its owner alone. */
	public boolean isOwn() {
		return this.reach == Reach.OWN;
	}

}
