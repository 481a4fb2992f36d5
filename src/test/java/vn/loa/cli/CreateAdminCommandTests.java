package vn.loa.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.loa.LoaApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code create-admin}: the first administrator, with the password on standard input. */
class CreateAdminCommandTests {

	@TempDir
	Path dir;

	@Test
	void createsAnAdministratorFromStandardInputAndRefusesAShortPasswordOrAnExistingUser() throws Exception {
		Run shortPassword = run("ngan-qua\n", "create-admin", "--username", "quan-tri");
		assertThat(shortPassword.exit()).isEqualTo(1);
		assertThat(shortPassword.err()).contains("lỗi: mật khẩu dài ít nhất 12 ký tự");
		assertThat(run("ngan-qua\n", "create-admin", "--lang", "en", "--username", "quan-tri").err())
			.contains("error: a password has at least 12 characters");

		Run created = run("một-mật-khẩu-dài\n", "create-admin", "--username", "Quan-Tri", "--password-stdin",
				"--display-name", "Quản trị viên", "--loa.data-dir=" + this.dir);
		assertThat(created.exit()).as(created.err()).isZero();
		assertThat(created.out()).contains("Đã tạo quản trị viên 'Quan-Tri'.");
		// The embedded database has the password Loa generated into the data directory.
		String password = Files.readString(this.dir.resolve("db-password")).strip();
		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + this.dir.resolve("loa"), "sa", password);
				ResultSet row = db.createStatement()
					.executeQuery("SELECT username, display_name, roles, password_hash FROM account")) {
			assertThat(row.next()).isTrue();
			assertThat(row.getString("username")).isEqualTo("quan-tri");
			assertThat(row.getString("display_name")).isEqualTo("Quản trị viên");
			assertThat(row.getString("roles")).isEqualTo("ADMIN");
			assertThat(row.getString("password_hash")).startsWith("$2a$").doesNotContain("một-mật-khẩu-dài");
		}

		Run again = run("mật-khẩu-khác-hẳn\n", "create-admin", "--username", "quan-tri", "--loa.data-dir=" + this.dir);
		assertThat(again.exit()).isEqualTo(1);
		assertThat(again.err()).contains("lỗi: Tên đăng nhập này đã có người dùng.");
	}

	static Run run(String stdin, String... args) {
		InputStream in = System.in;
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
		ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
		try {
			System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
			System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
			int exit = LoaCommand.execute(args, LoaApplication.class);
			return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setIn(in);
			System.setOut(out);
			System.setErr(err);
		}
	}

	record Run(int exit, String out, String err) {

	}

}
