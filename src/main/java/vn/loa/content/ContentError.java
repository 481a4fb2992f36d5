package vn.loa.content;

/**
 * Every way the content module refuses an item or a step, as a stable code that pages
 * translate ({@code error.<code>} in the messages) and the number of arguments the
 * translation receives. The English exception message stays what the API and logs show.
 */
public enum ContentError {

	ID_FORMAT("content.id.format", 1),

	ID_TAKEN("content.id.taken", 1),

	ID_UNKNOWN("content.id.unknown", 1),

	TITLE_REQUIRED("content.title.required", 0),

	TITLE_TOO_LONG("content.title.tooLong", 2),

	BODY_REQUIRED("content.body.required", 0),

	BODY_TOO_LONG("content.body.tooLong", 2),

	/**
	 * A character no outlet can carry ({@code U+0007 BEL}), then its line and column.
	 */
	TEXT_FORBIDDEN_CHARACTER("content.text.forbiddenCharacter", 3),

	OUTLETS_NONE("content.outlets.none", 0),

	OUTLET_UNKNOWN("content.outlets.unknown", 1),

	PRIORITY_UNKNOWN("content.priority.unknown", 1),

	PRIORITY_EMERGENCY("content.priority.emergency", 0),

	ORGANISATION_UNKNOWN("content.organisation.unknown", 1),

	AUDIENCE_OUTSIDE("content.audience.outside", 2),

	STATUS_UNKNOWN("content.status.unknown", 1),

	STALE_AFTER_INVALID("content.staleAfter.invalid", 2),

	/** An ordinal quotes an impossible date: the date, then the ordinal as written. */
	ORDINAL_IMPOSSIBLE_DATE("content.ordinal.impossibleDate", 2),

	/** The ordinal as written, the number it says and the years its dates span. */
	ORDINAL_WRONG_COUNT("content.ordinal.wrongCount", 3),

	ORDINAL_DIFFERENT_DAYS("content.ordinal.differentDays", 1),

	WHEN_REQUIRED("content.when.required", 0),

	WHEN_UNREADABLE("content.when.unreadable", 1),

	/**
	 * A part after the anchor that is neither an offset nor a time; then the schedule.
	 */
	WHEN_UNREADABLE_PART("content.when.unreadablePart", 2),

	WHEN_IMPOSSIBLE_DATE("content.when.impossibleDate", 1),

	/** The time as written, then the schedule. */
	WHEN_IMPOSSIBLE_TIME("content.when.impossibleTime", 2),

	WHEN_UNKNOWN_ANNIVERSARY("content.when.unknownAnniversary", 1),

	/** The anniversary, then the year. */
	WHEN_NO_OCCURRENCE("content.when.noOccurrence", 2),

	WHEN_UNKNOWN_EVENT("content.when.unknownEvent", 1),

	WHEN_EVENT_UNDATED("content.when.eventUndated", 1),

	WHEN_UNKNOWN_PLAN("content.when.unknownPlan", 1),

	/** The plan, then the phase number. */
	WHEN_NO_PHASE("content.when.noPhase", 2),

	/** The phase number, then the plan. */
	WHEN_PHASE_END_UNKNOWN("content.when.phaseEndUnknown", 2),

	/** The name written: an anniversary named without its year or ordinal. */
	WHEN_ANNIVERSARY_YEAR("content.when.anniversaryYear", 1),

	/** The name written, which no anniversary or event has. */
	WHEN_UNKNOWN_NAME("content.when.unknownName", 1),

	/** The name written, then the names it fits. */
	WHEN_AMBIGUOUS_NAME("content.when.ambiguousName", 2),

	/** The item, then its {@link ContentStatus}. */
	EDIT_GONE_OUT("content.edit.goneOut", 2),

	/** The item's {@link ContentStatus}. */
	EDIT_GONE_OUT_NO_ID("content.edit.goneOutStatus", 1),

	/** The item, its {@link ContentStatus} now and the one the step needs. */
	REVIEW_WRONG_STATUS("content.review.wrongStatus", 3),

	WITHDRAW_ALREADY("content.review.withdrawAlready", 1),

	/** The item, then its {@link ContentStatus} now. */
	VERSION_CHANGED("content.version.changed", 2),

	APPROVER_ONLY("content.review.approverOnly", 0),

	OWN_ITEM("content.review.ownItem", 0),

	/** The item, then its {@link ContentStatus}: only what went out is corrected. */
	CORRECTION_NOT_OUT("content.correction.notOut", 2),

	CORRECTION_NOTE_REQUIRED("content.correction.noteRequired", 0),

	/** The longest note allowed, then the note's length. */
	CORRECTION_NOTE_TOO_LONG("content.correction.noteTooLong", 2),

	/** A correction that leaves the text as it is. */
	CORRECTION_UNCHANGED("content.correction.unchanged", 0),

	/** The number of the correction still waiting for review. */
	CORRECTION_PENDING("content.correction.pending", 1),

	/** The item, then the correction's number. */
	CORRECTION_UNKNOWN("content.correction.unknown", 2),

	/** The correction's number, then its status. */
	CORRECTION_DECIDED("content.correction.decided", 2),

	/** A correction bulletin asked for an item that does not go out by email. */
	CORRECTION_NO_EMAIL("content.correction.noEmail", 0);

	private final String code;

	private final int arity;

	ContentError(String code, int arity) {
		this.code = code;
		this.arity = arity;
	}

	/** The stable code; pages look up {@code error.} followed by it. */
	public String code() {
		return this.code;
	}

	/** How many arguments go with the code. */
	public int arity() {
		return this.arity;
	}

}
