package vn.loa.content;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the files are read, fills in the schedule anchor of items stored by
 * a version of Loa that did not keep it, so the desk's plan filter finds them too.
 */
@Component
@Order(-1)
class ContentAnchors implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(ContentAnchors.class);

	private final ContentStore store;

	ContentAnchors(ContentStore store) {
		this.store = store;
	}

	@Override
	public void run(ApplicationArguments args) {
		int filled = this.store.fillAnchors();
		if (filled > 0) {
			logger.info("Content: filled in what the schedules of " + filled + " stored item(s) are written against");
		}
	}

}
