package vn.loa.retention;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long Loa keeps what nobody needs once it is done with ({@code loa.retention.*}).
 *
 * @param completedEvents how long a completed event publication is kept after its
 * completion
 * @param confirmationMails how long a sent, failed or cancelled confirmation mail is kept
 * after it reached that state
 * @param importDrafts how long a plan draft that was never confirmed is kept after its
 * upload
 * @param at the time of day, in {@code loa.zone}, the daily clean-up runs
 */
@ConfigurationProperties("loa.retention")
public record RetentionProperties(@DefaultValue("7d") Duration completedEvents,
		@DefaultValue("30d") Duration confirmationMails, @DefaultValue("30d") Duration importDrafts,
		@DefaultValue("03:30") LocalTime at) {

	public RetentionProperties {
		positive("loa.retention.completed-events", completedEvents);
		positive("loa.retention.confirmation-mails", confirmationMails);
		positive("loa.retention.import-drafts", importDrafts);
	}

	private static void positive(String property, Duration duration) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(
					property + " must be a positive duration (e.g. 30d), but was " + duration);
		}
	}

}
