package vn.loa.database;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.loa.settings.LoaSettings;

/**
 * Once Loa has started, makes what it created in the data directory during start-up (the
 * H2 files, a generated token) its owner's alone too; the directory itself already is, so
 * nobody else could reach them meanwhile.
 */
@Component
class DataDirectoryPermissions {

	private final String url;

	private final Path dataDir;

	DataDirectoryPermissions(@Value("${spring.datasource.url:}") String url, LoaSettings settings) {
		this.url = url;
		this.dataDir = settings.dataDir();
	}

	@EventListener(ApplicationReadyEvent.class)
	void tighten() {
		if (this.url.startsWith("jdbc:h2:file:")) {
			EmbeddedDatabase.ownerOnly(this.dataDir);
		}
	}

}
