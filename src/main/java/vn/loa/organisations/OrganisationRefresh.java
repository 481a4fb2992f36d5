package vn.loa.organisations;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings another node's changes to the organisations into this node: every
 * {@code loa.organisations.refresh-interval} it compares two numbers (row count and
 * version sum) with those it read, and reads the table again when they differ.
 */
@Component
class OrganisationRefresh {

	private static final Log logger = LogFactory.getLog(OrganisationRefresh.class);

	private final Organisations organisations;

	OrganisationRefresh(Organisations organisations) {
		this.organisations = organisations;
	}

	@Scheduled(fixedDelayString = "${loa.organisations.refresh-interval:10s}",
			initialDelayString = "${loa.organisations.refresh-interval:10s}")
	void refresh() {
		try {
			if (this.organisations.refreshIfChanged()) {
				logger.info("Organisations: read again, another node changed them");
			}
		}
		catch (DataAccessException ex) {
			// The database may be briefly away; the hierarchy in memory stays as it was.
			logger.warn("Organisations: cannot look for changes: " + ex.getMessage());
		}
	}

}
