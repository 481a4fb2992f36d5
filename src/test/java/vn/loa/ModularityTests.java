package vn.loa;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void modulesOnlyUseWhatTheyDeclare() {
		ApplicationModules.of(LoaApplication.class).verify();
	}

}
