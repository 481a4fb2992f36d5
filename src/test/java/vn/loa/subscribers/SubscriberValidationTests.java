package vn.loa.subscribers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SubscriberValidationTests {

	@ParameterizedTest
	@ValueSource(
			strings = { "lan@example.vn", "nguyen.van.a+ban-tin@ubnd.hanoi.gov.vn", "  so.tttt@quangninh.gov.vn " })
	void acceptsOrdinaryAddresses(String address) {
		assertThat(SubscriberValidation.email(address)).isEqualTo(address.strip());
	}

	@ParameterizedTest
	@ValueSource(strings = { "lan", "lan@", "@example.vn", "lan@example", "lan@@example.vn", "lan @example.vn",
			"<lan@example.vn>", "lan@example.vn, evil@x", "lan..an@example.vn", "lan@-example.vn" })
	void refusesWhatIsNotAnAddress(String address) {
		assertThatExceptionOfType(InvalidSubscriberException.class)
			.isThrownBy(() -> SubscriberValidation.email(address))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("email"))
			.withMessageContaining("not a valid email address");
	}

	@ParameterizedTest
	@ValueSource(strings = { "lan@example.vn\r\nBcc: evil@x", "lan@example.vn\n", "lan@example.vn\r" })
	void refusesLineBreaksInAddresses(String address) {
		assertThatExceptionOfType(InvalidSubscriberException.class)
			.isThrownBy(() -> SubscriberValidation.email(address))
			.withMessage("email must not contain line breaks");
	}

	@Test
	void refusesLineBreaksAndControlCharactersInNames() {
		assertThatExceptionOfType(InvalidSubscriberException.class)
			.isThrownBy(() -> SubscriberValidation.name("Lan\r\nBcc: evil@x"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("name"))
			.withMessage("name must not contain line breaks");
		assertThatExceptionOfType(InvalidSubscriberException.class)
			.isThrownBy(() -> SubscriberValidation.name("Lan\u0000"))
			.withMessage("name must not contain control characters (found U+0000)");
	}

	@Test
	void keepsVietnameseNamesAndDefaultsTheOrganisation() {
		assertThat(SubscriberValidation.name(" Nguyễn Thị Lan ")).isEqualTo("Nguyễn Thị Lan");
		assertThat(SubscriberValidation.name(null)).isEmpty();
		assertThat(SubscriberValidation.organisation(null)).isEqualTo("default");
		assertThat(SubscriberValidation.organisation("ubnd-phuong-ba-dinh")).isEqualTo("ubnd-phuong-ba-dinh");
	}

}
