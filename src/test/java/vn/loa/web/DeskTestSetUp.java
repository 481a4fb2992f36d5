package vn.loa.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import java.util.Map;

/** What {@link DeskTest} puts together. */
public final class DeskTestSetUp {

	/** The shared desk's data directory, made once per JVM. */
	static final Path DATA = TestData.directory("loa-desk-shared");

	private DeskTestSetUp() {
	}

	/** Points the shared desk at {@link #DATA}. */
	public static final class DataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("desk-test-data", Map.of("loa.data-dir", DATA.toString(),
						"loa.content-dir", DATA.resolve("content").toString())));
		}

	}

	/** The clock tests move. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Time {

		@Bean
		@Primary
		MovableClock movableClock(ZoneId zone) {
			return new MovableClock(Clock.systemUTC().instant(), zone);
		}

	}

	/** Puts the clock back to the real time after each test, for the next one. */
	public static final class ClockReset implements TestExecutionListener {

		@Override
		public void afterTestMethod(TestContext context) {
			if (context.hasApplicationContext()) {
				context.getApplicationContext()
					.getBeanProvider(MovableClock.class)
					.ifAvailable((clock) -> clock.set(Clock.systemUTC().instant()));
			}
		}

	}

}
