package vn.loa.text;

/**
 * A character that text may not hold, and where it is.
 *
 * @param codePoint the character
 * @param index its index in the text (in UTF-16 units)
 * @param line its 1-based line in the text
 * @param column its 1-based column on that line, counted in characters
 */
public record ForbiddenCharacter(int codePoint, int index, int line, int column) {

	/** The character as a reader can find it: {@code U+0007 BELL}. */
	public String character() {
		String code = "U+%04X".formatted(this.codePoint);
		if (this.codePoint >= Character.MIN_SURROGATE && this.codePoint <= Character.MAX_SURROGATE) {
			return code + " (lone surrogate)";
		}
		if ((this.codePoint >= 0xFDD0 && this.codePoint <= 0xFDEF) || (this.codePoint & 0xFFFE) == 0xFFFE) {
			return code + " (non-character)";
		}
		String name = Character.getName(this.codePoint);
		return (name != null) ? code + " " + name : code;
	}

	/** Where it is in a text of several lines: {@code line 3, column 12}. */
	public String position() {
		return "line " + this.line + ", column " + this.column;
	}

}
