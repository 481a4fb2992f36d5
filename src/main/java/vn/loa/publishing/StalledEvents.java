package vn.loa.publishing;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands every event publication still incomplete after a safe age to its listeners again,
 * on every node, every {@code loa.publishing.republish-interval}: when the node that
 * published an item dies (or the database restarts) before its feed, radio and mail
 * listeners finish, another live node finishes them, instead of waiting for the dead node
 * to start again. The outlets' unique keys make a second delivery harmless.
 */
@Component
class StalledEvents {

	private static final Log logger = LogFactory.getLog(StalledEvents.class);

	private final IncompleteEventPublications incomplete;

	private final Duration age;

	StalledEvents(IncompleteEventPublications incomplete,
			@Value("${loa.publishing.republish-after:PT1M}") Duration age) {
		this.incomplete = incomplete;
		this.age = age;
	}

	@Scheduled(fixedDelayString = "${loa.publishing.republish-interval:PT30S}",
			initialDelayString = "${loa.publishing.republish-interval:PT30S}")
	void republish() {
		try {
			this.incomplete.resubmitIncompletePublicationsOlderThan(this.age);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not hand stalled event publications to their listeners again; next try in a while", ex);
		}
	}

}
