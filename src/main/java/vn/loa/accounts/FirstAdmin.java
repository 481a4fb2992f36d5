package vn.loa.accounts;

import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator on start from {@code loa.admin.username} and
 * {@code loa.admin.password} ({@code LOA_ADMIN_USERNAME}, {@code LOA_ADMIN_PASSWORD}),
 * only while no administrator exists: it never changes an existing account. There is no
 * default password.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(FirstAdmin.class);

	private final Accounts accounts;

	private final String username;

	private final String password;

	FirstAdmin(Accounts accounts, @Value("${loa.admin.username:}") String username,
			@Value("${loa.admin.password:}") String password) {
		this.accounts = accounts;
		this.username = username;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.username.isBlank() || this.password.isEmpty() || this.accounts.adminExists()) {
			return;
		}
		if (this.accounts.find(this.username).isPresent()) {
			logger.warn("loa.admin.username names an existing account that is not an administrator; left unchanged");
			return;
		}
		try {
			this.accounts.create("env", this.username, null, this.password, Set.of(Role.ADMIN));
			logger.info("Created the first administrator '" + this.username + "' from loa.admin.username");
		}
		catch (InvalidAccountException ex) {
			logger.error("No first administrator created from loa.admin.*: " + ex.getMessage());
		}
	}

}
