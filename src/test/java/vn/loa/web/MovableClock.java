package vn.loa.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test sets and moves. */
public final class MovableClock extends Clock {

	private final AtomicReference<Instant> now;

	private final ZoneId zone;

	public MovableClock(Instant start, ZoneId zone) {
		this(new AtomicReference<>(start), zone);
	}

	private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	public void set(Instant instant) {
		this.now.set(instant);
	}

	public void advance(Duration duration) {
		this.now.updateAndGet((instant) -> instant.plus(duration));
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MovableClock(this.now, zone);
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

}
