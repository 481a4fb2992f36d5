package vn.loa.content;

import org.jspecify.annotations.Nullable;

/**
 * A correction as an editor writes it, at the desk or through the API: the item's text as
 * it should read, and what readers are told changed.
 *
 * @param title the title as it should read
 * @param summary the summary, may be empty
 * @param body the body
 * @param radioScript the radio script, or {@code null} or blank to read the body
 * @param note what changed and why (“Sửa giờ mít tinh: 7 giờ, không phải 8 giờ”)
 * @param notifyEmail whether the item's subscribers get a short correction bulletin;
 * {@code null} (not said) is no
 */
public record CorrectionDraft(@Nullable String title, @Nullable String summary, @Nullable String body,
		@Nullable String radioScript, @Nullable String note, @Nullable Boolean notifyEmail) {

	/** Whether the item's subscribers get a short correction bulletin. */
	public boolean notifies() {
		return Boolean.TRUE.equals(this.notifyEmail);
	}

}
