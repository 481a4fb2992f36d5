package vn.loa.importer;

import java.util.List;

/**
 * A plan document reduced to text: lines as a reader sees them, in Unicode NFC, numbered
 * from 1 so every extracted value can say where it came from.
 *
 * @param source the file name the text came from
 * @param lines the lines, without line terminators
 */
record PlanText(String source, List<String> lines) {

	public PlanText {
		lines = List.copyOf(lines);
	}

	/** The 1-based line. */
	public String line(int number) {
		return this.lines.get(number - 1);
	}

}
