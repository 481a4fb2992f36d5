package vn.loa.accounts;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The accounts module on its own: every change to an account is announced with who made
 * it and never carries the password; the last administrator cannot be disabled.
 */
@ApplicationModuleTest
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:accounts-module;DB_CLOSE_DELAY=-1",
		"spring.quartz.auto-startup=false", "loa.scheduling.enabled=false" })
class AccountsModuleTests {

	private static final String PASSWORD = "mật-khẩu-đủ-dài-1";

	@Autowired
	Accounts accounts;

	@Test
	void creatingAnAccountAnnouncesWhoDidItWithoutThePassword(Scenario scenario) {
		scenario
			.stimulate(
					() -> this.accounts.create("quan-tri", "bien-tap-mai", "Trần Mai", PASSWORD, Set.of(Role.EDITOR)))
			.andWaitForEventOfType(AccountChanged.class)
			.matching((changed) -> changed.username().equals("bien-tap-mai"))
			.toArriveAndVerify((changed, account) -> {
				assertThat(changed.actor()).isEqualTo("quan-tri");
				assertThat(changed.before()).isNull();
				assertThat(changed.after()).contains("EDITOR").doesNotContain(PASSWORD);
				assertThat(account.roles()).containsExactly(Role.EDITOR);
			});
	}

	@Test
	void theLastAdministratorCannotBeDisabled() {
		this.accounts.create("test", "quan-tri-duy-nhat", "Quản trị", PASSWORD, Set.of(Role.ADMIN));
		this.accounts.list()
			.stream()
			.filter((account) -> account.roles().contains(Role.ADMIN)
					&& !account.username().equals("quan-tri-duy-nhat"))
			.forEach((account) -> this.accounts.disable("test", account.username()));

		assertThatThrownBy(() -> this.accounts.disable("test", "quan-tri-duy-nhat"))
			.isInstanceOf(InvalidAccountException.class);
		assertThat(this.accounts.find("quan-tri-duy-nhat")).get().extracting(Account::enabled).isEqualTo(true);
	}

}
