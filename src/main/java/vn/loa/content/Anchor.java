package vn.loa.content;

import org.jspecify.annotations.Nullable;
import java.util.Locale;
import java.util.Optional;

/**
 * What an item's schedule is written against, as the store keeps it for the desk's plan
 * filter: a plan's phase (the plan as written, lower-cased), an anniversary, an event, or
 * nothing (an absolute time).
 *
 * @param kind {@code plan}, {@code anniversary}, {@code event} or {@code none}
 * @param ref the plan, anniversary or event; {@code null} for {@code none}
 */
record Anchor(String kind, @Nullable String ref) {

	static Anchor of(@Nullable String when) {
		if (when == null) {
			return new Anchor("none", null);
		}
		Optional<String> plan = Schedule.planOf(when);
		if (plan.isPresent()) {
			return new Anchor("plan", plan.get().toLowerCase(Locale.ROOT));
		}
		return Schedule.anniversaryOf(when)
			.map((anniversary) -> new Anchor("anniversary", anniversary.id()))
			.or(() -> Schedule.eventOf(when).map((event) -> new Anchor("event", event)))
			.orElse(new Anchor("none", null));
	}

}
