package vn.loa.calendar;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings a plan stored by another node into this node's calendar: every
 * {@code loa.calendar.refresh-interval} it compares the stored plans' versions with those
 * it loaded, a query of a few short rows, and reads the calendar again when they differ.
 */
@Component
class CalendarRefresh {

	private static final Log logger = LogFactory.getLog(CalendarRefresh.class);

	private final CalendarService calendar;

	CalendarRefresh(CalendarService calendar) {
		this.calendar = calendar;
	}

	@Scheduled(fixedDelayString = "${loa.calendar.refresh-interval:10s}",
			initialDelayString = "${loa.calendar.refresh-interval:10s}")
	void refresh() {
		try {
			if (this.calendar.refreshIfChanged()) {
				logger.info("Calendar: read again, another node changed the stored plans");
			}
		}
		catch (DataAccessException ex) {
			// The database may be briefly away; the calendar in memory stays as it was.
			logger.warn("Calendar: cannot look for stored plan changes: " + ex.getMessage());
		}
	}

}
