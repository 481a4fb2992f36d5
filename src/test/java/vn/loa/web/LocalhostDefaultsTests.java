package vn.loa.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which settings still point at a laptop, as start-up and the dashboard say. */
class LocalhostDefaultsTests {

	@Test
	void namesABaseUrlAndASenderOnLocalhostAndNothingOnARealDomain() {
		assertThat(LocalhostDefaults.problems("http://localhost:8080", "Loa <loa@localhost>"))
			.containsExactly("base-url", "from");
		assertThat(LocalhostDefaults.problems("http://127.0.0.1:8080", "btg@xa-an-phu.gov.vn"))
			.containsExactly("base-url");
		assertThat(
				LocalhostDefaults.problems("https://loa.thainguyen.gov.vn", "Ban Tuyên giáo <btg@thainguyen.gov.vn>"))
			.isEmpty();
		assertThat(LocalhostDefaults.problems("https://loa.thainguyen.gov.vn", "loa@may-chu")).containsExactly("from");
	}

}
