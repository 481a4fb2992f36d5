package vn.loa.limits;

import java.util.UUID;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * An H2 database built by the application's own migrations, for limits tested without
 * Spring: two limiters on it share their counts as two nodes on one database do. Built
 * once per test run (migrating takes a while) and emptied of attempts for each test.
 */
final class LimitsDatabase {

	private LimitsDatabase() {
	}

	private static JdbcTemplate jdbc;

	static synchronized JdbcTemplate create() {
		if (jdbc == null) {
			jdbc = migrated();
		}
		jdbc.update("DELETE FROM rate_limit_attempt");
		return jdbc;
	}

	private static JdbcTemplate migrated() {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:limits-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		return new JdbcTemplate(dataSource);
	}

}
