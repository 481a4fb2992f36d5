package vn.loa.importer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plan's lines cleaned of what copies carry besides the text (Markdown, footnote
 * markers, page numbers, odd spaces, glued phrases), and its paragraphs: lines broken
 * mid-sentence joined again, each offset traceable to its line.
 */
final class Source {

	private static final Pattern PAGE_NUMBER = Pattern
		.compile("[-–—]?\\s*\\d{1,3}\\s*[-–—]?|(?i)trang \\d+( ?/ ?\\d+)?");

	private static final Pattern LIST_START = Pattern.compile(
			"^([-+•–—*·▪●\\uF0B7\\uF0A7]\\s|\\d{1,2}(\\.\\d{1,2})*\\s*[.)/-]\\s|[IVXL]{1,5}\\s*[.\\-–)]\\s|[a-zđ]\\)\\s"
					+ "|[¹²³⁴⁵⁶⁷⁸⁹])");

	private static final Pattern SEPARATOR = Pattern.compile("[-_*=~]{3,}|\\*");

	/**
	 * A line that stops on a word no sentence ends with (“... đến ngày” ⏎ “25/6/2025.”).
	 */
	private static final Pattern DANGLING = Pattern.compile("(?<![a-z])(ngay|den|tu|thang|so|cua|va|tai|ve)$");

	/** A plan's grounds, which always begin a sentence: “Căn cứ ...”, “Thực hiện ...”. */
	private static final Pattern GROUNDS = Pattern.compile("^(Căn cứ|Thực hiện|CĂN CỨ|THỰC HIỆN)[\\s:]");

	/** A photo's caption in a saved news page: “[Ảnh] ...”, “Ảnh: ...”, “(Ảnh ...)”. */
	private static final Pattern CAPTION = Pattern.compile("^(\\[Ảnh\\]|\\(Ảnh|Ảnh:|Ảnh minh họa)");

	/**
	 * A news site's list of other articles after the one saved (“TIN LIÊN QUAN”, “Các tin
	 * khác”, “Đọc nhiều”): what follows is not the document.
	 */
	private static final Pattern SITE_LINKS = Pattern.compile("^(tin (bai )?lien quan|bai (viet )?lien quan"
			+ "|(cac )?tin khac|tin cung chuyen muc|cac bai viet khac|xem them|(tin )?doc nhieu( nhat)?"
			+ "|tin moi( nhat)?|tin noi bat)\\s*:?$");

	final String name;

	final List<String> lines = new ArrayList<>();

	final List<Paragraph> paragraphs = new ArrayList<>();

	Source(PlanText text) {
		this.name = text.source();
		for (String line : text.lines()) {
			this.lines.add(clean(line));
		}
		join();
	}

	/** The cleaned 1-based line. */
	String line(int number) {
		return this.lines.get(number - 1);
	}

	static String clean(String raw) {
		String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
		s = s.replaceAll("[\\u200B\\u200C\\u200D\\uFEFF\\u00AD]", "");
		s = s.replaceAll("[\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000\\t]", " ");
		s = s.replaceAll("^\\s{0,3}#{1,6}\\s+", "");
		s = s.replace("**", "").replace("__", "");
		s = s.replaceAll("\\\\([*_#\\-.+!\\[\\]()`])", "$1");
		s = s.replaceAll("(?<![\\p{L}\\p{N}*])\\*(?=\\S)([^*]+?)(?<=\\S)\\*(?![\\p{L}\\p{N}*])", "$1");
		s = s.replaceAll("\\[\\^\\d+\\]", "");
		s = s.replaceAll("(?<=[\\p{L}\\p{N}.,;:)”\"])[¹²³⁴⁵⁶⁷⁸⁹⁰]+", "");
		s = s.replaceAll("\\s+", " ").strip();
		if (PAGE_NUMBER.matcher(s).matches()) {
			return "";
		}
		return Words.respace(s);
	}

	private void join() {
		Paragraph.Builder current = null;
		for (int i = 0; i < this.lines.size(); i++) {
			String line = this.lines.get(i);
			if (line.isEmpty()) {
				continue;
			}
			if (this.paragraphs.size() >= 4 && SITE_LINKS.matcher(Words.fold(line)).matches()) {
				break;
			}
			if (CAPTION.matcher(line).find()) {
				continue;
			}
			if (current != null && continues(current.last(), line)) {
				current.add(line, i + 1);
			}
			else {
				if (current != null) {
					this.paragraphs.add(current.build());
				}
				current = new Paragraph.Builder(line, i + 1);
			}
		}
		if (current != null) {
			this.paragraphs.add(current.build());
		}
	}

	/** Whether {@code next} carries on the sentence {@code previous} left open. */
	static boolean continues(String previous, String next) {
		if (Paragraph.Builder.BROKEN_AT_SLASH.matcher(previous).find() && Character.isLetterOrDigit(next.charAt(0))
				&& !isListStart(next)) {
			return true;
		}
		if (isSeparator(previous) || isSeparator(next) || Words.isUpper(previous) || Words.isUpper(next)
				|| isListStart(next) || GROUNDS.matcher(next).find()) {
			return false;
		}
		char end = previous.charAt(previous.length() - 1);
		if (".;:!?…".indexOf(end) >= 0) {
			return false;
		}
		char first = next.charAt(0);
		if (Character.isLowerCase(first) || DANGLING.matcher(Words.fold(previous)).find()) {
			return true;
		}
		// A long line that stops mid-sentence was wrapped by the page, even when the next
		// word is a number or a capitalised name ("Ban Tuyên giáo / Tỉnh ủy ...").
		return (Character.isDigit(first) || Character.isUpperCase(first)) && previous.length() >= 60;
	}

	static boolean isListStart(String line) {
		return LIST_START.matcher(line).find();
	}

	static boolean isSeparator(String line) {
		return SEPARATOR.matcher(line).matches();
	}

	/** A run of lines read as one, with the line each offset came from. */
	record Paragraph(String text, String folded, int[] starts, int[] lineNumbers) {

		int line() {
			return this.lineNumbers[0];
		}

		int lastLine() {
			return this.lineNumbers[this.lineNumbers.length - 1];
		}

		int lineAt(int offset) {
			int line = this.lineNumbers[0];
			for (int i = 0; i < this.starts.length && this.starts[i] <= offset; i++) {
				line = this.lineNumbers[i];
			}
			return line;
		}

		static final class Builder {

			/**
			 * A number or date broken after its slash by a copy (“Hướng dẫn số 178-HD/” ⏎
			 * “BTGTU”, “(19/5/” ⏎ “1890”): joined without a space.
			 */
			static final Pattern BROKEN_AT_SLASH = Pattern.compile("(?:\\d[-–]?\\p{Lu}*/|\\d[-–]|\\d/\\p{Lu}+[-–])$");

			private final StringBuilder text = new StringBuilder();

			private final List<int[]> parts = new ArrayList<>();

			private String last;

			Builder(String line, int number) {
				add(line, number);
			}

			void add(String line, int number) {
				if (this.text.length() > 0 && !BROKEN_AT_SLASH.matcher(this.text).find()) {
					this.text.append(' ');
				}
				this.parts.add(new int[] { this.text.length(), number });
				this.text.append(line);
				this.last = line;
			}

			String last() {
				return this.last;
			}

			Paragraph build() {
				String joined = this.text.toString();
				int[] starts = this.parts.stream().mapToInt((part) -> part[0]).toArray();
				int[] numbers = this.parts.stream().mapToInt((part) -> part[1]).toArray();
				return new Paragraph(joined, Words.fold(joined), starts, numbers);
			}

		}

	}

}
