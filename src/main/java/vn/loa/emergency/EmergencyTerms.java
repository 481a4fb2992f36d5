package vn.loa.emergency;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How long an emergency bulletin stays on air and how often it is read again.
 *
 * @param repeatMinutes minutes between readings, or {@code null} to read it once
 * @param expiresAt when it stops being read
 */
public record EmergencyTerms(@Nullable Integer repeatMinutes, Instant expiresAt) {

}
