package vn.loa.calendar;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import vn.loa.organisations.Organisations;
import vn.loa.text.ForbiddenCharacter;
import vn.loa.text.PlainText;

/**
 * Reads the {@code calendar/} directory: every {@code *.yaml} and {@code *.yml} file
 * under it, in path order. Each file is a mapping with one or more of the keys
 * {@code organisations}, {@code anniversaries}, {@code events} (lists) and {@code plan}
 * (a mapping).
 */
@org.springframework.modulith.NamedInterface("files")
public final class CalendarLoader {

	private static final Set<String> SECTIONS = new LinkedHashSet<>(
			List.of("organisations", "units", "anniversaries", "events", "plan"));

	private CalendarLoader() {
	}

	/**
	 * Reads every file under {@code directory}; a bad file never stops the others
	 * loading.
	 */
	public static CalendarLoad load(Path directory) {
		return load(directory, List.of());
	}

	/**
	 * Reads every file under {@code directory}, then the plans stored in the database: a
	 * stored plan takes the place of a file plan with the same id. Problems in a stored
	 * plan are reported at {@code database:plans/<file name>}, and it is left out like a
	 * bad file entry.
	 */
	public static CalendarLoad load(Path directory, List<StoredPlan> stored) {
		Set<String> declared = Organisations.declaredIn(directory);
		return load(directory, stored, declared::contains);
	}

	/**
	 * As {@link #load(Path, List)}, with the organisations that exist besides those the
	 * files declare (the database's, when Loa runs).
	 */
	public static CalendarLoad load(Path directory, List<StoredPlan> stored, Predicate<String> knownOrganisation) {
		List<CalendarProblem> problems = new ArrayList<>();
		Sections sections = new Sections();
		// First pass: parse every file, so that references resolve whatever the file
		// order.
		for (Path file : files(directory, problems)) {
			read(() -> Files.newBufferedReader(file, StandardCharsets.UTF_8), name(directory, file), sections,
					problems);
		}
		Sections database = new Sections();
		for (StoredPlan plan : stored) {
			read(() -> new StringReader(plan.yaml()), plan.location(), database, problems);
		}
		sections.replacePlans(database);
		CalendarBook book = new CalendarAssembly(problems, knownOrganisation).assemble(sections);
		problems.sort(Comparator.comparing(CalendarProblem::file).thenComparingInt(CalendarProblem::line));
		return new CalendarLoad(book, List.copyOf(problems));
	}

	private static List<Path> files(Path directory, List<CalendarProblem> problems) {
		if (!Files.isDirectory(directory)) {
			problems.add(new CalendarProblem(slashes(directory.normalize()), 0,
					"cannot read the calendar directory: it does not exist or is not a directory",
					"problem.calendar.no-directory", List.of()));
			return List.of();
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			return paths.filter(Files::isRegularFile)
				.filter(CalendarLoader::isYaml)
				.sorted(Comparator.comparing((path) -> slashes(directory.relativize(path))))
				.toList();
		}
		catch (IOException | UncheckedIOException ex) {
			problems.add(new CalendarProblem(slashes(directory.normalize()), 0,
					"cannot read the calendar directory: " + ex.getMessage()));
			return List.of();
		}
	}

	private static boolean isYaml(Path path) {
		String name = path.getFileName().toString();
		// Editors leave hidden lock and backup files next to the real ones.
		return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml"));
	}

	/** The file relative to the directory's parent, so that it reads "calendar/...". */
	static String name(Path directory, Path file) {
		Path absolute = file.toAbsolutePath().normalize();
		Path parent = directory.toAbsolutePath().normalize().getParent();
		return slashes((parent != null) ? parent.relativize(absolute) : absolute);
	}

	private static String slashes(Path path) {
		return path.toString().replace(File.separatorChar, '/');
	}

	private static void read(Source source, String name, Sections sections, List<CalendarProblem> problems) {
		List<Node> documents = new ArrayList<>();
		try (Reader reader = source.open()) {
			String text = new BufferedReader(reader).lines().collect(Collectors.joining("\n"));
			Optional<ForbiddenCharacter> forbidden = PlainText.firstForbidden(text);
			if (forbidden.isPresent()) {
				problems.add(new CalendarProblem(name, forbidden.get().line(),
						"control character " + forbidden.get().character() + " at column " + forbidden.get().column()
								+ ": no outlet can carry it; remove it",
						"problem.control-character", List.of(String.valueOf(forbidden.get().character()),
								String.valueOf(forbidden.get().column()))));
				return;
			}
			new Yaml().composeAll(new StringReader(text)).forEach(documents::add);
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			String context = (ex.getContext() != null) ? ex.getContext() + ": " : "";
			problems.add(new CalendarProblem(name, (mark != null) ? mark.getLine() + 1 : 0,
					"malformed YAML, " + context + ex.getProblem(), "problem.yaml.malformed",
					List.of(context + ex.getProblem())));
			return;
		}
		catch (UncheckedIOException ex) {
			String reason = (ex.getCause() instanceof CharacterCodingException) ? "the file is not UTF-8 text"
					: String.valueOf(ex.getCause());
			problems.add(new CalendarProblem(name, 0, "cannot read the file: " + reason));
			return;
		}
		catch (YAMLException ex) {
			String reason = (ex.getCause() instanceof CharacterCodingException) ? "the file is not UTF-8 text"
					: ex.getMessage();
			problems.add(new CalendarProblem(name, 0, "malformed YAML, " + reason));
			return;
		}
		catch (IOException ex) {
			String reason = (ex instanceof CharacterCodingException) ? "the file is not UTF-8 text" : ex.toString();
			problems.add(new CalendarProblem(name, 0, "cannot read the file: " + reason));
			return;
		}
		for (Node node : documents) {
			YamlEntry document = YamlEntry.document(name, node, problems);
			if (document == null) {
				continue;
			}
			document.allowOnly(SECTIONS);
			sections.organisations.addAll(document.entries("organisations", "an organisation"));
			sections.anniversaries.addAll(document.entries("anniversaries", "an anniversary"));
			sections.events.addAll(document.entries("events", "an event"));
			YamlEntry plan = document.entry("plan", "the plan");
			if (plan != null) {
				sections.plans.add(plan);
			}
			problems.addAll(document.problems());
		}
	}

	/** A file's text, or a stored plan's. */
	private interface Source {

		Reader open() throws IOException;

	}

	/** The entries of every file, by kind, before anything is checked. */
	static final class Sections {

		final List<YamlEntry> organisations = new ArrayList<>();

		final List<YamlEntry> anniversaries = new ArrayList<>();

		final List<YamlEntry> events = new ArrayList<>();

		final List<YamlEntry> plans = new ArrayList<>();

		/**
		 * Adds the stored plans' entries after the files' ones, dropping every file plan
		 * that a stored plan replaces (so that its own problems are not reported either).
		 * The rest of a stored plan (anniversaries and events it proposed) comes after
		 * the files, so that on a duplicate id the file wins and the stored entry is
		 * reported.
		 */
		void replacePlans(Sections stored) {
			Set<String> replaced = stored.plans.stream()
				.map((plan) -> plan.peek("id"))
				.filter(Objects::nonNull)
				.collect(Collectors.toSet());
			this.plans.removeIf((plan) -> replaced.contains(plan.peek("id")));
			this.organisations.addAll(stored.organisations);
			this.anniversaries.addAll(stored.anniversaries);
			this.events.addAll(stored.events);
			this.plans.addAll(stored.plans);
		}

	}

}
