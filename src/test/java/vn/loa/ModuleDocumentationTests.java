package vn.loa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.json.BasicJsonParser;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes the module diagram (PlantUML) and one canvas per module into
 * {@code docs/modules/} on every build, from the modules as they are and their
 * {@code package-info.java} Javadoc, so the pictures the README links never drift from
 * the code.
 */
class ModuleDocumentationTests {

	private static final Path DOCS = Path.of("docs", "modules");

	/**
	 * The canvases carry the Javadoc the build collects into {@code javadoc.json}, which
	 * Spring Modulith reads with Spring Boot's {@code BasicJsonParser}. That reader
	 * splits on brackets, braces and commas without always knowing it is inside a string:
	 * an unbalanced bracket ({@code [from, to)}) or a comma inside straight double quotes
	 * ({@code ("a, b")}) in a Javadoc gives it another structure, and every canvas fails.
	 * Write such text differently (“a, b”).
	 */
	@Test
	void everyJavadocReadsTheSameWithTheDocumentersParser() throws IOException {
		Path collected = Path.of("target", "generated-spring-modulith", "javadoc.json");
		assertThat(collected).as("the Javadoc the build collects").exists();
		List<Object> exact = new JsonMapper().readValue(collected.toFile(), new TypeReference<List<Object>>() {
		});
		List<Object> read = new BasicJsonParser().parseList(Files.readString(collected));
		for (int i = 0; i < exact.size(); i++) {
			Object entry = exact.get(i);
			assertThat(shape((i < read.size()) ? read.get(i) : null))
				.as("Spring Modulith's reader gets the Javadoc of %s wrong (see this test's comment)",
						((Map<?, ?>) entry).get("name"))
				.isEqualTo(shape(entry));
		}
		assertThat(read).hasSameSizeAs(exact);
	}

	@Test
	void writesTheModuleDiagramAndACanvasForEveryModule() throws IOException {
		ApplicationModules modules = ApplicationModules.of(LoaApplication.class);

		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation();
		try (Stream<Path> files = Files.list(DOCS)) {
			for (Path file : files.toList()) {
				Files.write(file, inOrder(Files.readAllLines(file)));
			}
		}

		String diagram = Files.readString(DOCS.resolve("components.puml"));
		for (ApplicationModule module : modules) {
			assertThat(diagram).as("the diagram shows %s", module.getDisplayName()).contains(module.getDisplayName());
			assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".adoc")).as("canvas of %s", module).exists();
		}
		try (Stream<Path> files = Files.list(DOCS)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.anyMatch((name) -> name.startsWith("module-") && name.endsWith(".puml"));
		}
	}

	/**
	 * The structure and text of a parsed value, without backslashes and double quotes,
	 * which that reader leaves escaped: what matters is that each comment is one string
	 * in its place.
	 */
	private static Object shape(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> shaped = new java.util.TreeMap<>();
			map.forEach((key, item) -> shaped.put(key, shape(item)));
			return shaped;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(ModuleDocumentationTests::shape).toList();
		}
		return (value instanceof String text) ? text.replace("\\", "").replace("\"", "") : value;
	}

	/**
	 * The Documenter lists relations and a canvas's types in hash order, which changes
	 * from run to run: sorted, a build leaves {@code docs/} as it was unless the modules
	 * changed. Sorts each run of PlantUML relations, and each list of a canvas's cell
	 * (its first line starts {@code |* }, the others {@code * }).
	 */
	static List<String> inOrder(List<String> lines) {
		List<String> sorted = new java.util.ArrayList<>(lines.size());
		int i = 0;
		while (i < lines.size()) {
			String line = lines.get(i);
			if (line.startsWith("Rel(")) {
				int end = i;
				while (end < lines.size() && lines.get(end).startsWith("Rel(")) {
					end++;
				}
				sorted.addAll(lines.subList(i, end).stream().sorted().toList());
				i = end;
			}
			else if (line.startsWith("|* ")) {
				int end = i + 1;
				while (end < lines.size() && lines.get(end).startsWith("* ")) {
					end++;
				}
				List<String> items = new java.util.ArrayList<>();
				items.add(line.substring(1));
				items.addAll(lines.subList(i + 1, end));
				items.sort(null);
				sorted.add("|" + items.get(0));
				sorted.addAll(items.subList(1, items.size()));
				i = end;
			}
			else {
				sorted.add(line);
				i++;
			}
		}
		return sorted;
	}

}
