package vn.loa.emergency;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An emergency bulletin as the desk's form sends it, before it is checked.
 *
 * @param organisation the organisation issuing it
 * @param audience {@code own}, {@code all}, or {@code chosen}
 * @param chosen the chosen organisations' ids, comma-separated, when the audience is
 * {@code chosen}
 * @param title its title
 * @param body what is published and read on air
 * @param outlets where it goes out; all three when none is named
 * @param repeatMinutes minutes between radio readings; 0 or blank reads it once
 * @param hours how many hours it stays on air
 */
public record EmergencyRequest(@Nullable String organisation, @Nullable String audience, @Nullable String chosen,
		@Nullable String title, @Nullable String body, @Nullable List<String> outlets, @Nullable Integer repeatMinutes,
		@Nullable Integer hours) {

}
