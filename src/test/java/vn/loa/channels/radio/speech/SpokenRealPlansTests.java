package vn.loa.channels.radio.speech;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import vn.loa.channels.radio.speech.VietnameseNumbers.Variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every line of the real plans in {@code ../shared/plans}, read as the radio would say
 * it: no date, document number, congress or term, number or percentage is left in digits,
 * and no "ngày" is said twice. Runs when the plans are next to the project, and must on
 * CI.
 */
class SpokenRealPlansTests {

	private static final Path PLANS = Path.of("..", "shared", "plans");

	private static final Pattern LEFT_IN_DIGITS = Pattern
		.compile("(?<![\\p{L}\\p{N}/])\\d+(?:[.,]\\d+)*%?(?![\\p{L}\\p{N}/])");

	private static final Pattern ROMAN_LEFT = Pattern.compile("(Đại hội|khóa|lần thứ) [IVXLC]+(?![\\p{L}])");

	@Test
	void everyLineOfTheRealPlansIsSaidWithoutDigitsCodesOrNumerals() throws IOException {
		SpokenVietnamese speech = SpokenVietnamese.standard(Variant.NORTH);
		List<String> lines = new ArrayList<>();
		for (Path plan : plans()) {
			lines.addAll(Files.readAllLines(plan, StandardCharsets.UTF_8));
		}
		assertThat(lines).hasSizeGreaterThan(300);
		List<String> problems = new ArrayList<>();
		int dates = 0;
		for (String line : lines) {
			String said = speech.speak(line);
			dates += countOf(said, "tháng");
			if (LEFT_IN_DIGITS.matcher(said).find() || ROMAN_LEFT.matcher(said).find() || said.contains("ngày ngày")
					|| said.matches(".*\\d+-[A-ZĐ]+/[A-ZĐ].*")) {
				problems.add(line.strip() + "\n    → " + said.strip());
			}
		}
		assertThat(problems).as("lines whose spoken form still has digits, codes or numerals").isEmpty();
		assertThat(dates).as("months said in words").isGreaterThan(50);
	}

	private static int countOf(String text, String word) {
		return text.split(word, -1).length - 1;
	}

	private static List<Path> plans() throws IOException {
		if (!Files.isDirectory(PLANS)) {
			if ("true".equals(System.getenv("CI"))) {
				fail(PLANS + " is missing: CI must read the real plans aloud");
			}
			Assumptions.abort(PLANS + " is not next to the project");
		}
		try (Stream<Path> files = Files.list(PLANS)) {
			return files.filter((file) -> file.toString().endsWith(".txt")).sorted().toList();
		}
	}

}
