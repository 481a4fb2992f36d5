package vn.loa.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

import vn.loa.calendar.CalendarBook;
import vn.loa.calendar.CalendarLoader;

import static org.assertj.core.api.Assertions.fail;

/**
 * Plan texts for tests, built as {@code PlanDocuments} will build them: NFC lines with
 * the bold markers gone.
 */
final class PlanTexts {

	// Next to the project in the main checkout; -Dloa.shared-dir points elsewhere (a
	// worktree).
	static final Path SHARED = Path.of(System.getProperty("loa.shared-dir", "../shared"));

	private PlanTexts() {
	}

	static PlanText of(String name, String text) {
		List<String> lines = Arrays.stream(text.split("\r?\n", -1))
			.map((line) -> Normalizer.normalize(line.replace("**", ""), Normalizer.Form.NFC))
			.toList();
		return new PlanText(name, lines);
	}

	/**
	 * A real plan from {@code ../shared/plans}; fails on CI when the folder is missing.
	 */
	static PlanText shared(String file) throws IOException {
		Path plans = SHARED.resolve("plans");
		if (!Files.isDirectory(plans)) {
			if ("true".equals(System.getenv("CI"))) {
				fail(plans + " is missing: CI must check the importer against the real plans");
			}
			Assumptions.abort(plans + " is not next to the project");
		}
		return of(file, Files.readString(plans.resolve(file), StandardCharsets.UTF_8));
	}

	static CalendarBook book() {
		return CalendarLoader.load(Path.of("calendar")).book();
	}

}
