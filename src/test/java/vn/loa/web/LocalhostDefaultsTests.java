package vn.loa.web;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vn.loa.settings.LoaSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** Which settings still point at a laptop, as start-up and the dashboard say. */
class LocalhostDefaultsTests {

	@Test
	void namesABaseUrlAndASenderOnLocalhostAndNothingOnARealDomain() {
		assertThat(defaults("http://localhost:8080", "Loa <loa@localhost>").problems()).containsExactly("base-url",
				"from");
		assertThat(defaults("http://127.0.0.1:8080", "btg@xa-an-phu.gov.vn").problems()).containsExactly("base-url");
		assertThat(defaults("https://loa.thainguyen.gov.vn", "Ban Tuyên giáo <btg@thainguyen.gov.vn>").problems())
			.isEmpty();
		assertThat(defaults("https://loa.thainguyen.gov.vn", "loa@may-chu").problems()).containsExactly("from");
	}

	private static LocalhostDefaults defaults(String baseUrl, String from) {
		return new LocalhostDefaults(settings(baseUrl), from);
	}

	private static LoaSettings settings(String baseUrl) {
		return new LoaSettings(baseUrl, Path.of("var"), new LoaSettings.Scheduling(true));
	}

}
