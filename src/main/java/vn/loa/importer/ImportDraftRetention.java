package vn.loa.importer;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.loa.retention.RetentionDue;
import vn.loa.retention.RetentionProperties;

/**
 * Deletes plan drafts that were never confirmed once their retention
 * ({@code loa.retention.import-drafts}) has passed.
 */
@Component
class ImportDraftRetention {

	static final String PRUNED = "unconfirmed plan drafts";

	private final PlanImports imports;

	private final RetentionProperties retention;

	ImportDraftRetention(PlanImports imports, RetentionProperties retention) {
		this.imports = imports;
		this.retention = retention;
	}

	@EventListener
	void on(RetentionDue due) {
		due.prune(PRUNED, () -> this.imports.prune(due.before(this.retention.importDrafts())));
	}

}
