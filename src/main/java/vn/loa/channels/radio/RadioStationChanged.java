package vn.loa.channels.radio;

import org.jspecify.annotations.Nullable;

import vn.loa.audit.AuditedChange;

/**
 * A radio station was added or changed at the desk or over the API.
 *
 * @param actor who changed it
 * @param stationId the station
 * @param was what it was ({@code null} for a new one)
 * @param now what it is
 */
public record RadioStationChanged(String actor, String stationId, @Nullable String was,
		String now) implements AuditedChange {

	@Override
	public String action() {
		return (this.was == null) ? "radio-station.created" : "radio-station.changed";
	}

	@Override
	public String subject() {
		return "radio-station:" + this.stationId;
	}

	@Override
	public @Nullable String before() {
		return this.was;
	}

	@Override
	public String after() {
		return this.now;
	}

}
