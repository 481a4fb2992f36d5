package vn.loa.cli;

import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Loa started for one command: no web server, no periodic work, no banner and no log on
 * the console, so what the command prints is all the operator sees; the command's other
 * {@code --name=value} arguments are Spring properties, as when serving.
 */
final class QuietContext {

	private QuietContext() {
	}

	static ConfigurableApplicationContext start(Class<?> application, List<String> springArguments) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("loa.scheduling.enabled=false", "spring.quartz.auto-startup=false",
					"spring.main.banner-mode=off", "logging.threshold.console=OFF")
			.run(springArguments.toArray(String[]::new));
	}

}
