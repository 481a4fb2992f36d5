package vn.loa.emergency;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An emergency bulletin as issued at the desk; once issued, its content item has the same
 * id.
 *
 * @param id its id (and its content item's)
 * @param organisation the organisation issuing it
 * @param audience whom it reaches: {@code own}, {@code all} (the organisation and every
 * one below it) or chosen organisations' ids
 * @param title its title
 * @param body what is published and read on air
 * @param outlets where it goes out ({@code feed}, {@code email}, {@code radio})
 * @param repeatMinutes minutes between radio readings, or {@code null} for once
 * @param expiresAt when it stops being read
 * @param status where it is
 * @param requestedBy who issued it
 * @param requestedAt when
 * @param decidedBy who approved, refused or withdrew it, or {@code null}
 * @param decidedAt when, or {@code null}
 */
public record EmergencyBulletin(String id, String organisation, String audience, String title, String body,
		List<String> outlets, @Nullable Integer repeatMinutes, Instant expiresAt, EmergencyStatus status,
		String requestedBy, Instant requestedAt, @Nullable String decidedBy, @Nullable Instant decidedAt) {

	/** Whether it is published and still on air at {@code now}. */
	public boolean live(Instant now) {
		return this.status == EmergencyStatus.ISSUED && now.isBefore(this.expiresAt);
	}

	/** How long and how often it is read. */
	public EmergencyTerms terms() {
		return new EmergencyTerms(this.repeatMinutes, this.expiresAt);
	}

}
