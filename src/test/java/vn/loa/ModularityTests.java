package vn.loa;

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
	void onlyTheCommandLineLoadsCalendarFilesItself() {
		NamedInterface files = MODULES.getModuleByName("calendar")
			.orElseThrow()
			.getNamedInterfaces()
			.getByName("files")
			.orElseThrow();

		assertThat(files.contains(CalendarLoader.class)).isTrue();
	}

}
