package vn.loa.calendar;

import java.time.Instant;

/**
 * A plan confirmed at run time and kept in the database rather than in a file of
 * {@code calendar/}.
 *
 * @param planId the plan's id, which a file plan of the same id gives way to
 * @param fileName the name the plan would have in {@code calendar/plans/}
 * @param yaml the plan in the {@code calendar/} format
 * @param storedBy who confirmed it
 * @param storedAt when
 * @param version 1 when first stored, raised by each replacement
 */
public record StoredPlan(String planId, String fileName, String yaml, String storedBy, Instant storedAt, long version) {

	/** Where problems in it are reported: {@code database:plans/450-kh-tu.yaml}. */
	public String location() {
		return "database:plans/" + this.fileName;
	}

}
