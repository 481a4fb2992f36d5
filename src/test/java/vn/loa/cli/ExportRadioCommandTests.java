package vn.loa.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code export-radio}: a station's day written as the smart-radio archive, an unknown
 * station named with the ones there are, and a backwards range refused. What the archive
 * holds is checked against its manifest in {@code RadioIntegrationTests}.
 */
class ExportRadioCommandTests {

	@TempDir
	Path dir;

	@Test
	void writesAStationsDayAndRefusesAnUnknownStationOrABackwardsRange() throws Exception {
		Path zip = this.dir.resolve("dai.zip");
		CreateAdminCommandTests.Run run = CreateAdminCommandTests.run("", "export-radio", "--station", "default",
				"--date", "2025-09-02", "--out", zip.toString(), "--loa.data-dir=" + this.dir);
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out().strip()).isEqualTo(zip.toAbsolutePath().toString());
		String manifest = null;
		try (InputStream in = Files.newInputStream(zip); ZipInputStream archive = new ZipInputStream(in)) {
			for (ZipEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
				if (entry.getName().equals("manifest.json")) {
					manifest = new String(archive.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		assertThat(manifest).contains("\"format\" : \"loa-radio-export/2\"")
			.contains("\"from\" : \"2025-09-02\"")
			.contains("\"entries\" : [ ]");

		CreateAdminCommandTests.Run unknown = CreateAdminCommandTests.run("", "export-radio", "--station", "khong-co",
				"--loa.data-dir=" + this.dir);
		assertThat(unknown.exit()).isEqualTo(1);
		assertThat(unknown.err()).contains("lỗi: không có đài 'khong-co'; các đài là: default");

		CreateAdminCommandTests.Run backwards = CreateAdminCommandTests.run("", "export-radio", "--station", "default",
				"--date", "2025-09-02", "--to", "2025-09-01", "--out", this.dir.resolve("x.zip").toString(),
				"--loa.data-dir=" + this.dir);
		assertThat(backwards.exit()).isEqualTo(1);
		assertThat(backwards.err()).contains("an export covers 1 to 31 days");
		assertThat(this.dir.resolve("x.zip")).doesNotExist();
		assertThat(this.dir.resolve("x.zip.part")).doesNotExist();
	}

}
