package vn.loa.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;

import vn.loa.accounts.Accounts;
import vn.loa.accounts.InvalidAccountException;
import vn.loa.accounts.Role;

/**
 * Creates an administrator of the editors' desk. The password is read from the first line
 * of standard input, never from the command line, where other users of the machine and
 * the shell's history would see it.
 */
@Command(name = "create-admin", description = "Create a desk administrator; the password is read from standard input.")
class CreateAdminCommand implements Callable<Integer> {

	private final Class<?> application;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@CommandLine.Mixin
	LanguageOption language = new LanguageOption();

	@Option(names = "--username", required = true, description = "Login name of the administrator")
	String username;

	@Option(names = "--display-name", description = "Name shown on the desk (default: the username)")
	String displayName;

	@Option(names = "--password-stdin",
			description = "Read the password from standard input (the default; there is no other way)")
	boolean passwordStdin;

	/** Any other {@code --name=value} is a Spring property, as when serving. */
	@CommandLine.Unmatched
	List<String> springArguments = new ArrayList<>();

	CreateAdminCommand(Class<?> application) {
		this.application = application;
	}

	@Override
	public Integer call() throws IOException {
		String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		if (password == null || password.length() < Accounts.MIN_PASSWORD_LENGTH) {
			return refuse(this.language.text().text("cli.admin.password-short", Accounts.MIN_PASSWORD_LENGTH));
		}
		try (ConfigurableApplicationContext context = QuietContext.start(this.application, this.springArguments)) {
			Accounts accounts = context.getBean(Accounts.class);
			try {
				accounts.create("cli", this.username, this.displayName, password, Set.of(Role.ADMIN));
			}
			catch (InvalidAccountException ex) {
				return refuse(
						this.language.text().message("accounts.error." + ex.reason(), List.of(), ex.getMessage()));
			}
			this.spec.commandLine().getOut().println(this.language.text().text("cli.admin.created", this.username));
			this.spec.commandLine().getOut().flush();
			return 0;
		}
	}

	private int refuse(@Nullable String message) {
		this.spec.commandLine().getErr().println(this.language.text().text("cli.error", String.valueOf(message)));
		this.spec.commandLine().getErr().flush();
		return 1;
	}

}
