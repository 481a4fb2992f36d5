package vn.loa.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.loa.database.Backups;

/** Copies a running (or stopped) embedded Loa into one zip. */
@Command(name = "backup", description = "Back up the embedded database and the data directory into one zip, "
		+ "online: the server may keep running.")
class BackupCommand implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@CommandLine.Mixin
	LanguageOption language = new LanguageOption();

	@Option(names = "--data-dir", defaultValue = "var", description = "Loa's data directory (${DEFAULT-VALUE})")
	Path dataDir;

	@Option(names = "--to", description = "The zip to write (default: loa-backup-DATE-TIME.zip here)")
	Path target;

	@Override
	public Integer call() {
		Path zip = (this.target != null) ? this.target : Path
			.of("loa-backup-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now()) + ".zip");
		try {
			List<String> entries = Backups.backup(this.dataDir, zip);
			this.spec.commandLine().getOut().println(zip.toAbsolutePath());
			this.spec.commandLine()
				.getErr()
				.println(this.language.text()
					.text("cli.backup.done", this.dataDir, entries.size(), String.join(", ", entries)));
			return 0;
		}
		catch (RuntimeException ex) {
			this.spec.commandLine()
				.getErr()
				.println(this.language.text().text("cli.backup.failed", String.valueOf(ex.getMessage())));
			return 1;
		}
	}

}
