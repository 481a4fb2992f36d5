package vn.loa.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.loa.content.ContentError;
import vn.loa.content.ContentStatus;
import vn.loa.subscribers.SubscriberError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error code the code base can raise has a text in both languages that uses all of
 * its arguments, and the content and subscriber modules raise no refusal without a code.
 */
class ErrorMessagesTests {

	private static final Path MAIN = Path.of("src/main/java/vn/loa");

	private static final Pattern CODELESS = Pattern
		.compile("(new InvalidContentException|InvalidContentException\\.conflict)\\(");

	/** A code and how many arguments it is given. */
	record Code(String code, int arity) {

	}

	static List<Code> codes() {
		List<Code> codes = new ArrayList<>();
		Arrays.stream(ContentError.values()).forEach((e) -> codes.add(new Code(e.code(), e.arity())));
		Arrays.stream(SubscriberError.values()).forEach((e) -> codes.add(new Code(e.code(), e.arity())));
		Arrays.stream(DeskSubscriberCsv.CsvError.values()).forEach((e) -> codes.add(new Code(e.code, e.arity)));
		return codes;
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages.properties", "messages_en.properties" })
	void everyCodeHasAKey(String file) throws IOException {
		Properties messages = new Properties();
		try (Reader reader = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(file),
				StandardCharsets.UTF_8)) {
			messages.load(reader);
		}
		assertThat(codes())
			.allSatisfy((code) -> assertThat(messages).as("%s in %s", ErrorMessages.PREFIX + code.code(), file)
				.containsKey(ErrorMessages.PREFIX + code.code()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "vi", "en" })
	void everyTextUsesAllItsArgumentsAndKeepsItsQuotes(String language) {
		ErrorMessages errors = new ErrorMessages(messageSource());
		LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
		try {
			assertThat(codes()).allSatisfy((code) -> {
				List<String> arguments = IntStream.range(0, code.arity()).mapToObj((i) -> "«" + i + "»").toList();
				String text = errors.text(code.code(), arguments, "ENGLISH FALLBACK");
				assertThat(text).as(code.code()).isNotEqualTo("ENGLISH FALLBACK").doesNotContain("{", "}", "''");
				arguments.forEach((argument) -> assertThat(text).as(code.code()).contains(argument));
				if (text.contains("«0»") && code.arity() > 0) {
					// a quoted argument keeps its quotes: '«0»', never «0» where ''{0}''
					// was meant
					String written = messageSource().getMessage(ErrorMessages.PREFIX + code.code(), null,
							Locale.forLanguageTag(language));
					assertThat(written.contains("''{0}''")).as(code.code()).isEqualTo(text.contains("'«0»'"));
				}
			});
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	@Test
	void aStatusIsNamedInThePagesLanguage() {
		ErrorMessages errors = new ErrorMessages(messageSource());
		LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
		try {
			assertThat(errors.text(ContentError.REVIEW_WRONG_STATUS.code(),
					List.of("bai-1", ContentStatus.SUBMITTED, ContentStatus.DRAFT), "item 'bai-1' is submitted"))
				.isEqualTo(
						"Bài 'bai-1' đang ở trạng thái “Chờ duyệt”; bước này chỉ làm được khi bài ở trạng thái “Nháp”.");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	@Test
	void aCodeWithoutATranslationKeepsTheEnglishMessageAsWritten() {
		ErrorMessages errors = new ErrorMessages(messageSource());
		assertThat(errors.text("content.nothing.like.this", List.of("x"), "unknown thing 'x'"))
			.isEqualTo("unknown thing 'x'");
		assertThat(errors.text(null, List.of(), "unknown status 'x'")).isEqualTo("unknown status 'x'");
	}

	/**
	 * Every other constructor of the refusals takes a code by its type; only the
	 * two-argument forms kept for the HTTP API's own refusals go without one.
	 */
	@Test
	void theContentAndSubscriberModulesRefuseNothingWithoutACode() throws IOException {
		List<String> uncoded = new ArrayList<>();
		for (String module : List.of("content", "subscribers")) {
			try (Stream<Path> files = Files.list(MAIN.resolve(module))) {
				for (Path file : files.filter((f) -> !f.toString().endsWith("Exception.java")).toList()) {
					String source = Files.readString(file);
					Matcher refusal = CODELESS.matcher(source);
					while (refusal.find()) {
						if (arguments(source, refusal.end()) == 2) {
							uncoded.add(file.getFileName() + ": "
									+ source.substring(refusal.start(), source.indexOf(';', refusal.start())));
						}
					}
				}
			}
		}
		assertThat(uncoded).isEmpty();
	}

	/** How many arguments the call whose parenthesis opened before {@code from} has. */
	private static int arguments(String source, int from) {
		int depth = 0;
		int count = 1;
		boolean quoted = false;
		for (int i = from; i < source.length(); i++) {
			char c = source.charAt(i);
			if (quoted) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				if (depth-- == 0) {
					return count;
				}
			}
			else if (c == ',' && depth == 0) {
				count++;
			}
		}
		throw new IllegalStateException("unclosed call at " + from);
	}

	/** The messages as Spring Boot configures them for the application. */
	private static ResourceBundleMessageSource messageSource() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
