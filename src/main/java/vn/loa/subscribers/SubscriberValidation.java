package vn.loa.subscribers;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.loa.organisations.Organisations;
import vn.loa.text.PlainText;

/**
 * Checks what goes into a subscriber row. Names and addresses end up in mail headers, so
 * line breaks and other control characters are refused outright rather than cleaned.
 */
final class SubscriberValidation {

	static final String DEFAULT_ORGANISATION = Organisations.DEFAULT;

	private static final Pattern ADDRESS = Pattern
		.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
				+ "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

	private static final Pattern ORGANISATION = Pattern.compile("[a-z0-9][a-z0-9._-]{0,119}");

	private SubscriberValidation() {
	}

	static String email(String email) {
		if (email == null || email.isBlank()) {
			throw new InvalidSubscriberException("email", "email is required", SubscriberError.EMAIL_REQUIRED);
		}
		refuseControlCharacters("email", email);
		String address = email.strip();
		if (address.length() > 254 || !ADDRESS.matcher(address).matches() || address.contains("..")
				|| address.startsWith(".") || address.indexOf('@') > 64) {
			throw new InvalidSubscriberException("email", "'" + address + "' is not a valid email address",
					SubscriberError.EMAIL_INVALID, address);
		}
		return address;
	}

	static String name(@Nullable String name) {
		if (name == null) {
			return "";
		}
		refuseControlCharacters("name", name);
		String stripped = name.strip();
		if (stripped.length() > 200) {
			throw new InvalidSubscriberException("name", "name is longer than 200 characters",
					SubscriberError.NAME_TOO_LONG, "200", String.valueOf(stripped.length()));
		}
		return stripped;
	}

	static String organisation(@Nullable String organisation) {
		if (organisation == null || organisation.isBlank()) {
			return DEFAULT_ORGANISATION;
		}
		refuseControlCharacters("organisation", organisation);
		String id = organisation.strip();
		if (!ORGANISATION.matcher(id).matches()) {
			throw new InvalidSubscriberException("organisation",
					"'" + id + "' is not an organisation id (lower-case letters, digits, '.', '_' and '-')",
					SubscriberError.ORGANISATION_INVALID, id);
		}
		return id;
	}

	private static SubscriberError lineBreak(String field) {
		return switch (field) {
			case "email" -> SubscriberError.EMAIL_LINE_BREAK;
			case "name" -> SubscriberError.NAME_LINE_BREAK;
			default -> SubscriberError.ORGANISATION_LINE_BREAK;
		};
	}

	private static SubscriberError control(String field) {
		return switch (field) {
			case "email" -> SubscriberError.EMAIL_CONTROL;
			case "name" -> SubscriberError.NAME_CONTROL;
			default -> SubscriberError.ORGANISATION_CONTROL;
		};
	}

	/** The form two addresses are compared in: the same mailbox, whatever the case. */
	static String key(String email) {
		return email.toLowerCase(Locale.ROOT);
	}

	private static void refuseControlCharacters(String field, String value) {
		for (int i = 0; i < value.length();) {
			int c = value.codePointAt(i);
			if (c == '\r' || c == '\n') {
				throw new InvalidSubscriberException(field, field + " must not contain line breaks", lineBreak(field));
			}
			// Names end up in mail headers and feeds: nothing a header or XML cannot
			// carry.
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || PlainText.isForbidden(c)) {
				throw new InvalidSubscriberException(field,
						field + " must not contain control characters (found U+%04X)".formatted(c), control(field),
						"U+%04X".formatted(c));
			}
			i += Character.charCount(c);
		}
	}

}
