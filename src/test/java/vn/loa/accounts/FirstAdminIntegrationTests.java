package vn.loa.accounts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.loa.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first administrator from {@code loa.admin.*}: created once on start, and never
 * overwritten or joined by another on a later start.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE,
		properties = { "spring.datasource.url=jdbc:h2:mem:first-admin;DB_CLOSE_DELAY=-1",
				"spring.quartz.auto-startup=false", "loa.scheduling.enabled=false", "loa.admin.username=Truong-Phong",
				"loa.admin.password=mật-khẩu-ban-đầu" })
class FirstAdminIntegrationTests {

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path data = Files.createTempDirectory("loa-first-admin");
		registry.add("loa.data-dir", data::toString);
		registry.add("loa.content-dir", () -> data.resolve("content").toString());
	}

	@Test
	void createsTheFirstAdministratorOnceAndNeverOverwritesOrPromotesAnAccount() throws Exception {
		Account admin = this.accounts.find("truong-phong").orElseThrow();
		assertThat(admin.roles()).containsExactly(Role.ADMIN);
		assertThat(this.passwords.matches("mật-khẩu-ban-đầu", hash("truong-phong"))).isTrue();
		assertThat(this.audit.latest("account:truong-phong", 10)).singleElement()
			.satisfies((entry) -> assertThat(entry.actor()).isEqualTo("env"));

		// A later start, with other values: an administrator exists, so nothing changes.
		new FirstAdmin(this.accounts, "truong-phong", "mật-khẩu-khác-hẳn").run(null);
		new FirstAdmin(this.accounts, "quan-tri-2", "mật-khẩu-khác-hẳn").run(null);
		assertThat(this.passwords.matches("mật-khẩu-ban-đầu", hash("truong-phong"))).isTrue();
		assertThat(this.accounts.find("quan-tri-2")).isEmpty();
		assertThat(this.accounts.list()).hasSize(1);

		// With no enabled administrator left, an existing account is still not promoted.
		// Accounts refuses to disable the last administrator, so only the database gets
		// here.
		this.jdbc.update("UPDATE account SET enabled = FALSE WHERE username = 'truong-phong'");
		this.accounts.create("test", "bien-tap", null, "mật-khẩu-biên-tập", Set.of(Role.EDITOR));
		new FirstAdmin(this.accounts, "bien-tap", "mật-khẩu-khác-hẳn").run(null);
		assertThat(this.accounts.find("bien-tap").orElseThrow().roles()).containsExactly(Role.EDITOR);
		assertThat(this.passwords.matches("mật-khẩu-biên-tập", hash("bien-tap"))).isTrue();
	}

	private String hash(String username) {
		return this.jdbc.queryForObject("SELECT password_hash FROM account WHERE username = ?", String.class, username);
	}

}
