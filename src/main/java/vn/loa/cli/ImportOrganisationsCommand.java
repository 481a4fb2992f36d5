package vn.loa.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

import vn.loa.organisations.InvalidOrganisationException;
import vn.loa.organisations.Organisations;

/**
 * Loads provinces and their communes, wards and special zones into Loa's organisations,
 * from the CSV files of a list of administrative units or from the list Loa ships.
 * Loading again updates what changed and never adds a unit twice.
 */
@Command(name = "import-organisations",
		description = "Load provinces and their communes from a list of administrative units (CSV), "
				+ "or from the 2025 list Loa ships.")
class ImportOrganisationsCommand implements Callable<Integer> {

	private final Class<?> application;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@CommandLine.Mixin
	LanguageOption language = new LanguageOption();

	@Option(names = "--provinces", description = "provinces.csv (code,name,fullName,slug,type,isCentral)")
	@Nullable Path provinces;

	@Option(names = "--communes", description = "communes.csv (code,name,fullName,slug,type,provinceCode)")
	@Nullable Path communes;

	@Option(names = "--province", split = ",",
			description = "Only these provinces (code or slug, e.g. 19 or thai-nguyen); all when not given")
	List<String> only = new ArrayList<>();

	/** Any other {@code --name=value} is a Spring property, as when serving. */
	@CommandLine.Unmatched
	List<String> springArguments = new ArrayList<>();

	ImportOrganisationsCommand(Class<?> application) {
		this.application = application;
	}

	@Override
	public Integer call() throws IOException {
		Path provincesFile = this.provinces;
		Path communesFile = this.communes;
		if ((provincesFile == null) != (communesFile == null)) {
			return refuse(this.language.text().text("cli.organisations.both-files"));
		}
		String provincesCsv;
		String communesCsv;
		try {
			provincesCsv = (provincesFile != null) ? read(provincesFile) : null;
			communesCsv = (communesFile != null) ? read(communesFile) : null;
		}
		catch (IOException ex) {
			return refuse("cannot read " + ex.getMessage() + " (" + ex.getClass().getSimpleName() + ")");
		}
		try (ConfigurableApplicationContext context = QuietContext.start(this.application, this.springArguments)) {
			Organisations organisations = context.getBean(Organisations.class);
			Organisations.Imported imported;
			try {
				imported = (provincesCsv != null && communesCsv != null)
						? organisations.importUnits(provincesCsv, communesCsv, this.only, "cli")
						: organisations.importShipped(this.only, "cli");
			}
			catch (InvalidOrganisationException ex) {
				return refuse(this.language.text()
					.message("organisation.error." + ex.code(), ex.arguments(), ex.getMessage()));
			}
			this.spec.commandLine()
				.getOut()
				.println(this.language.text()
					.text("cli.organisations.done", imported.created(), imported.updated(), imported.unchanged(),
							organisations.count()));
			this.spec.commandLine().getOut().flush();
			return 0;
		}
	}

	private String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8);
	}

	private int refuse(@Nullable String message) {
		this.spec.commandLine().getErr().println(this.language.text().text("cli.error", String.valueOf(message)));
		this.spec.commandLine().getErr().flush();
		return 1;
	}

}
