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
	void namesEachRefusalByCodeWithTheValuesItQuotes() {
		assertThatExceptionOfType(InvalidSubscriberException.class)
			.isThrownBy(() -> SubscriberValidation.email("lan@@example.vn"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("subscriber.email.invalid"))
			.satisfies((ex) -> assertThat(ex.arguments()).containsExactly("lan@@example.vn"));
		assertThatExceptionOfType(InvalidSubscriberException.class).isThrownBy(() -> SubscriberValidation.email(" "))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("subscriber.email.required"));
		assertThatExceptionOfType(InvalidSubscriberException.class)
			.isThrownBy(() -> SubscriberValidation.name("L".repeat(201)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("subscriber.name.tooLong"))
			.satisfies((ex) -> assertThat(ex.arguments()).containsExactly("200", "201"));
		assertThatExceptionOfType(InvalidSubscriberException.class)
			.isThrownBy(() -> SubscriberValidation.name("Lan\u0007"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("subscriber.name.control"))
			.satisfies((ex) -> assertThat(ex.arguments()).containsExactly("U+0007"));
		assertThatExceptionOfType(InvalidSubscriberException.class)
			.isThrownBy(() -> SubscriberValidation.organisation("UBND\n"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("subscriber.organisation.lineBreak"));
		assertThatExceptionOfType(InvalidSubscriberException.class).isThrownBy(() -> SubscriberStatus.parse("vip"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("subscriber.status.unknown"))
			.satisfies((ex) -> assertThat(ex.arguments()).containsExactly("vip"));
	}

	@Test
	void keepsVietnameseNamesAndDefaultsTheOrganisation() {
		assertThat(SubscriberValidation.name(" Nguyễn Thị Lan ")).isEqualTo("Nguyễn Thị Lan");
		assertThat(SubscriberValidation.name(null)).isEmpty();
		assertThat(SubscriberValidation.organisation(null)).isEqualTo("default");
		assertThat(SubscriberValidation.organisation("ubnd-phuong-ba-dinh")).isEqualTo("ubnd-phuong-ba-dinh");
	}

}
