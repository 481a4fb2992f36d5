package vn.loa.database;

import java.nio.file.Path;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.loa.settings.LoaSettings;

/**
 * Makes what Loa created in the data directory during start-up (the H2 files, a generated
 * token) its owner's alone too; the directory itself already is, so nobody else could
 * reach them meanwhile. Done once every bean exists, before the web server opens its port
 * (whoever sees the port sees the files already tightened), and again when Loa is ready,
 * for anything created while the scheduler and server started.
 */
@Component
class DataDirectoryPermissions implements SmartInitializingSingleton {

	private final String url;

	private final Path dataDir;

	DataDirectoryPermissions(@Value("${spring.datasource.url:}") String url, LoaSettings settings) {
		this.url = url;
		this.dataDir = settings.dataDir();
	}

	@Override
	public void afterSingletonsInstantiated() {
		tighten();
	}

	@EventListener(ApplicationReadyEvent.class)
	void tighten() {
		if (this.url.startsWith("jdbc:h2:file:")) {
			EmbeddedDatabase.ownerOnly(this.dataDir);
		}
	}

}
