package vn.loa.organisations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What {@code calendar/organisations.yaml} seeds: its {@code organisations:} (id, name,
 * and optionally kind and parent) and the provinces its {@code units:} names, each loaded
 * with all its communes from the shipped list of administrative units.
 *
 * <pre>
 * units:
 *   - thai-nguyen
 * organisations:
 *   - id: dang-uy-xa-thai-nguyen
 *     name: "Ban Thường vụ Đảng ủy xã"
 *     kind: other
 *     parent: thai-nguyen
 * </pre>
 *
 * The calendar reads the same file for the ids its plans may name; problems with the file
 * as a whole are the calendar's to report.
 */
final class OrganisationFile {

	static final String NAME = "organisations.yaml";

	private OrganisationFile() {
	}

	/**
	 * An organisation the file declares.
	 *
	 * @param id its id
	 * @param name its name
	 * @param kind its kind as written, or {@code null} for {@code other}
	 * @param parent its parent's id, or {@code null}
	 */
	record Entry(String id, String name, @Nullable String kind, @Nullable String parent) {

	}

	/**
	 * What the file seeds.
	 *
	 * @param units the provinces (codes or slugs) to load with their communes
	 * @param organisations the organisations it declares, in file order
	 */
	record Seed(List<String> units, List<Entry> organisations) {

		static final Seed EMPTY = new Seed(List.of(), List.of());

	}

	/** The seed in {@code calendarDir}, empty when there is no such file. */
	static Seed read(Path calendarDir) {
		Path file = calendarDir.resolve(NAME);
		if (!Files.isRegularFile(file)) {
			return Seed.EMPTY;
		}
		try {
			return parse(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Seed parse(String yaml) {
		Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		if (!(root instanceof Map<?, ?> map)) {
			return Seed.EMPTY;
		}
		List<String> units = new ArrayList<>();
		if (map.get("units") instanceof List<?> list) {
			for (Object unit : list) {
				Object province = (unit instanceof Map<?, ?> entry) ? entry.get("province") : unit;
				if (province != null) {
					units.add(String.valueOf(province).strip());
				}
			}
		}
		List<Entry> organisations = new ArrayList<>();
		if (map.get("organisations") instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> entry && entry.get("id") != null && entry.get("name") != null) {
					organisations.add(new Entry(String.valueOf(entry.get("id")).strip(),
							String.valueOf(entry.get("name")).strip(), text(entry.get("kind")),
							text(entry.get("parent"))));
				}
			}
		}
		return new Seed(units, organisations);
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value == null || String.valueOf(value).isBlank()) ? null : String.valueOf(value).strip();
	}

}
