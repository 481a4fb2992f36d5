package vn.loa.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Reads received mail in tests: decoded text parts by type, and recipients. */
public final class MailParts {

	private MailParts() {
	}

	public static Map<String, String> of(Part message) throws Exception {
		Map<String, String> parts = new LinkedHashMap<>();
		collect(message, parts);
		return parts;
	}

	static List<String> recipients(MimeMessage message) {
		try {
			return Arrays.stream(message.getAllRecipients()).map((r) -> ((InternetAddress) r).getAddress()).toList();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void collect(Part part, Map<String, String> parts) throws Exception {
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i), parts);
			}
			return;
		}
		String type = part.getContentType().toLowerCase(Locale.ROOT);
		parts.put(type.contains(";") ? type.substring(0, type.indexOf(';')).strip() : type,
				String.valueOf(part.getContent()));
	}

}
