package vn.loa.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.loa.subscribers.Subscriber;

/**
 * The subscribers' CSV file, {@code email,name,status} with a header row: reading an
 * upload line by line, and writing the list so that no cell runs as a spreadsheet
 * formula.
 */
final class DeskSubscriberCsv {

	static final String HEADER = "email,name,status";

	private DeskSubscriberCsv() {
	}

	/**
	 * Reads an upload: UTF-8, with or without a byte order mark, the header first.
	 * @throws Unreadable if it is not UTF-8 or has no such header
	 */
	static Parsed read(byte[] bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new Unreadable(CsvError.NOT_UTF8, "the file is not UTF-8 text");
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		String[] lines = text.split("\r\n|\n|\r", -1);
		List<String> header = cells(lines[0]).stream().map((c) -> c.strip().toLowerCase(Locale.ROOT)).toList();
		if (header.size() < 2 || !header.get(0).equals("email") || !header.get(1).equals("name")) {
			throw new Unreadable(CsvError.HEADER, "the first line must be the header " + HEADER, HEADER);
		}
		List<Row> rows = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			int line = i + 1;
			if (lines[i].isBlank()) {
				continue;
			}
			List<String> cells;
			try {
				cells = cells(lines[i]);
			}
			catch (Unreadable ex) {
				problems.add(new Problem(line, ex.error.code, ex.arguments, ex.getMessage()));
				continue;
			}
			if (cells.size() < 2 || cells.size() > 3) {
				problems.add(new Problem(line, CsvError.CELL_COUNT.code, List.of(String.valueOf(cells.size())),
						"expected 2 or 3 values, found " + cells.size()));
				continue;
			}
			rows.add(new Row(line, cells.get(0), cells.get(1), (cells.size() == 3) ? cells.get(2) : ""));
		}
		return new Parsed(rows, problems);
	}

	/**
	 * The cells of one line: commas separate, double quotes enclose, {@code ""} escapes.
	 */
	static List<String> cells(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"' && cell.toString().isBlank()) {
				cell.setLength(0);
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		if (quoted) {
			throw new Unreadable(CsvError.QUOTE_NOT_CLOSED, "a quote is not closed");
		}
		cells.add(cell.toString());
		return cells;
	}

	/** The list as CSV, header first, lines ending in CRLF. */
	static String write(List<Subscriber> subscribers) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (Subscriber s : subscribers) {
			csv.append(cell(s.email()))
				.append(',')
				.append(cell(s.name()))
				.append(',')
				.append(s.status().name().toLowerCase(Locale.ROOT))
				.append("\r\n");
		}
		return csv.toString();
	}

	/**
	 * One cell: a value a spreadsheet would run as a formula gets a leading {@code '};
	 * one with a comma, quote or line break is quoted.
	 */
	static String cell(String value) {
		String text = (value != null) ? value : "";
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	/** What an upload held: rows to add and lines that could not be read. */
	record Parsed(List<Row> rows, List<Problem> problems) {

	}

	/** One data line of an upload, by its line number in the file (the header is 1). */
	record Row(int line, String email, String name, String status) {

	}

	/**
	 * A line that was not imported, and why: a code with its arguments for the page, and
	 * the English message for when the code has no translation.
	 */
	record Problem(int line, String code, List<String> arguments, @Nullable String message) {

	}

	/** What makes a file or a line unreadable, as codes the pages translate. */
	enum CsvError {

		NOT_UTF8("subscriber.csv.notUtf8", 0),

		/** The header expected. */
		HEADER("subscriber.csv.header", 1),

		QUOTE_NOT_CLOSED("subscriber.csv.quoteNotClosed", 0),

		/** How many values the line has. */
		CELL_COUNT("subscriber.csv.cellCount", 1);

		final String code;

		final int arity;

		CsvError(String code, int arity) {
			this.code = code;
			this.arity = arity;
		}

	}

	/** A file, or one of its lines, that cannot be read as the subscribers' CSV. */
	static final class Unreadable extends IllegalArgumentException {

		final CsvError error;

		final List<String> arguments;

		Unreadable(CsvError error, String message, String... arguments) {
			super(message);
			this.error = error;
			this.arguments = List.of(arguments);
		}

	}

}
