package vn.loa.content;

import java.nio.file.Path;
import java.time.ZoneId;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.loa.organisations.Organisations;
import vn.loa.calendar.CalendarService;

/**
 * Loads the {@code content/} files at start-up through the workflow, upserting by id: a
 * restart changes nothing, a changed file reschedules its item.
 */
@Component
@Order(0)
class ContentSync implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(ContentSync.class);

	private final Path directory;

	private final CalendarService calendar;

	private final Organisations organisations;

	private final ContentWorkflow workflow;

	private final ZoneId zone;

	private final boolean syncOnStart;

	ContentSync(@Value("${loa.content-dir:content}") Path directory, CalendarService calendar,
			Organisations organisations, ContentWorkflow workflow, ZoneId zone,
			@Value("${loa.content.sync-on-start:true}") boolean syncOnStart) {
		this.syncOnStart = syncOnStart;
		this.directory = directory;
		this.calendar = calendar;
		this.organisations = organisations;
		this.workflow = workflow;
		this.zone = zone;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.syncOnStart) {
			sync();
		}
	}

	/**
	 * Reads the files and stores what changed; returns the number of items stored anew.
	 */
	int sync() {
		ContentFiles.Load load = ContentFiles.load(this.directory, this.calendar.book(), this.zone,
				(id) -> this.organisations.find(id).isPresent(),
				(id, owner) -> this.organisations.accepts(id) && this.organisations.isWithin(id, owner));
		load.problems().forEach((problem) -> logger.warn("Content: " + problem));
		int changed = 0;
		for (ContentItem item : load.items()) {
			if (this.workflow.load(item)) {
				changed++;
			}
		}
		logger.info("Content: " + load.items().size() + " files read from " + this.directory + ", " + changed
				+ " stored anew, " + load.problems().size() + " with problems");
		return changed;
	}

}
