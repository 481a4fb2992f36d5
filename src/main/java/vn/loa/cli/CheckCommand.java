package vn.loa.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.loa.calendar.CalendarLoad;
import vn.loa.calendar.CalendarLoader;
import vn.loa.calendar.CalendarProblem;
import vn.loa.content.ContentFiles;
import vn.loa.organisations.Organisations;

/**
 * Validates {@code calendar/} and {@code content/}; prints {@code file:line: message} per
 * problem.
 */
@Command(name = "check", description = "Validate the calendar and content files; exit 1 on any problem.")
class CheckCommand implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Option(names = "--calendar-dir", defaultValue = "calendar", description = "Calendar directory (${DEFAULT-VALUE})")
	Path calendarDir;

	@Option(names = "--content-dir", defaultValue = "content", description = "Content directory (${DEFAULT-VALUE})")
	Path contentDir;

	@Option(names = "--zone", defaultValue = "Asia/Ho_Chi_Minh", description = "Zone of local times (${DEFAULT-VALUE})")
	ZoneId zone;

	@CommandLine.Mixin
	LanguageOption language = new LanguageOption();

	@Override
	public Integer call() {
		CalendarLoad calendar = CalendarLoader.load(this.calendarDir);
		Set<String> organisations = Organisations.declaredIn(this.calendarDir);
		organisations.addAll(calendar.book().organisations().stream().map((o) -> o.id()).toList());
		ContentFiles.Load content = ContentFiles.load(this.contentDir, calendar.book(), this.zone,
				organisations::contains);
		List<CalendarProblem> problems = new ArrayList<>(calendar.problems());
		problems.addAll(content.problems());
		CliText text = this.language.text();
		problems.forEach((problem) -> this.spec.commandLine().getOut().println(text.problem(problem)));
		this.spec.commandLine()
			.getErr()
			.println(text.text("cli.check.summary", calendar.book().anniversaries().size(),
					calendar.book().events().size(), calendar.book().plans().size(), content.items().size(),
					problems.size()));
		return problems.isEmpty() ? 0 : 1;
	}

}
