package vn.loa.cli;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.loa.calendar.CalendarProblem;

/**
 * What the command line says, in one language: the application's own messages
 * ({@code messages.properties} is Vietnamese, {@code messages_en.properties} English), so
 * a problem reads the same in {@code loa check} as on the desk.
 */
final class CliText {

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	private final Locale locale;

	CliText(Locale locale) {
		this.locale = locale;
		this.messages.setBasename("messages");
		this.messages.setDefaultEncoding("UTF-8");
		// messages.properties is Vietnamese: never the machine's own language instead.
		this.messages.setFallbackToSystemLocale(false);
	}

	Locale locale() {
		return this.locale;
	}

	String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, this.locale);
	}

	/**
	 * A problem as {@code file:line: message}, the message in this language when the
	 * problem has a key, else as the loader wrote it.
	 */
	String problem(CalendarProblem problem) {
		return problem.file() + ":" + problem.line() + ": "
				+ message(problem.key(), problem.arguments(), problem.message());
	}

	/**
	 * The message {@code key} says with {@code arguments} in this language, or
	 * {@code english} as written when there is no key or no such message.
	 */
	String message(@Nullable String key, List<?> arguments, @Nullable String english) {
		String fallback = (english != null) ? english : "";
		if (key == null) {
			return fallback;
		}
		try {
			return this.messages.getMessage(key, arguments.toArray(), this.locale);
		}
		catch (NoSuchMessageException ex) {
			// Not getMessage(key, arguments, default, locale): it would run the English
			// text through MessageFormat and lose its quotes.
			return fallback;
		}
	}

	/**
	 * The importer's message {@code importer.<code>} in this language, else as the
	 * importer wrote it in English.
	 */
	String importer(String code, List<String> arguments, String english) {
		return message("importer." + code, arguments, english);
	}

	/** A draft's review report in this language. */
	String report(vn.loa.importer.PlanDraft draft) {
		return draft.report((field) -> text("cli.import." + field),
				(warning) -> importer(warning.code(), warning.arguments(), warning.message()));
	}

}
