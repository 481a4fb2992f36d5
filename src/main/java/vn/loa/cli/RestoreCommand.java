package vn.loa.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vn.loa.database.Backups;

/** Restores a backup into a fresh data directory; never over an existing database. */
@Command(name = "restore", description = "Restore a backup zip into a fresh (empty or absent) data directory; "
		+ "then start Loa with --loa.data-dir pointing at it.")
class RestoreCommand implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@CommandLine.Mixin
	LanguageOption language = new LanguageOption();

	@Parameters(index = "0", description = "The backup zip")
	Path backup;

	@Option(names = "--data-dir", defaultValue = "var",
			description = "Data directory to restore into (${DEFAULT-VALUE})")
	Path dataDir;

	@Override
	public Integer call() {
		try {
			List<String> entries = Backups.restore(this.backup, this.dataDir);
			this.spec.commandLine()
				.getErr()
				.println(this.language.text().text("cli.restore.done", entries.size(), this.dataDir.toAbsolutePath()));
			return 0;
		}
		catch (RuntimeException ex) {
			this.spec.commandLine()
				.getErr()
				.println(this.language.text().text("cli.restore.failed", String.valueOf(ex.getMessage())));
			return 1;
		}
	}

}
