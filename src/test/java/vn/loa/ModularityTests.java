package vn.loa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;

import vn.loa.calendar.CalendarLoader;
import vn.loa.content.ContentCatalog;
import vn.loa.content.ContentHandOff;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(LoaApplication.class);

	@Test
	void modulesOnlyUseWhatTheyDeclare() {
		MODULES.verify();
	}

	@Test
	void publishingsClaimOnContentIsNotPartOfContentsOrdinaryApi() {
		ApplicationModule content = MODULES.getModuleByName("content").orElseThrow();

		assertThat(content.getNamedInterfaces().getUnnamedInterface().contains(ContentHandOff.class)).isFalse();
		assertThat(content.getNamedInterfaces().getUnnamedInterface().contains(ContentCatalog.class)).isTrue();
		assertThat(content.getNamedInterfaces()
			.getByName("publishing")
			.map((named) -> named.contains(ContentHandOff.class))).contains(true);
		assertThat(MODULES.getModuleByName("web")
			.orElseThrow()
			.getDirectDependencies(MODULES)
			.stream()
			.noneMatch((dependency) -> dependency.getTargetType().isEquivalentTo(ContentHandOff.class))).isTrue();
	}

	@Test
	void everyPackageIsNullMarkedSoNullAwayChecksIt() throws Exception {
		List<String> unmarked = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/vn/loa"))) {
			for (Path directory : files.filter(Files::isDirectory).toList()) {
				try (Stream<Path> sources = Files.list(directory)) {
					if (sources.noneMatch((file) -> file.toString().endsWith(".java"))) {
						continue;
					}
				}
				Path info = directory.resolve("package-info.java");
				if (!Files.exists(info) || !Files.readString(info).contains("@org.jspecify.annotations.NullMarked")) {
					unmarked.add(directory.toString());
				}
			}
		}
		assertThat(unmarked).as("packages without @NullMarked in their package-info.java").isEmpty();
	}

	@Test
	void onlyTheCommandLineLoadsCalendarFilesItself() {
		NamedInterface files = MODULES.getModuleByName("calendar")
			.orElseThrow()
			.getNamedInterfaces()
			.getByName("files")
			.orElseThrow();

		assertThat(files.contains(CalendarLoader.class)).isTrue();
	}

}
