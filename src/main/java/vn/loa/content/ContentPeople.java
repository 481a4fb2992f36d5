package vn.loa.content;

/**
 * Who took an item through the desk's review; {@code null} where unknown (files and the
 * API).
 *
 * @param createdBy the username that created it
 * @param submittedBy the username that last submitted it for review
 * @param approvedBy the username that last approved it
 */
public record ContentPeople(String createdBy, String submittedBy, String approvedBy) {

	/** Whether {@code username} wrote or submitted the item. */
	public boolean isOwnedBy(String username) {
		return username.equals(this.createdBy) || username.equals(this.submittedBy);
	}

}
