package vn.loa.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

import vn.loa.channels.radio.RadioExport;
import vn.loa.channels.radio.RadioQueue;
import vn.loa.channels.radio.RadioStation;

/**
 * Writes a station's programme for some days as the archive a smart-radio platform
 * imports: audio, scripts, playlists and a manifest (README, “Radio export”).
 */
@Command(name = "export-radio",
		description = "Write a station's programme (audio, scripts, playlists, manifest.json) as one zip "
				+ "for a smart-radio platform.")
class ExportRadioCommand implements Callable<Integer> {

	private final Class<?> application;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@CommandLine.Mixin
	LanguageOption language = new LanguageOption();

	@Option(names = "--station", required = true, description = "The station's id")
	String station = "";

	@Option(names = "--date", description = "The first day (yyyy-MM-dd; default tomorrow)")
	@Nullable LocalDate date;

	@Option(names = "--to", description = "The last day (yyyy-MM-dd; default the first)")
	@Nullable LocalDate to;

	@Option(names = "--out", description = "The zip to write (default: STATION-DATE.zip here)")
	@Nullable Path out;

	/** Any other {@code --name=value} is a Spring property, as when serving. */
	@CommandLine.Unmatched
	List<String> springArguments = new ArrayList<>();

	ExportRadioCommand(Class<?> application) {
		this.application = application;
	}

	@Override
	public Integer call() throws IOException {
		try (ConfigurableApplicationContext context = QuietContext.start(this.application, this.springArguments)) {
			RadioQueue queue = context.getBean(RadioQueue.class);
			RadioStation chosen = queue.station(this.station).orElse(null);
			if (chosen == null) {
				return refuse(this.language.text()
					.text("cli.radio.no-station", this.station,
							String.join(", ", queue.stations().stream().map(RadioStation::id).toList())));
			}
			LocalDate from = (this.date != null) ? this.date : queue.today().plusDays(1);
			LocalDate last = (this.to != null) ? this.to : from;
			Path target = (this.out != null) ? this.out : Path.of(RadioExport.fileName(chosen, from, last));
			Path partial = target.resolveSibling(target.getFileName() + ".part");
			try (OutputStream file = Files.newOutputStream(partial)) {
				context.getBean(RadioExport.class).write(chosen, from, last, file);
			}
			catch (IllegalArgumentException ex) {
				Files.deleteIfExists(partial);
				return refuse(ex.getMessage());
			}
			Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			this.spec.commandLine().getOut().println(target.toAbsolutePath());
			this.spec.commandLine().getOut().flush();
			return 0;
		}
	}

	private int refuse(@Nullable String message) {
		this.spec.commandLine().getErr().println(this.language.text().text("cli.error", String.valueOf(message)));
		this.spec.commandLine().getErr().flush();
		return 1;
	}

}
