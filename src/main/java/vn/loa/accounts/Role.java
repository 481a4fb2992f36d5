package vn.loa.accounts;

/** What a desk user may do; a user holds one or more roles. */
public enum Role {

	/** Manages accounts, and may do everything an editor and approver may. */
	ADMIN,
	/** Prepares and schedules content. */
	EDITOR,
	/** Approves content before it goes out. */
	APPROVER,
	/** Reads the radio queue on air and marks entries aired or skipped. */
	ANNOUNCER,
	/**
	 * Issues emergency bulletins (storms, floods, fire, epidemics) that go out at once on
	 * every outlet; a role of its own, held by few.
	 */
	EMERGENCY

}
