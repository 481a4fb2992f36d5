package vn.loa.subscribers;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class UnsubscribeTokensTests {

	@TempDir
	Path dataDir;

	@Test
	void verifiesTheTokensItIssues() {
		UnsubscribeTokens tokens = new UnsubscribeTokens("secret", this.dataDir);

		assertThat(tokens.verify(tokens.issue(42))).contains(42L);
	}

	@Test
	void refusesForgedTamperedAndMalformedTokens() {
		UnsubscribeTokens tokens = new UnsubscribeTokens("secret", this.dataDir);
		String token = tokens.issue(42);
		String signature = token.substring(token.indexOf('.'));

		assertThat(tokens.verify("43" + signature)).isEmpty();
		assertThat(tokens.verify(token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"))).isEmpty();
		assertThat(new UnsubscribeTokens("another secret", this.dataDir).verify(token)).isEmpty();
		assertThat(tokens.verify("42")).isEmpty();
		assertThat(tokens.verify("042" + signature)).isEmpty();
		assertThat(tokens.verify(token + "\r\n")).isEmpty();
		assertThat(tokens.verify(null)).isEmpty();
	}

	@Test
	void generatesASecretOnceAndReusesItAfterARestart() throws Exception {
		String token = new UnsubscribeTokens("", this.dataDir).issue(7);
		String secret = Files.readString(this.dataDir.resolve("secret"));

		UnsubscribeTokens restarted = new UnsubscribeTokens(" ", this.dataDir);

		assertThat(restarted.verify(token)).contains(7L);
		assertThat(Files.readString(this.dataDir.resolve("secret"))).isEqualTo(secret);
		assertThat(secret.strip()).hasSize(64);
		try (var leftovers = Files.list(this.dataDir)) {
			assertThat(leftovers).extracting((file) -> file.getFileName().toString()).containsExactly("secret");
		}
	}

}
