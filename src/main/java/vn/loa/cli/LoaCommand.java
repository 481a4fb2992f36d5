package vn.loa.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code calendar} prints what falls in a date range, {@code check}
 * validates the calendar and content files, {@code create-admin} creates a desk
 * administrator, {@code backup} and {@code restore} copy the embedded database. With no
 * arguments the jar serves instead.
 */
@Command(name = "loa", mixinStandardHelpOptions = true, version = "Loa 0.1",
		description = "Scheduled campaign calendar and content publisher. Without a command, serves.",
		subcommands = { CalendarCommand.class, CheckCommand.class, ImportPlanCommand.class, CreateAdminCommand.class,
				ImportOrganisationsCommand.class, BackupCommand.class, RestoreCommand.class, ExportRadioCommand.class })
public final class LoaCommand implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	/**
	 * Runs a command; {@code application} is the Spring Boot application class for
	 * commands that need it.
	 */
	public static int execute(String[] args, Class<?> application) {
		quietLogging();
		CommandLine line = new CommandLine(new LoaCommand(), new ApplicationFactory(application));
		line.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
		line.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
		return line.execute(args);
	}

	/**
	 * Commands print their own results on standard output and their problems on standard
	 * error; library log lines (POI, PDFBox, Spring) must not mix into either.
	 */
	private static void quietLogging() {
		if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
			context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.OFF);
		}
	}

	@Override
	public Integer call() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
		return 0;
	}

	/** Hands the application class to the commands that start Spring. */
	record ApplicationFactory(Class<?> application) implements CommandLine.IFactory {

		@Override
		public <K> K create(Class<K> type) throws Exception {
			if (type == CalendarCommand.class) {
				return type.cast(new CalendarCommand(this.application));
			}
			if (type == CreateAdminCommand.class) {
				return type.cast(new CreateAdminCommand(this.application));
			}
			if (type == ExportRadioCommand.class) {
				return type.cast(new ExportRadioCommand(this.application));
			}
			if (type == ImportOrganisationsCommand.class) {
				return type.cast(new ImportOrganisationsCommand(this.application));
			}
			return CommandLine.defaultFactory().create(type);
		}

	}

}
