package vn.loa.icalendar;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The years a feed covers when the request does not say, counted from the current year.
 *
 * @param yearsBack whole years before the current one
 * @param yearsAhead whole years after the current one
 * @param checkInterval how often a node looks whether another node changed an item, for
 * the feeds it keeps ({@code 0}: on every request)
 */
@ConfigurationProperties("loa.ical")
record IcsProperties(@DefaultValue("1") int yearsBack, @DefaultValue("2") int yearsAhead,
		@DefaultValue("1s") Duration checkInterval) {

	IcsProperties {
		if (checkInterval.isNegative()) {
			throw new IllegalArgumentException("loa.ical.check-interval must not be negative, was " + checkInterval);
		}
		if (yearsBack < 0 || yearsAhead < 0) {
			throw new IllegalArgumentException("loa.ical.years-back and loa.ical.years-ahead must not be negative");
		}
		if (yearsBack + yearsAhead + 1 > YearWindow.MAX_YEARS) {
			throw new IllegalArgumentException(
					"loa.ical.years-back + loa.ical.years-ahead + 1 must be at most " + YearWindow.MAX_YEARS);
		}
	}

}
