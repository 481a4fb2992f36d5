package vn.loa;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import vn.loa.cli.LoaCommand;

/**
 * Loa: a scheduled campaign calendar that publishes prepared content to a feed, email
 * bulletins and the radio script queue.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LoaApplication {

	public static void main(String[] args) {
		if (args.length == 0 || args[0].startsWith("--")) {
			SpringApplication.run(LoaApplication.class, args);
			return;
		}
		System.exit(LoaCommand.execute(args, LoaApplication.class));
	}

	/**
	 * The zone every local date and time in Loa is read in, whatever the JVM's default.
	 */
	@Bean
	ZoneId loaZone(@Value("${loa.zone:Asia/Ho_Chi_Minh}") String zone) {
		return ZoneId.of(zone);
	}

	@Bean
	Clock clock(ZoneId loaZone) {
		return Clock.system(loaZone);
	}

	/**
	 * Periodic work (the sweep, the mail sender); off for command-line runs that only
	 * read.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@ConditionalOnBooleanProperty(name = "loa.scheduling.enabled", matchIfMissing = true)
	static class Scheduling {

	}

}
