package vn.loa.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vn.loa.calendar.CalendarLoader;
import vn.loa.importer.PlanDocuments;
import vn.loa.importer.PlanDraft;
import vn.loa.importer.PlanImports;
import vn.loa.importer.UnreadableDocumentException;
import vn.loa.organisations.Organisations;

/**
 * Reads a plan document and prints the draft plan (standard output) and its review report
 * (standard error); {@code --out DIR} writes the draft into a file instead. The draft
 * belongs to the organisation that issued it when {@code organisations.yaml} of the
 * calendar declares it or loads it with its province. Never changes the calendar: copy
 * the file into {@code calendar/plans/} once it is right.
 */
@Command(name = "import-plan",
		description = "Read a plan (.txt, .md, .docx, .pdf, .html) into a draft for calendar/plans/.")
class ImportPlanCommand implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@CommandLine.Mixin
	LanguageOption language = new LanguageOption();

	@Parameters(paramLabel = "FILE", description = "The plan document")
	Path file;

	@Option(names = "--out", paramLabel = "DIR", description = "Write the draft to DIR/<plan id>.yaml")
	Path out;

	@Option(names = "--calendar-dir", defaultValue = "calendar",
			description = "Calendar to match anniversaries and events against (${DEFAULT-VALUE})")
	Path calendarDir;

	@Override
	public Integer call() throws IOException {
		CliText text = this.language.text();
		if (!Files.isRegularFile(this.file)) {
			this.spec.commandLine()
				.getErr()
				.println(text.text("cli.error", text.text("cli.import.not-a-file", this.file)));
			return 1;
		}
		try {
			// A large file is refused before it is read whole.
			PlanDocuments.requireSize(String.valueOf(this.file.getFileName()), Files.size(this.file));
			// The plan belongs to the organisation that issued it when the calendar's
			// organisations.yaml names it (or a unit it loads).
			PlanDraft draft = PlanImports
				.ownedByIssuer(
						PlanImports.read(this.file.getFileName().toString(), Files.readAllBytes(this.file),
								CalendarLoader.load(this.calendarDir).book()),
						Organisations.declared(this.calendarDir));
			this.spec.commandLine().getErr().println(text.report(draft));
			if (this.out != null) {
				Files.createDirectories(this.out);
				Path target = this.out.resolve(draft.id() + ".yaml");
				Files.writeString(target, draft.toYaml(), StandardCharsets.UTF_8);
				this.spec.commandLine().getErr().println(text.text("cli.import.wrote", target));
			}
			else {
				this.spec.commandLine().getOut().print(draft.toYaml());
				this.spec.commandLine().getOut().flush();
			}
			return 0;
		}
		catch (UnreadableDocumentException ex) {
			this.spec.commandLine()
				.getErr()
				.println(text.text("cli.error",
						text.importer(ex.code(), ex.arguments(), String.valueOf(ex.getMessage()))));
			return 1;
		}
	}

}
