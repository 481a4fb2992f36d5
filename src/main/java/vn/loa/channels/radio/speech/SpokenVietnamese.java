package vn.loa.channels.radio.speech;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a radio script into what an announcer (or a speech engine) says: dates
 * (“02/9/1945” → “ngày mồng hai tháng chín năm một nghìn chín trăm bốn mươi lăm”), ranges
 * of dates and years (“từ … đến …”), times, percentages, numbers with thousands dots and
 * decimal commas, ordinals, the Roman numerals of congresses and terms (“Đại hội XIV” →
 * “Đại hội mười bốn”), document numbers (“443-KH/TU” → “số bốn trăm bốn mươi ba, kế hoạch
 * của Tỉnh ủy”) and the genre's abbreviations (UBND, HĐND, MTTQ, TP., …) from an editable
 * list. What it does not recognise it leaves as written.
 */
public final class SpokenVietnamese {

	private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";

	private static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";

	private static final String DATE = "(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4})";

	private static final String DASH = "\\s*[-–—]\\s*";

	private static final Pattern DATE_RANGE = Pattern
		.compile(NOT_WORD_BEFORE + "([Nn]gày\\s+)?" + DATE + DASH + "(?:ngày\\s+)?" + DATE + "(?!\\d)");

	private static final Pattern FULL_DATE = Pattern.compile(NOT_WORD_BEFORE + "([Nn]gày\\s+)?" + DATE + "(?!\\d)");

	private static final Pattern DAY_MONTH = Pattern
		.compile("(?<![\\p{L}\\p{N}/])([Nn]gày\\s+)?(\\d{1,2})/(\\d{1,2})(?![\\d/])");

	private static final Pattern MONTH_YEAR = Pattern.compile("(?i)(tháng)\\s+(\\d{1,2})\\s*/\\s*(\\d{4})(?!\\d)");

	private static final Pattern YEAR_RANGE = Pattern.compile(
			NOT_WORD_BEFORE + "(năm\\s+)?(1[89]\\d\\d|20\\d\\d)" + DASH + "(?:năm\\s+)?(1[89]\\d\\d|20\\d\\d)(?!\\d)");

	private static final Pattern TIME = Pattern
		.compile(NOT_WORD_BEFORE + "(\\d{1,2})\\s*(?::|h|giờ)\\s*(\\d{2})(?:\\s*phút)?" + NOT_WORD_AFTER);

	private static final Pattern HOUR = Pattern.compile(NOT_WORD_BEFORE + "(\\d{1,2})h" + NOT_WORD_AFTER);

	private static final Pattern DOCUMENT = Pattern.compile(NOT_WORD_BEFORE + "((?:số|Số)\\s+)?(\\d{1,5})\\s*-\\s*"
			+ "([A-ZĐ][A-Za-zĐđ]{0,5})\\s*/\\s*([A-ZĐ][A-ZĐ0-9]{0,9})" + NOT_WORD_AFTER);

	private static final Pattern ROMAN_AFTER = Pattern.compile(
			"(?<![\\p{L}])((?:Đại|đại) hội|[Kk]h[oó]a|[Kk]hoá|(?:lần|Lần) thứ|Quốc hội|[Pp]hần|[Cc]hương)\\s+([IVXLC]+)"
					+ NOT_WORD_AFTER);

	private static final Pattern ORDINAL = Pattern
		.compile(NOT_WORD_BEFORE + "((?:thứ|Thứ))\\s+(\\d{1,3})" + NOT_WORD_AFTER);

	private static final Pattern PERCENT = Pattern
		.compile(NOT_WORD_BEFORE + "(\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,(\\d+))?\\s*%");

	/**
	 * A number on its own: not part of a word, a code, or a date left as written
	 * (“31/2”).
	 */
	private static final Pattern NUMBER = Pattern
		.compile("(?<![\\p{L}\\p{N}/])(\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,(\\d+))?(?![\\p{L}\\p{N}/])");

	/** A heading's number at the start of a line: “1.2.” or “II-”. */
	private static final Pattern OUTLINE = Pattern.compile("(?m)^([ \\t]*)(\\d{1,2}(?:\\.\\d{1,2})+)(?=\\.?\\s)");

	private static final Pattern LINE_ROMAN = Pattern.compile("(?m)^([ \\t]*)([IVX]{1,5})(?=\\s*[.\\-–]\\s)");

	private final VietnameseNumbers numbers;

	private final Map<String, String> abbreviations;

	private final Map<String, String> documentKinds;

	private final Map<String, String> issuers;

	private final Pattern abbreviation;

	private SpokenVietnamese(VietnameseNumbers.Variant variant, Map<String, String> abbreviations,
			Map<String, String> documentKinds, Map<String, String> issuers) {
		this.numbers = new VietnameseNumbers(variant);
		this.abbreviations = abbreviations;
		this.documentKinds = documentKinds;
		this.issuers = issuers;
		List<String> written = new ArrayList<>(abbreviations.keySet());
		written.sort(Comparator.comparingInt(String::length).reversed());
		String alternatives = String.join("|", written.stream().map(Pattern::quote).toList());
		this.abbreviation = Pattern.compile(
				NOT_WORD_BEFORE + "(" + (alternatives.isEmpty() ? "(?!)" : alternatives) + ")" + "(?![\\p{L}\\p{N}])");
	}

	/** The shipped lists (abbreviations, kinds of document, issuers). */
	public static SpokenVietnamese standard(VietnameseNumbers.Variant variant) {
		return withAbbreviations(variant, Map.of());
	}

	/**
	 * The shipped lists with {@code extra} added (or replacing a shipped reading):
	 * written form → what is said. A kind of document or an issuer is added by its code
	 * with the prefix {@code kind:} or {@code issuer:} (“issuer:TU” → “Thành ủy”).
	 */
	public static SpokenVietnamese withAbbreviations(VietnameseNumbers.Variant variant, Map<String, String> extra) {
		Map<String, String> abbreviations = new LinkedHashMap<>();
		Map<String, String> kinds = new LinkedHashMap<>();
		Map<String, String> issuers = new LinkedHashMap<>();
		Map<String, String> all = new LinkedHashMap<>(
				readList(Objects.requireNonNull(SpokenVietnamese.class.getResourceAsStream("abbreviations.tsv"),
						"abbreviations.tsv"), "abbreviations.tsv"));
		all.putAll(extra);
		all.forEach((written, said) -> {
			if (written.startsWith("kind:")) {
				kinds.put(written.substring(5), said);
			}
			else if (written.startsWith("issuer:")) {
				issuers.put(written.substring(7), said);
			}
			else {
				abbreviations.put(written, said);
			}
		});
		return new SpokenVietnamese(variant, abbreviations, kinds, issuers);
	}

	/**
	 * Reads a list: one entry a line, the written form, a tab, what is said; blank lines
	 * and lines starting {@code #} are skipped.
	 * @throws IllegalArgumentException naming the line that has no tab or an empty side
	 */
	public static Map<String, String> readList(InputStream in, String name) {
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			return readList(reader, name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + name, ex);
		}
	}

	static Map<String, String> readList(Reader reader, String name) throws IOException {
		Map<String, String> list = new LinkedHashMap<>();
		BufferedReader lines = new BufferedReader(reader);
		int number = 0;
		for (String line = lines.readLine(); line != null; line = lines.readLine()) {
			number++;
			if (line.isBlank() || line.strip().startsWith("#")) {
				continue;
			}
			int tab = line.indexOf('\t');
			String written = (tab > 0) ? line.substring(0, tab).strip() : "";
			String said = (tab > 0) ? line.substring(tab + 1).strip() : "";
			if (written.isEmpty() || said.isEmpty()) {
				throw new IllegalArgumentException(name + " line " + number
						+ ": expected the written form, a tab and what is said, found '" + line.strip() + "'");
			}
			list.put(written, said);
		}
		return list;
	}

	/** What is said for {@code script}. */
	public String speak(String script) {
		String text = replace(script, DOCUMENT, (m) -> document(m, script));
		text = replace(text, DATE_RANGE, (m) -> {
			String from = date("ngày ", m.group(2), m.group(3), m.group(4));
			String to = date("ngày ", m.group(5), m.group(6), m.group(7));
			return (from == null || to == null) ? null : "từ " + from + " đến " + to;
		});
		text = replace(text, FULL_DATE, (m) -> date(m.group(1), m.group(2), m.group(3), m.group(4)));
		text = replace(text, MONTH_YEAR, (m) -> monthYear(m));
		text = replace(text, YEAR_RANGE, (m) -> "từ năm " + this.numbers.cardinal(Long.parseLong(m.group(2)))
				+ " đến năm " + this.numbers.cardinal(Long.parseLong(m.group(3))));
		text = replace(text, DAY_MONTH, this::dayMonth);
		text = replace(text, TIME, this::time);
		text = replace(text, HOUR, (m) -> hour(m.group(1)));
		text = replace(text, ROMAN_AFTER, this::roman);
		text = replace(text, OUTLINE,
				(m) -> m.group(1) + String.join(" chấm ",
						java.util.Arrays.stream(m.group(2).split("\\."))
							.map((n) -> this.numbers.cardinal(Long.parseLong(n)))
							.toList()));
		text = replace(text, LINE_ROMAN, (m) -> {
			int value = vn.loa.text.RomanNumerals.value(m.group(2));
			return (value > 0) ? m.group(1) + this.numbers.cardinal(value) : null;
		});
		text = replace(text, ORDINAL, (m) -> m.group(1) + " " + this.numbers.ordinal(Long.parseLong(m.group(2))));
		text = replace(text, PERCENT, (m) -> number(m.group(1), m.group(2)) + " phần trăm");
		text = replace(text, NUMBER, (m) -> number(m.group(1), m.group(2)));
		text = replace(text, this.abbreviation, (m) -> this.abbreviations.get(m.group(1)));
		return text;
	}

	private static String replace(String text, Pattern pattern,
			Function<Matcher, @org.jspecify.annotations.Nullable String> reading) {
		Matcher matcher = pattern.matcher(text);
		StringBuilder out = new StringBuilder(text.length() + 64);
		while (matcher.find()) {
			String said = reading.apply(matcher);
			matcher.appendReplacement(out, Matcher.quoteReplacement((said != null) ? said : matcher.group()));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/**
	 * “ngày mồng hai tháng chín năm …” ({@code ngày} as the script wrote it, if it did),
	 * or null (as written) when it is no date.
	 */
	private @org.jspecify.annotations.Nullable String date(@org.jspecify.annotations.Nullable String ngay, String day,
			String month, String year) {
		int d = Integer.parseInt(day);
		int m = Integer.parseInt(month);
		if (m < 1 || m > 12 || d < 1 || d > java.time.YearMonth.of(Integer.parseInt(year), m).lengthOfMonth()) {
			return null;
		}
		return ((ngay != null) ? ngay.strip() : "ngày") + " " + this.numbers.day(d) + " tháng " + this.numbers.month(m)
				+ " năm " + this.numbers.cardinal(Long.parseLong(year));
	}

	private String dayMonth(Matcher m) {
		int day = Integer.parseInt(m.group(2));
		int month = Integer.parseInt(m.group(3));
		if (month < 1 || month > 12 || day < 1 || day > java.time.Month.of(month).maxLength()) {
			return m.group();
		}
		String ngay = (m.group(1) != null) ? m.group(1).strip() : "ngày";
		return ngay + " " + this.numbers.day(day) + " tháng " + this.numbers.month(month);
	}

	private String monthYear(Matcher m) {
		int month = Integer.parseInt(m.group(2));
		if (month < 1 || month > 12) {
			return m.group();
		}
		return m.group(1) + " " + this.numbers.month(month) + " năm "
				+ this.numbers.cardinal(Long.parseLong(m.group(3)));
	}

	private String time(Matcher m) {
		int hour = Integer.parseInt(m.group(1));
		int minute = Integer.parseInt(m.group(2));
		if (hour > 24 || minute > 59) {
			return m.group();
		}
		return this.numbers.cardinal(hour) + " giờ"
				+ ((minute == 0) ? "" : " " + this.numbers.cardinal(minute) + " phút");
	}

	private String hour(String written) {
		int hour = Integer.parseInt(written);
		return (hour > 24) ? written + "h" : this.numbers.cardinal(hour) + " giờ";
	}

	private String roman(Matcher m) {
		int value = vn.loa.text.RomanNumerals.value(m.group(2));
		if (value <= 0) {
			return m.group();
		}
		String keyword = m.group(1);
		boolean ordinal = keyword.endsWith("thứ");
		return keyword + " " + (ordinal ? this.numbers.ordinal(value) : this.numbers.cardinal(value));
	}

	/**
	 * “số bốn trăm bốn mươi ba, kế hoạch của Tỉnh ủy”; when the words before already name
	 * the kind (“Kế hoạch số 443-KH/TU”) it is not said twice.
	 */
	private String document(Matcher m, String text) {
		String kind = this.documentKinds.get(m.group(3));
		String issuer = this.issuers.get(m.group(4));
		StringBuilder said = new StringBuilder((m.group(1) != null) ? m.group(1) : "số ");
		said.append(this.numbers.cardinal(Long.parseLong(m.group(2))));
		String before = precedingWords(text, m.start());
		boolean named = this.documentKinds.values().stream().anyMatch((name) -> before.endsWith(name.toLowerCase()))
				|| before.endsWith("quy định");
		if (kind != null && !named) {
			said.append(", ").append(kind);
		}
		else if (kind == null) {
			said.append(" ").append(spelled(m.group(3)));
		}
		said.append(" ").append((issuer != null) ? "của " + issuer : spelled(m.group(4)));
		return said.toString();
	}

	/**
	 * The two words before {@code at} in {@code text}, lower-case (“kế hoạch”), or fewer.
	 */
	private static String precedingWords(String text, int at) {
		int end = at;
		for (int word = 0; word < 2; word++) {
			while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
				end--;
			}
			while (end > 0 && Character.isLetter(text.charAt(end - 1))) {
				end--;
			}
		}
		return text.substring(end, at).strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
	}

	/** Letters said one by one: “B T G”. */
	private static String spelled(String code) {
		return String.join(" ", code.codePoints().mapToObj(Character::toString).toList());
	}

	/** A number with thousands dots and a decimal comma: “ba phẩy năm”. */
	private String number(String whole, String fraction) {
		String digits = whole.replace(".", "");
		String said = (digits.length() > 15) ? this.numbers.digits(digits)
				: this.numbers.cardinal(Long.parseLong(digits));
		if (fraction == null) {
			return said;
		}
		String after = (fraction.startsWith("0") || fraction.length() > 3) ? this.numbers.digits(fraction)
				: this.numbers.cardinal(Long.parseLong(fraction));
		return said + " phẩy " + after;
	}

}
