package vn.loa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/** What the benchmarks share besides their options: clean-up and printing. */
final class Bench {

	private Bench() {
	}

	/** Deletes a benchmark's temp directory and everything in it. */
	static void delete(Path dir) throws IOException {
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	/** A milestone in seconds, or "timeout" when it was not reached. */
	static String seconds(Double value) {
		return (value != null) ? String.format(Locale.ROOT, "%.2fs", value) : "timeout";
	}

}
