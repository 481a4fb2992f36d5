package vn.loa.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.loa.importer.PlanDraft.Signer;

/** Reads the end of a plan: the "Nơi nhận" list and the signature block. */
final class Closing {

	private static final Pattern BULLET = Pattern.compile("^[-+•–—*]\\s*");

	private static final Pattern ON_BEHALF = Pattern
		.compile("^(T/M|TM\\.?|K/T|KT\\.?|T/L|TL\\.?|TUQ\\.?|Q\\.|THAY MẶT)\\s.*");

	// A signature block flattened onto a recipient line: "- Lưu VP. T/M BAN THƯỜNG VỤ".
	private static final Pattern FLATTENED = Pattern.compile("^(.*?)\\s+((?:T/M|TM\\.|K/T|KT\\.|T/L|TL\\.)\\s.*)$");

	private static final Pattern ROLE_AT_END = Pattern.compile(
			"^(.*?)\\s+((?:PHÓ\\s+)?(?:BÍ THƯ|CHỦ TỊCH|TRƯỞNG BAN|GIÁM ĐỐC|THƯỜNG TRỰC|TRƯỞNG PHÒNG|CHÁNH VĂN PHÒNG))$");

	private static final Pattern NAME = Pattern.compile("(\\p{Lu}[\\p{Ll}]*)( \\p{Lu}[\\p{Ll}]*){1,5}");

	private Closing() {
	}

	static void read(Layout layout, DraftBuilder draft) {
		List<String> lines = layout.source.lines;
		int start;
		List<String> signature = new ArrayList<>();
		List<Integer> signatureLines = new ArrayList<>();
		if (layout.closing < layout.paragraphs.size()) {
			int first = layout.paragraphs.get(layout.closing).line();
			String rest = lines.get(first - 1).replaceFirst("(?i)^[-*\\s]*n\\S*i\\s*nh\\S*n\\s*:?\\s*", "");
			start = first;
			List<String> pending = new ArrayList<>();
			List<Integer> pendingLines = new ArrayList<>();
			if (!rest.isEmpty()) {
				pending.add(rest);
				pendingLines.add(first);
			}
			int i = first;
			for (; i < lines.size(); i++) {
				if (!lines.get(i).isEmpty()) {
					pending.add(lines.get(i));
					pendingLines.add(i + 1);
				}
			}
			boolean inList = true;
			for (int k = 0; k < pending.size(); k++) {
				String line = pending.get(k);
				int number = pendingLines.get(k);
				if (inList && (BULLET.matcher(line).find()
						|| (k == 0 && !ON_BEHALF.matcher(line).matches() && !Words.isUpper(line) && !rest.isEmpty()))) {
					String recipient = BULLET.matcher(line).replaceFirst("");
					Matcher flattened = FLATTENED.matcher(recipient);
					if (flattened.matches()) {
						recipient = flattened.group(1);
						signature.add(flattened.group(2));
						signatureLines.add(number);
					}
					Matcher role = ROLE_AT_END.matcher(recipient);
					if (role.matches()) {
						recipient = role.group(1);
						signature.add(role.group(2));
						signatureLines.add(number);
					}
					// The list's own punctuation ("Thường trực Thành ủy,", "Lưu: VT.") is
					// not
					// part of a name.
					recipient = recipient.strip().replaceAll("[\\s,;.]+$", "").strip();
					if (recipient.isEmpty()) {
						continue;
					}
					draft.recipients.add(recipient);
					draft.extract("recipient", recipient, number);
				}
				else {
					inList = false;
					signature.add(line);
					signatureLines.add(number);
				}
			}
		}
		else {
			draft.warn(0, ImportMessage.NO_RECIPIENTS, "no 'Nơi nhận' list");
			start = Math.max(1, lines.size() - 6);
			int last = layout.paragraphs.isEmpty() ? 0 : layout.paragraphs.get(layout.paragraphs.size() - 1).line();
			for (int i = Math.max(start, last - 5); i <= lines.size(); i++) {
				String line = lines.get(i - 1);
				if (!line.isEmpty() && line.length() < 60) {
					signature.add(line);
					signatureLines.add(i);
				}
			}
		}
		signer(signature, signatureLines, draft);
	}

	private static void signer(List<String> lines, List<Integer> numbers, DraftBuilder draft) {
		String onBehalf = null;
		String role = null;
		String name = null;
		int line = 0;
		for (int i = 0; i < lines.size(); i++) {
			String text = lines.get(i).strip();
			if (text.matches("(?i)\\(?\\s*(đã ký|ký tên.*|ký, ghi rõ.*|đã ký và đóng dấu)\\s*\\)?")) {
				continue;
			}
			if (ON_BEHALF.matcher(text).matches()) {
				Matcher split = ROLE_AT_END.matcher(text);
				if (split.matches() && !split.group(1).matches("(?i)T/M|TM\\.?|K/T|KT\\.?|T/L|TL\\.?")) {
					onBehalf = split.group(1);
					role = split.group(2);
				}
				else {
					onBehalf = text;
				}
				draft.extract("signer.onBehalfOf", onBehalf, numbers.get(i));
			}
			else if (Words.isUpper(text) && text.length() < 60) {
				role = (role == null) ? text : role + " " + text;
				draft.extract("signer.role", text, numbers.get(i));
			}
			else if (NAME.matcher(text).matches()) {
				name = text;
				line = numbers.get(i);
			}
		}
		if (name == null && role == null && onBehalf == null) {
			draft.warn(0, ImportMessage.NO_SIGNATURE, "no signature found");
			return;
		}
		if (name != null) {
			draft.extract("signer", name, line);
		}
		else {
			draft.warn(0, ImportMessage.NO_SIGNER_NAME, "the signer's name is missing");
		}
		draft.signer = new Signer(name, role, onBehalf, line);
	}

}
