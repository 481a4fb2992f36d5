package vn.loa.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A correction (đính chính) of an item that went out: its new text, the note that says
 * what changed and why, and the text it replaced.
 *
 * @param itemId the corrected item
 * @param seq its number among the item's corrections, from 1
 * @param status pending review, applied or refused
 * @param note what changed and why, as readers are told it
 * @param title the title after it
 * @param summary the summary after it
 * @param body the body after it
 * @param radioScript the radio script after it, or {@code null} to read the body
 * @param beforeTitle the title it replaced
 * @param beforeSummary the summary it replaced
 * @param beforeBody the body it replaced
 * @param beforeRadioScript the radio script it replaced
 * @param notifyEmail whether the item's subscribers get a short correction bulletin
 * @param emailItemId the correction bulletin's own item, once applied with one
 * @param proposedBy who wrote it
 * @param proposedAt when
 * @param decidedBy who applied or refused it, or {@code null} while pending
 * @param decidedAt when, or {@code null} while pending
 */
public record ContentCorrection(String itemId, int seq, Status status, String note, String title, String summary,
		String body, @Nullable String radioScript, String beforeTitle, String beforeSummary, String beforeBody,
		@Nullable String beforeRadioScript, boolean notifyEmail, @Nullable String emailItemId, String proposedBy,
		Instant proposedAt, @Nullable String decidedBy, @Nullable Instant decidedAt) {

	/** Where a correction is in its review. */
	public enum Status {

		/** Waiting for an approver. */
		PENDING,

		/** The item now says what it says. */
		APPLIED,

		/** An approver turned it down; the item is unchanged. */
		REFUSED;

		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * The fields it changes, in the item's order: {@code title}, {@code summary},
	 * {@code body}, {@code radioScript}.
	 */
	public List<String> changed() {
		List<String> changed = new ArrayList<>();
		if (!this.title.equals(this.beforeTitle)) {
			changed.add("title");
		}
		if (!this.summary.equals(this.beforeSummary)) {
			changed.add("summary");
		}
		if (!this.body.equals(this.beforeBody)) {
			changed.add("body");
		}
		if (!Objects.equals(blankAsNull(this.radioScript), blankAsNull(this.beforeRadioScript))) {
			changed.add("radioScript");
		}
		return changed;
	}

	/** The body it replaced, as sanitised HTML (the item's page shows it on request). */
	public String beforeBodyHtml() {
		return ContentRendering.html(this.beforeBody);
	}

	public boolean pending() {
		return this.status == Status.PENDING;
	}

	public boolean applied() {
		return this.status == Status.APPLIED;
	}

	static @Nullable String blankAsNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
