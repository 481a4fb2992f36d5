package vn.loa.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.loa.subscribers.Subscriber;
import vn.loa.subscribers.SubscriberStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeskSubscriberCsvTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			value = { "=1+1|'=1+1", "+84 912|'+84 912", "-5|'-5", "@SUM(A1)|'@SUM(A1)", "An|An",
					"Trần, Chi|\"Trần, Chi\"", "say \"hi\"|\"say \"\"hi\"\"\"",
					"=HYPERLINK(\"http://x\")|\"'=HYPERLINK(\"\"http://x\"\")\"" })
	void cellsThatASpreadsheetWouldRunAreNeutralisedAndQuotedAsNeeded(String value, String cell) {
		assertThat(DeskSubscriberCsv.cell(value)).isEqualTo(cell);
	}

	@Test
	void readsWithOrWithoutByteOrderMarkAndNumbersLinesFromTheHeader() {
		for (String bom : new String[] { "", "\uFEFF" }) {
			DeskSubscriberCsv.Parsed parsed = DeskSubscriberCsv
				.read((bom + "email,name,status\na@x.vn,An\n\n\"b@x.vn\",\"Bình, B\",confirmed\nc@x.vn\n\"d@x.vn,D\n")
					.getBytes(StandardCharsets.UTF_8));
			assertThat(parsed.rows()).containsExactly(new DeskSubscriberCsv.Row(2, "a@x.vn", "An", ""),
					new DeskSubscriberCsv.Row(4, "b@x.vn", "Bình, B", "confirmed"));
			assertThat(parsed.problems()).extracting(DeskSubscriberCsv.Problem::line).containsExactly(5, 6);
		}
	}

	@Test
	void refusesAFileWithoutTheHeaderOrNotInUtf8() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DeskSubscriberCsv.read("a@x.vn,An\n".getBytes(StandardCharsets.UTF_8)));
		assertThatIllegalArgumentException().isThrownBy(
				() -> DeskSubscriberCsv.read("email,name\na@x.vn,Tr\u1EA7n\n".getBytes(StandardCharsets.UTF_16LE)));
	}

	@Test
	void writtenListReadsBackTheSame() {
		Subscriber s = new Subscriber(1, "default", "a@x.vn", "Trần, \"Chi\"", SubscriberStatus.PENDING, Instant.EPOCH,
				Instant.EPOCH);
		DeskSubscriberCsv.Parsed parsed = DeskSubscriberCsv
			.read(DeskSubscriberCsv.write(List.of(s)).getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.rows()).containsExactly(new DeskSubscriberCsv.Row(2, "a@x.vn", "Trần, \"Chi\"", "pending"));
	}

}
