package vn.loa.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import-organisations}: a province from the shipped list, a list of one's own
 * loaded again without duplicates, and a broken file named with its line.
 */
class ImportOrganisationsCommandTests {

	@TempDir
	Path dir;

	@Test
	void loadsAProvinceThenAListOfItsOwnAgainWithoutDuplicatesAndRefusesABrokenLine() throws Exception {
		CreateAdminCommandTests.Run shipped = CreateAdminCommandTests.run("", "import-organisations", "--province",
				"bac-ninh", "--loa.data-dir=" + this.dir);
		assertThat(shipped.exit()).as(shipped.err()).isZero();
		assertThat(shipped.out()).containsPattern("Đơn vị: thêm \\d{2,3}, cập nhật 0, giữ nguyên 0; tổng cộng \\d+\\.");

		Path provinces = this.dir.resolve("provinces.csv");
		Path communes = this.dir.resolve("communes.csv");
		Files.writeString(provinces,
				"code,name,fullName,slug,type,isCentral\n10,Bắc Ninh,Tỉnh Bắc Ninh,bac-ninh,province,false\n",
				StandardCharsets.UTF_8);
		Files.writeString(communes, "code,name,fullName,slug,type,provinceCode\n", StandardCharsets.UTF_8);
		CreateAdminCommandTests.Run again = CreateAdminCommandTests.run("", "import-organisations", "--provinces",
				provinces.toString(), "--communes", communes.toString(), "--loa.data-dir=" + this.dir);
		assertThat(again.exit()).as(again.err()).isZero();
		assertThat(again.out()).contains("Đơn vị: thêm 0, cập nhật 0, giữ nguyên 1;");

		Files.writeString(communes, "code,name,fullName,slug,type,provinceCode\n99999,X,\"Xã X\",Xa X,commune,10\n",
				StandardCharsets.UTF_8);
		CreateAdminCommandTests.Run broken = CreateAdminCommandTests.run("", "import-organisations", "--provinces",
				provinces.toString(), "--communes", communes.toString(), "--loa.data-dir=" + this.dir);
		assertThat(broken.exit()).isEqualTo(1);
		assertThat(broken.err()).contains(
				"lỗi: communes.csv dòng 2: tên không dấu “Xa X” không hợp lệ (chữ thường, chữ số, nối bằng “-”).");

		CreateAdminCommandTests.Run half = CreateAdminCommandTests.run("", "import-organisations", "--provinces",
				provinces.toString(), "--loa.data-dir=" + this.dir);
		assertThat(half.exit()).isEqualTo(1);
		assertThat(half.err()).contains("lỗi: hãy đưa cả --provinces và --communes");

		String password = Files.readString(this.dir.resolve("db-password")).strip();
		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + this.dir.resolve("loa"), "sa", password);
				ResultSet row = db.createStatement()
					.executeQuery(
							"SELECT COUNT(*), COUNT(DISTINCT code) FROM organisation WHERE id LIKE 'bac-ninh%'")) {
			assertThat(row.next()).isTrue();
			assertThat(row.getInt(1)).isGreaterThan(50).isEqualTo(row.getInt(2));
		}
	}

}
