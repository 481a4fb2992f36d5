package vn.loa.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Copies of the shipped {@code calendar/} directory to write drafts beside. */
public final class CalendarCopies {

	private CalendarCopies() {
	}

	/** Copies the shipped {@code calendar/} to {@code temp/calendar} and returns that. */
	public static Path copy(Path temp) throws IOException {
		Path source = Path.of("calendar");
		Path target = temp.resolve("calendar");
		try (Stream<Path> paths = Files.walk(source)) {
			List<Path> all = paths.toList();
			for (Path path : all) {
				Path copy = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(path, copy);
				}
			}
		}
		return target;
	}

}
