package vn.loa.web;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

import vn.loa.content.ContentStatus;
import vn.loa.content.InvalidContentException;
import vn.loa.content.ReviewRefusedException;
import vn.loa.subscribers.InvalidSubscriberException;

/**
 * Refusals in the reader's language: looks up {@code error.<code>} for the request's
 * locale, and keeps the English message of a refusal that has no code or no translation.
 * The result is plain text; pages show it with {@code th:text}, so what a user typed and
 * the message quotes back is escaped there.
 */
@Component
class ErrorMessages {

	static final String PREFIX = "error.";

	private final MessageSource messages;

	ErrorMessages(MessageSource messages) {
		this.messages = messages;
	}

	String of(InvalidContentException ex) {
		return text(ex.code(), ex.arguments(), ex.getMessage());
	}

	String of(ReviewRefusedException ex) {
		return text(ex.code(), List.of(), ex.getMessage());
	}

	String of(InvalidSubscriberException ex) {
		return text(ex.code(), ex.arguments(), ex.getMessage());
	}

	/**
	 * The text of {@code code} with {@code arguments} in the current request's language.
	 * @param english what to show when there is no code or no translation of it
	 */
	String text(@Nullable String code, List<?> arguments, @Nullable String english) {
		String fallback = (english != null) ? english : "";
		if (code == null) {
			return fallback;
		}
		Locale locale = LocaleContextHolder.getLocale();
		Object[] args = arguments.stream().map(ErrorMessages::argument).toArray();
		try {
			return this.messages.getMessage(PREFIX + code, args, locale);
		}
		catch (NoSuchMessageException ex) {
			// not getMessage(code, args, default, locale): it would run the English text
			// through MessageFormat and lose its quotes
			return fallback;
		}
	}

	/** A status is named as the desk names it elsewhere, in the page's language. */
	private static Object argument(Object argument) {
		if (argument instanceof ContentStatus status) {
			return new DefaultMessageSourceResolvable("content.status." + status.key());
		}
		return argument;
	}

}
