package vn.loa.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import org.jspecify.annotations.Nullable;

import vn.loa.text.PlainText;

/**
 * One YAML mapping (an anniversary, an event, a plan, a phase) read field by field. Every
 * read that fails is recorded as a problem at the line of the offending value, so that
 * one pass reports everything wrong with the entry.
 */
final class YamlEntry {

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final String file;

	private final MappingNode node;

	private final Map<String, Node> fields = new LinkedHashMap<>();

	private final Map<String, Integer> keyLines = new LinkedHashMap<>();

	private final List<CalendarProblem> problems;

	private YamlEntry(String file, MappingNode node, List<CalendarProblem> problems) {
		this.file = file;
		this.node = node;
		this.problems = problems;
		for (NodeTuple tuple : node.getValue()) {
			Node key = tuple.getKeyNode();
			if (!(key instanceof ScalarNode scalar)) {
				problemAt(line(key), "expected a plain key", "problem.yaml.plain-key");
				continue;
			}
			if (this.fields.containsKey(scalar.getValue())) {
				problemAt(line(key), "duplicate key '" + scalar.getValue() + "'", "problem.yaml.duplicate-key",
						scalar.getValue());
				continue;
			}
			this.fields.put(scalar.getValue(), tuple.getValueNode());
			this.keyLines.put(scalar.getValue(), line(key));
		}
	}

	/**
	 * A whole YAML document, or {@code null} (and a problem) when it is not a mapping.
	 */
	static @Nullable YamlEntry document(String file, Node node, List<CalendarProblem> problems) {
		if (node instanceof MappingNode mapping) {
			return new YamlEntry(file, mapping, new ArrayList<>());
		}
		problems.add(new CalendarProblem(file, line(node), "expected a mapping such as 'anniversaries:' at the top",
				"problem.yaml.top-mapping", List.of()));
		return null;
	}

	static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

	String file() {
		return this.file;
	}

	/** The problems found so far; an entry with problems is not loaded. */
	List<CalendarProblem> problems() {
		return this.problems;
	}

	boolean valid() {
		return this.problems.isEmpty();
	}

	/** The line the entry starts on. */
	int line() {
		return line(this.node);
	}

	/** The line of a field's value, or of the entry when the field is absent. */
	int line(String key) {
		Node value = this.fields.get(key);
		return (value != null) ? line(value) : line();
	}

	String where(String key) {
		return this.file + ":" + line(key);
	}

	void problem(String key, @Nullable String message) {
		problemAt(line(key), message);
	}

	void problemAt(int line, @Nullable String message) {
		add(new CalendarProblem(this.file, line, java.util.Objects.requireNonNullElse(message, "invalid value")));
	}

	/**
	 * A problem the command line can say in its reader's language: {@code key} in the
	 * messages, quoting {@code arguments}; {@code message} is the same in English.
	 */
	void problem(String field, String message, String key, Object... arguments) {
		problemAt(line(field), message, key, arguments);
	}

	void problemAt(int line, String message, String key, Object... arguments) {
		add(new CalendarProblem(this.file, line, message, key,
				java.util.Arrays.stream(arguments).map(String::valueOf).toList()));
	}

	private void add(CalendarProblem problem) {
		// A value read twice is reported once.
		if (!this.problems.contains(problem)) {
			this.problems.add(problem);
		}
	}

	/** Reports every key not in {@code allowed}, which catches misspelt keys. */
	void allowOnly(Set<String> allowed) {
		this.keyLines.forEach((key, line) -> {
			if (!allowed.contains(key)) {
				problemAt(line, "unknown key '" + key + "', expected one of " + String.join(", ", allowed),
						"problem.yaml.unknown-key", key, String.join(", ", allowed));
			}
		});
	}

	boolean has(String key) {
		Node value = this.fields.get(key);
		return value != null && !isNull(value);
	}

	/** A single value, or {@code null} when absent or empty. */
	@Nullable String text(String key) {
		Node value = this.fields.get(key);
		if (value == null || isNull(value)) {
			return null;
		}
		if (!(value instanceof ScalarNode scalar)) {
			problemAt(line(value), "expected a single value for '" + key + "'", "problem.yaml.single-value", key);
			return null;
		}
		String text = checked(key, scalar).strip();
		return text.isEmpty() ? null : text;
	}

	/**
	 * A single value as written, without checking or reporting anything; {@code null}
	 * when absent or not a single value.
	 */
	@Nullable String peek(String key) {
		return (this.fields.get(key) instanceof ScalarNode scalar) ? PlainText.forOutput(scalar.getValue()).strip()
				: null;
	}

	/** A single value that must be there. */
	@Nullable String required(String key) {
		Node value = this.fields.get(key);
		String text = text(key);
		if (text == null && (value == null || value instanceof ScalarNode)) {
			problem(key, "missing '" + key + "'", "problem.yaml.missing", key);
		}
		return text;
	}

	/**
	 * The {@code id}, which must be ASCII kebab-case because it appears in URLs and
	 * files.
	 */
	@Nullable String id() {
		String id = required("id");
		if (id != null && !ID.matcher(id).matches()) {
			problem("id", "id '" + id + "' should be lowercase ASCII letters and digits joined by '-'",
					"problem.yaml.id-form", id);
		}
		return id;
	}

	/** A date written {@code dd/MM/yyyy}, or {@code null} when absent or wrong. */
	@Nullable LocalDate date(String key) {
		String text = text(key);
		if (text == null) {
			return null;
		}
		try {
			return WrittenDate.parseFull(text);
		}
		catch (WrittenDate.Unreadable ex) {
			ex.report(this, key);
			return null;
		}
	}

	/** A date written {@code dd/MM/yyyy} that must be there. */
	@Nullable LocalDate requiredDate(String key) {
		return (required(key) != null) ? date(key) : null;
	}

	/** A list of single values with their lines; empty when absent. */
	List<Value> values(String key) {
		List<Value> values = new ArrayList<>();
		for (Node item : items(key)) {
			if (item instanceof ScalarNode scalar && !isNull(item) && !scalar.getValue().isBlank()) {
				values.add(new Value(checked(key, scalar).strip(), line(item)));
			}
			else {
				problemAt(line(item), "expected a single value in '" + key + "'", "problem.yaml.single-item", key);
			}
		}
		return values;
	}

	/**
	 * The items of a list each of which is a single value or a mapping (a plan's
	 * anniversary by id, or with the occurrence it targets): a mapping's problems are
	 * this entry's problems.
	 */
	List<Item> valuesOrParts(String key) {
		List<Item> items = new ArrayList<>();
		for (Node item : items(key)) {
			if (item instanceof ScalarNode scalar && !isNull(item) && !scalar.getValue().isBlank()) {
				items.add(new Item(new Value(checked(key, scalar).strip(), line(item)), null));
			}
			else if (item instanceof MappingNode mapping) {
				items.add(new Item(null, new YamlEntry(this.file, mapping, this.problems)));
			}
			else {
				problemAt(line(item), "expected an id or a mapping in '" + key + "'", "problem.yaml.id-or-mapping",
						key);
			}
		}
		return items;
	}

	/**
	 * One item of {@link #valuesOrParts}: a value, or a mapping.
	 *
	 * @param value the value, or {@code null}
	 * @param part the mapping, or {@code null}
	 */
	record Item(@Nullable Value value, @Nullable YamlEntry part) {

	}

	/**
	 * A whole number, or {@code null} when absent; one that is not is a problem at its
	 * line.
	 */
	@Nullable Integer integer(String key) {
		String text = text(key);
		if (text == null) {
			return null;
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			problem(key, "'" + key + "' must be a whole number, not '" + text + "'", "problem.yaml.whole-number", key,
					text);
			return null;
		}
	}

	/**
	 * A list of entries that stand on their own (the anniversaries of a file); items that
	 * are not mappings are reported against this entry.
	 */
	List<YamlEntry> entries(String key, String what) {
		return mappings(key, what, false);
	}

	/**
	 * A list of entries that are part of this one (the phases of a plan): their problems
	 * are this entry's problems.
	 */
	@Nullable List<YamlEntry> parts(String key, String what) {
		return mappings(key, what, true);
	}

	/** A mapping that stands on its own, or {@code null} when absent or not a mapping. */
	@Nullable YamlEntry entry(String key, String what) {
		Node value = this.fields.get(key);
		if (value == null || isNull(value)) {
			return null;
		}
		if (value instanceof MappingNode mapping) {
			return new YamlEntry(this.file, mapping, new ArrayList<>());
		}
		problemAt(line(value), "expected " + what + " as a mapping of keys to values");
		return null;
	}

	private List<YamlEntry> mappings(String key, String what, boolean shared) {
		List<YamlEntry> entries = new ArrayList<>();
		for (Node item : items(key)) {
			if (item instanceof MappingNode mapping) {
				entries.add(new YamlEntry(this.file, mapping, shared ? this.problems : new ArrayList<>()));
			}
			else {
				problemAt(line(item), "expected " + what + " as a mapping of keys to values");
			}
		}
		return entries;
	}

	private List<Node> items(String key) {
		Node value = this.fields.get(key);
		if (value == null || isNull(value)) {
			return List.of();
		}
		if (!(value instanceof SequenceNode sequence)) {
			problemAt(line(value), "expected a list for '" + key + "'", "problem.yaml.list", key);
			return List.of();
		}
		return sequence.getValue();
	}

	/**
	 * A value with its line breaks normalised; a character no outlet can carry (which a
	 * YAML escape such as {@code "\a"} can write) is a problem at its line, and dropped.
	 */
	private String checked(String key, ScalarNode scalar) {
		String text = PlainText.normalise(scalar.getValue());
		PlainText.firstForbidden(text)
			.ifPresent((found) -> problemAt(line(scalar),
					"'" + key + "' contains the control character " + found.character()
							+ ": no outlet can carry it; remove it",
					"problem.control-character-in", key, found.character()));
		return PlainText.forOutput(text);
	}

	private static boolean isNull(Node node) {
		return node != null && Tag.NULL.equals(node.getTag());
	}

	/**
	 * A single value in a list, with its line.
	 *
	 * @param text the value
	 * @param line its 1-based line
	 */
	record Value(String text, int line) {

	}

}
