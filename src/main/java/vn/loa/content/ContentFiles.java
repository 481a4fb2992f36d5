package vn.loa.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import org.jspecify.annotations.Nullable;

import java.util.function.BiPredicate;
import java.util.function.Predicate;
import vn.loa.organisations.Audience;
import vn.loa.organisations.Organisations;
import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.CalendarProblem;
import vn.loa.calendar.WrittenOrdinals;
import vn.loa.text.PlainText;

/**
 * Reads the {@code content/} directory: Markdown files with YAML front matter, one item
 * each. A bad file is reported with its line and skipped; the others still load.
 */
public final class ContentFiles {

	/** Outlets that may wait at most this long when an item does not say otherwise. */
	public static final Map<Outlet, Duration> DEFAULT_STALE_AFTER = Map.of(Outlet.FEED, Duration.ofDays(7),
			Outlet.EMAIL, Duration.ofHours(24));

	private static final Set<String> KEYS = Set.of("id", "title", "summary", "outlets", "organisation", "audience",
			"when", "stale-after", "status", "radio-script", "priority");

	/** Why a file, the API or the content form cannot ask for an emergency. */
	static final String EMERGENCY_ONLY_AT_DESK = "priority: an emergency (khẩn cấp) is issued at the desk's "
			+ "Khẩn cấp page, by someone who holds that role; write normal or priority";

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,119}");

	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(d|h|m|s|days?|hours?|minutes?|seconds?)",
			Pattern.CASE_INSENSITIVE);

	private ContentFiles() {
	}

	/** What reading the directory gave. */
	public record Load(List<ContentItem> items, List<CalendarProblem> problems) {

	}

	/**
	 * Reads every file, refusing an organisation the calendar's files do not declare
	 * (what a check without the database can know).
	 */
	public static Load load(Path directory, CalendarBook book, ZoneId zone) {
		return load(directory, book, zone,
				(id) -> book.organisation(id).isPresent() || Organisations.DEFAULT.equals(id));
	}

	/**
	 * Reads every file, accepting in an audience any organisation an item may belong to.
	 * @param knownOrganisation whether an item may belong to the organisation of this id
	 */
	public static Load load(Path directory, CalendarBook book, ZoneId zone, Predicate<String> knownOrganisation) {
		return load(directory, book, zone, knownOrganisation, (id, owner) -> knownOrganisation.test(id));
	}

	/**
	 * Reads every file.
	 * @param knownOrganisation whether an item may belong to the organisation of this id
	 * @param reaches whether an item of the second organisation may name the first in its
	 * audience
	 */
	public static Load load(Path directory, CalendarBook book, ZoneId zone, Predicate<String> knownOrganisation,
			BiPredicate<String, String> reaches) {
		List<ContentItem> items = new ArrayList<>();
		List<CalendarProblem> problems = new ArrayList<>();
		if (!Files.isDirectory(directory)) {
			problems.add(new CalendarProblem(directory.toString(), 0, "content directory not found",
					"problem.content.no-directory", List.of()));
			return new Load(items, problems);
		}
		Map<String, String> seen = new HashMap<>();
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".md")).sorted().toList()) {
				String name = display(directory, file);
				try {
					ContentItem item = read(file, name, book, zone, knownOrganisation, reaches);
					String earlier = seen.putIfAbsent(item.id(), name);
					if (earlier != null) {
						throw new Problem(2, "duplicate id '" + item.id() + "' (already in " + earlier + ")",
								"problem.content.duplicate-id", item.id(), earlier);
					}
					items.add(item);
				}
				catch (Problem ex) {
					problems.add(ex.at(name));
				}
				catch (Problems ex) {
					ex.problems.stream()
						.sorted(java.util.Comparator.comparingInt((Problem p) -> p.line))
						.forEach((p) -> problems.add(p.at(name)));
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			problems.add(new CalendarProblem(directory.toString(), 0, "cannot read directory: " + ex.getMessage()));
		}
		return new Load(items, problems);
	}

	private static ContentItem read(Path file, String name, CalendarBook book, ZoneId zone,
			Predicate<String> knownOrganisation, BiPredicate<String, String> reaches) {
		String fullText;
		try {
			fullText = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
		}
		catch (MalformedInputException ex) {
			throw new Problem(0, "not UTF-8 text", "problem.not-utf8");
		}
		catch (IOException ex) {
			throw new Problem(0, "cannot read: " + ex.getMessage());
		}
		if (fullText.startsWith("\uFEFF")) {
			fullText = fullText.substring(1);
		}
		PlainText.firstForbidden(fullText).ifPresent((found) -> {
			throw new Problem(found.line(),
					"control character " + found.character() + " at column " + found.column()
							+ ": no outlet can carry it; remove it",
					"problem.control-character", found.character(), found.column());
		});
		if (!fullText.startsWith("---\n")) {
			throw new Problem(1, "missing front matter: the file must start with a '---' line",
					"problem.content.no-front-matter");
		}
		int end = fullText.indexOf("\n---", 3);
		if (end < 0) {
			throw new Problem(1, "front matter is not closed by a '---' line", "problem.content.front-matter-open");
		}
		String frontMatter = fullText.substring(4, end + 1);
		int bodyStart = fullText.indexOf('\n', end + 4);
		String body = (bodyStart < 0) ? "" : fullText.substring(bodyStart + 1).strip();
		MappingNode root;
		try {
			Node node = new Yaml().compose(new java.io.StringReader(frontMatter));
			if (!(node instanceof MappingNode mapping)) {
				throw new Problem(2, "front matter must be a mapping of keys to values");
			}
			root = mapping;
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 2 : 2;
			String context = (ex.getContext() != null && ex.getContextMark() != null)
					? " (" + ex.getContext() + " started on line " + (ex.getContextMark().getLine() + 2) + ")" : "";
			throw new Problem(line, "malformed YAML: " + ex.getProblem() + context);
		}
		catch (YAMLException ex) {
			throw new Problem(2, "malformed YAML: " + ex.getMessage());
		}
		// Every problem of the file is reported, not the first: each field is checked on
		// its own and the item is refused once all have been.
		List<Problem> problems = new ArrayList<>();
		Map<String, NodeTuple> fields = new HashMap<>();
		for (NodeTuple tuple : root.getValue()) {
			String key = scalar(tuple.getKeyNode());
			if (!KEYS.contains(key)) {
				String known = String.join(", ", KEYS.stream().sorted().toList());
				problems.add(new Problem(line(tuple.getKeyNode()), "unknown key '" + key + "' (known: " + known + ")",
						"problem.yaml.unknown-key", key, known));
				continue;
			}
			fields.put(key, tuple);
		}
		String id = attempt(problems, () -> {
			String written = required(fields, "id");
			if (!ID.matcher(written).matches()) {
				throw new Problem(line(valueNode(fields, "id")),
						"id '" + written + "' must be lower-case letters, digits and dashes");
			}
			return written;
		}, "");
		String title = attempt(problems, () -> checked(fields, "title", required(fields, "title"), true), "");
		String organisation = attempt(problems, () -> {
			String written = optional(fields, "organisation", Organisations.DEFAULT);
			if (!knownOrganisation.test(written)) {
				throw new Problem(line(valueNode(fields, "organisation")), "unknown organisation '" + written + "'",
						"problem.unknown.organisation", written);
			}
			return written;
		}, Organisations.DEFAULT);
		Audience audience = attempt(problems, () -> {
			Audience written = audience(fields);
			for (String chosen : written.chosen()) {
				if (!reaches.test(chosen, organisation)) {
					throw new Problem(line(valueNode(fields, "audience")),
							"audience: '" + chosen + "' is not an organisation within '" + organisation + "'");
				}
			}
			return written;
		}, Audience.OWN);
		ContentStatus status = attempt(problems, () -> status(fields), ContentStatus.SCHEDULED);
		Set<Outlet> outlets = attempt(problems, () -> outlets(fields), Set.of());
		String when = attempt(problems,
				() -> (status == ContentStatus.DRAFT) ? optional(fields, "when", "") : required(fields, "when"), "");
		java.time.Instant dueAt = null;
		if (!when.isBlank()) {
			try {
				when = Schedule.stored(when, book);
				dueAt = Schedule.resolve(when, book, zone).toInstant();
			}
			catch (Schedule.ScheduleException ex) {
				problems.add(new Problem(line(valueNode(fields, "when")), String.valueOf(ex.getMessage()),
						"error." + ex.error().code(), ex.arguments().toArray()));
			}
		}
		Priority priority = attempt(problems, () -> {
			if (!fields.containsKey("priority")) {
				return Priority.NORMAL;
			}
			Priority read;
			try {
				read = Priority.parse(required(fields, "priority"));
			}
			catch (IllegalArgumentException ex) {
				throw new Problem(line(valueNode(fields, "priority")), ex.getMessage());
			}
			if (read == Priority.EMERGENCY) {
				throw new Problem(line(valueNode(fields, "priority")), EMERGENCY_ONLY_AT_DESK);
			}
			return read;
		}, Priority.NORMAL);
		int bodyLine = frontMatter.split("\n", -1).length + 2;
		String text = PlainText.normalise(body);
		String summary = attempt(problems, () -> checked(fields, "summary", optional(fields, "summary", ""), false),
				"");
		String radioScript = null;
		if (fields.containsKey("radio-script")) {
			radioScript = attempt(problems,
					() -> checked(fields, "radio-script", scalar(fields.get("radio-script").getValueNode()), false),
					"");
		}
		if (text.isBlank()) {
			problems.add(new Problem(bodyLine, "the body is empty", "problem.content.body-empty"));
		}
		Map<Outlet, java.time.Duration> staleAfter = attempt(problems, () -> staleAfter(fields), Map.of());
		problems.addAll(ordinals(title, fields.containsKey("title") ? line(valueNode(fields, "title")) : 0));
		problems.addAll(ordinals(summary, fields.containsKey("summary") ? line(valueNode(fields, "summary")) : 0));
		problems.addAll(ordinals(fullText.substring(bodyStart + 1), bodyLine));
		if (!problems.isEmpty()) {
			throw new Problems(problems);
		}
		return new ContentItem(id, organisation, title, summary, text, radioScript, outlets, when, dueAt, staleAfter,
				status, name, null, audience, priority);
	}

	/** The value a check gives, or {@code fallback} with its problem noted. */
	private static <T extends @Nullable Object> T attempt(List<Problem> problems, java.util.function.Supplier<T> check,
			T fallback) {
		try {
			return check.get();
		}
		catch (Problem ex) {
			problems.add(ex);
			return fallback;
		}
	}

	/**
	 * An ordinal that disagrees with its dates would go out wrong to every reader: refuse
	 * it.
	 */
	private static List<Problem> ordinals(String text, int firstLine) {
		return WrittenOrdinals.check(text)
			.stream()
			.map((finding) -> new Problem(firstLine + finding.line() - 1, finding.message()))
			.toList();
	}

	/**
	 * A text value with its line breaks normalised; a YAML escape such as {@code “\a”}
	 * can still smuggle in a character that no outlet can carry.
	 */
	private static String checked(Map<String, NodeTuple> fields, String key, String value, boolean oneLine) {
		String normalised = oneLine ? PlainText.normaliseLine(value) : PlainText.normalise(value);
		PlainText.firstForbidden(normalised).ifPresent((found) -> {
			throw new Problem(line(valueNode(fields, key)),
					"'" + key + "' contains the control character " + found.character()
							+ ": no outlet can carry it; remove it",
					"problem.control-character-in", key, found.character());
		});
		return normalised;
	}

	/** The value of a key the file is known to have. */
	private static Node valueNode(Map<String, NodeTuple> fields, String key) {
		return Objects.requireNonNull(fields.get(key), key).getValueNode();
	}

	private static ContentStatus status(Map<String, NodeTuple> fields) {
		String text = optional(fields, "status", "scheduled").toLowerCase(Locale.ROOT);
		return switch (text) {
			case "scheduled" -> ContentStatus.SCHEDULED;
			case "draft" -> ContentStatus.DRAFT;
			case "archived" -> ContentStatus.ARCHIVED;
			default -> throw new Problem(line(valueNode(fields, "status")),
					"status '" + text + "' cannot be set in a file (use draft, scheduled or archived)");
		};
	}

	/** {@code own}, {@code all}, or chosen ids as a list or separated by commas. */
	private static Audience audience(Map<String, NodeTuple> fields) {
		NodeTuple tuple = fields.get("audience");
		if (tuple == null) {
			return Audience.OWN;
		}
		List<String> written = new ArrayList<>();
		if (tuple.getValueNode() instanceof SequenceNode sequence) {
			sequence.getValue().forEach((node) -> written.add(scalar(node)));
		}
		else {
			written.add(scalar(tuple.getValueNode()));
		}
		return Audience.parse(written);
	}

	private static Set<Outlet> outlets(Map<String, NodeTuple> fields) {
		NodeTuple tuple = fields.get("outlets");
		if (tuple == null) {
			throw new Problem(2, "missing required key 'outlets'", "problem.content.missing-key", "outlets");
		}
		List<String> names = new ArrayList<>();
		Node value = tuple.getValueNode();
		if (value instanceof SequenceNode sequence) {
			sequence.getValue().forEach((node) -> names.add(scalar(node)));
		}
		else {
			names.addAll(List.of(scalar(value).split("\\s*,\\s*")));
		}
		Set<Outlet> outlets = EnumSet.noneOf(Outlet.class);
		for (String outletName : names) {
			try {
				outlets.add(Outlet.parse(outletName));
			}
			catch (IllegalArgumentException ex) {
				throw new Problem(line(value), ex.getMessage());
			}
		}
		if (outlets.isEmpty()) {
			throw new Problem(line(value), "outlets must name at least one of feed, email, radio");
		}
		return outlets;
	}

	private static Map<Outlet, Duration> staleAfter(Map<String, NodeTuple> fields) {
		Map<Outlet, Duration> result = new EnumMap<>(Outlet.class);
		NodeTuple tuple = fields.get("stale-after");
		if (tuple == null) {
			return result;
		}
		if (!(tuple.getValueNode() instanceof MappingNode mapping)) {
			throw new Problem(line(tuple.getValueNode()), "stale-after must map outlets to durations (feed: 7d)");
		}
		for (NodeTuple entry : mapping.getValue()) {
			Outlet outlet;
			try {
				outlet = Outlet.parse(scalar(entry.getKeyNode()));
			}
			catch (IllegalArgumentException ex) {
				throw new Problem(line(entry.getKeyNode()), ex.getMessage());
			}
			result.put(outlet, duration(scalar(entry.getValueNode()), line(entry.getValueNode())));
		}
		return result;
	}

	/**
	 * Reads {@code 7d}, {@code 24h}, {@code 90m} or an ISO-8601 duration ({@code PT2H}).
	 */
	public static Duration duration(String text, int line) {
		Matcher m = DURATION.matcher(text.strip());
		if (m.matches()) {
			long amount = Long.parseLong(m.group(1));
			return switch (Character.toLowerCase(m.group(2).charAt(0))) {
				case 'd' -> Duration.ofDays(amount);
				case 'h' -> Duration.ofHours(amount);
				case 's' -> Duration.ofSeconds(amount);
				default -> Duration.ofMinutes(amount);
			};
		}
		try {
			return Duration.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new Problem(line, "cannot read duration '" + text + "' (expected 7d, 24h, 90m or PT2H)");
		}
	}

	private static String required(Map<String, NodeTuple> fields, String key) {
		NodeTuple tuple = fields.get(key);
		if (tuple == null) {
			throw new Problem(2, "missing required key '" + key + "'", "problem.content.missing-key", key);
		}
		String value = scalar(tuple.getValueNode()).strip();
		if (value.isEmpty()) {
			throw new Problem(line(tuple.getValueNode()), "'" + key + "' is empty", "problem.content.empty-key", key);
		}
		return value;
	}

	private static String optional(Map<String, NodeTuple> fields, String key, String fallback) {
		NodeTuple tuple = fields.get(key);
		return (tuple != null) ? scalar(tuple.getValueNode()).strip() : fallback;
	}

	private static String scalar(Node node) {
		if (node instanceof ScalarNode scalar) {
			return scalar.getValue();
		}
		throw new Problem(line(node), "expected a single value here");
	}

	/** The 1-based line in the file: front matter starts on line 2. */
	private static int line(Node node) {
		return node.getStartMark().getLine() + 2;
	}

	private static String display(Path directory, Path file) {
		Path base = (directory.toAbsolutePath().getParent() != null) ? directory.toAbsolutePath().getParent()
				: directory.toAbsolutePath();
		return base.relativize(file.toAbsolutePath()).toString();
	}

	/** Several problems of one file. */
	static final class Problems extends RuntimeException {

		private final List<Problem> problems;

		Problems(List<Problem> problems) {
			super(problems.get(0).reason);
			this.problems = List.copyOf(problems);
		}

	}

	/** A problem in one file, with the line it is on. */
	static final class Problem extends RuntimeException {

		private final int line;

		private final String reason;

		private final @Nullable String key;

		private final List<String> arguments;

		Problem(int line, @Nullable String message) {
			super(message);
			this.line = line;
			this.reason = Objects.requireNonNullElse(message, "unreadable");
			this.key = null;
			this.arguments = List.of();
		}

		/** A problem the command line can say in its reader's language. */
		Problem(int line, String message, String key, Object... arguments) {
			super(message);
			this.line = line;
			this.reason = message;
			this.key = key;
			this.arguments = java.util.Arrays.stream(arguments).map(String::valueOf).toList();
		}

		CalendarProblem at(String file) {
			return new CalendarProblem(file, this.line, this.reason, this.key, this.arguments);
		}

	}

}
