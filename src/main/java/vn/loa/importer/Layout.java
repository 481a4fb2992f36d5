package vn.loa.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.loa.importer.Source.Paragraph;

/**
 * Where the parts of a plan are: the header above the kind (“KẾ HOẠCH”), the title, the
 * preamble, the Roman-numbered sections and the closing from “Nơi nhận”.
 */
final class Layout {

	/**
	 * The heading that names what the document is: a plan or guidance, and the other
	 * kinds that carry a plan's content (a monthly orientation, a decision whose annex is
	 * the plan, a notice, a programme).
	 */
	private static final Pattern KIND = Pattern
		.compile("^(ke hoach|huong dan|dinh huong|quyet dinh|thong bao|chuong trinh)(?![a-z])");

	/** A document number (“Số: 142/KH-UBND”) on a header line. */
	private static final Pattern HEADER_NUMBER = Pattern
		.compile("(?:^|\\s)so\\s*:?\\s*\\d*\\s*[-/]?\\s*[a-z]+\\s*[-/]");

	/** A place-and-date line (“Quảng Ngãi, ngày 28 tháng 7 năm 2025”). */
	private static final Pattern HEADER_DATE = Pattern
		.compile("ngay\\s*\\d*[\\s._…-]*thang\\s*\\d*[\\s._…-]*nam\\s*\\d{4}");

	/** How many paragraphs above the kind a header block reaches. */
	static final int HEADER_PARAGRAPHS = 12;

	/**
	 * The salutation of an official letter, which has no kind heading: its body starts
	 * here.
	 */
	private static final Pattern SALUTATION = Pattern.compile("^kinh\\s*gui\\b");

	private static final Pattern BODY_START = Pattern.compile(
			"^(thuc hien|can cu|ngay\\s*\\d|trien khai|nham |de |theo |nay,|tren co so|qua |xet |duoc su|thuc hien)");

	private static final Pattern ROMAN_HEADING = Pattern.compile("^([IVX]{1,4})\\s*[.\\-–)/]\\s*(\\S.*)$");

	private static final Pattern CLOSING = Pattern.compile("^[-*\\s]*noi\\s*nhan\\b");

	final Source source;

	final List<Paragraph> paragraphs;

	/** The paragraph holding the kind, or -1. */
	int kind = -1;

	/** Where the kind word ends in its paragraph. */
	int kindEnd;

	/**
	 * Whether the kind was chosen for the header block above it (a number or a date
	 * line).
	 */
	boolean kindUnderHeader;

	/** The paragraph after the title's last. */
	int titleEnd;

	/** The first paragraph after the title. */
	int body;

	/** The first section heading, or the closing. */
	int preambleEnd;

	/** The “Nơi nhận” paragraph, or the number of paragraphs. */
	int closing;

	final List<Section> sections = new ArrayList<>();

	/**
	 * A decision's annex (the plan it issues, after the decision's own closing): its
	 * heading, or -1; and the paragraph after its last.
	 */
	int annex = -1;

	int annexEnd;

	Layout(Source source) {
		this.source = source;
		this.paragraphs = source.paragraphs;
		findKind();
		findBody();
		findClosing();
		findSections();
		findAnnex();
	}

	/** The plan a decision issues in its annex, after the decision's “Nơi nhận”. */
	private void findAnnex() {
		for (int i = this.closing + 1; i < this.paragraphs.size(); i++) {
			Paragraph p = this.paragraphs.get(i);
			Matcher m = KIND.matcher(p.folded());
			if (m.find() && Words.isUpper(p.text().substring(0, m.end())) && !p.folded().startsWith("quyet dinh")) {
				this.annex = i;
				this.annexEnd = this.paragraphs.size();
				for (int j = i + 1; j < this.paragraphs.size(); j++) {
					if (CLOSING.matcher(this.paragraphs.get(j).folded()).find()) {
						this.annexEnd = j;
						break;
					}
				}
				return;
			}
		}
	}

	/** The body's paragraphs, from its first to the closing, and an annex's. */
	List<Paragraph> reading() {
		List<Paragraph> reading = new ArrayList<>(
				this.paragraphs.subList(this.body, Math.max(this.body, this.closing)));
		if (this.annex >= 0) {
			reading.addAll(this.paragraphs.subList(this.annex, this.annexEnd));
		}
		return reading;
	}

	/**
	 * The kind heading: of the headings in the first paragraphs, the one under a header
	 * block (a number or a place-and-date line just above it), so that a web page's
	 * headline or a saved file's title (“Kế hoạch ...” above the real header) is not
	 * taken for it. A heading after the text has begun (a news lead, say) counts only
	 * with a header block above it.
	 */
	private void findKind() {
		boolean bodyBegun = false;
		int best = -1;
		int bestEnd = 0;
		int bestScore = -1;
		for (int i = 0; i < Math.min(this.paragraphs.size(), 80); i++) {
			Paragraph p = this.paragraphs.get(i);
			Matcher m = KIND.matcher(p.folded());
			boolean kindAtStart = m.find();
			boolean upper = kindAtStart && Words.isUpper(p.text().substring(0, m.end()));
			if (kindAtStart && !p.folded()
				.substring(m.end())
				.matches("\\s*(so|cua|nay|duoc|tren|ve viec|nham|de ra|se|da|cung|con|giao|yeu cau|neu ro)\\b.*")
					&& (upper || p.text().length() < 120 && !p.text().strip().endsWith(".")
							&& !p.text().strip().endsWith(":"))) {
				int score = headerAbove(i) + (upper ? 1 : 0);
				if ((!bodyBegun || score >= 2) && score > bestScore) {
					best = i;
					bestEnd = m.end();
					bestScore = score;
				}
			}
			else if (!bodyBegun && BODY_START.matcher(p.folded()).find()) {
				bodyBegun = true;
				if (best >= 0 && bestScore >= 2) {
					break;
				}
			}
			if (isHeading(p) && ROMAN_HEADING.matcher(p.text()).matches() && best >= 0) {
				break;
			}
		}
		this.kind = best;
		this.kindEnd = bestEnd;
		this.kindUnderHeader = bestScore >= 2;
	}

	/** 2 for a number and 2 for a place-and-date line among the paragraphs above. */
	private int headerAbove(int kind) {
		boolean number = false;
		boolean date = false;
		for (int i = Math.max(0, kind - HEADER_PARAGRAPHS); i < kind; i++) {
			String folded = this.paragraphs.get(i).folded();
			number |= HEADER_NUMBER.matcher(folded).find();
			date |= HEADER_DATE.matcher(folded).find();
		}
		return (number ? 2 : 0) + (date ? 2 : 0);
	}

	private void findBody() {
		int i = (this.kind >= 0) ? this.kind + 1 : 0;
		int titleParts = 0;
		if (this.kind < 0) {
			// No kind heading (an official letter, a news write-up): the header, if any,
			// runs to the salutation or the first sentence of the text.
			for (; i < Math.min(this.paragraphs.size(), 30); i++) {
				Paragraph p = this.paragraphs.get(i);
				if (SALUTATION.matcher(p.folded()).find() || BODY_START.matcher(p.folded()).find()
						|| p.text().length() > 250 || isHeading(p) && ROMAN_HEADING.matcher(p.text()).matches()) {
					break;
				}
			}
			if (i >= Math.min(this.paragraphs.size(), 30)) {
				i = 0;
			}
			this.titleEnd = i;
			this.body = i;
			return;
		}
		for (; i < this.paragraphs.size(); i++) {
			Paragraph p = this.paragraphs.get(i);
			if (isBodyStart(p) || titleParts >= 4) {
				break;
			}
			titleParts++;
		}
		this.titleEnd = Math.min(i, this.paragraphs.size());
		if (i < this.paragraphs.size() && Source.isSeparator(this.paragraphs.get(i).text())) {
			i++;
		}
		this.body = Math.min(i, this.paragraphs.size());
	}

	/** A title's line naming only its month or quarter (“THÁNG 8/2025”). */
	private static final Pattern PERIOD_LINE = Pattern.compile("^(thang|quy)\\s*[\\divx]+\\s*(?:/|nam)\\s*\\d{4}\\s*$");

	/** A numbered item (“1. Đợt 1: ...”): the text has begun, a title is not numbered. */
	private static final Pattern NUMBERED = Pattern.compile("^\\d{1,2}\\.\\s");

	boolean isBodyStart(Paragraph p) {
		if (PERIOD_LINE.matcher(p.folded()).find()) {
			return false;
		}
		return Source.isSeparator(p.text()) || BODY_START.matcher(p.folded().replaceFirst("^[-+•–*]\\s*", "")).find()
				|| isHeading(p) || NUMBERED.matcher(p.text()).find() || p.text().length() > 250
				|| p.folded().startsWith("so ") || p.folded().startsWith("so:") || p.folded().endsWith("nhu sau:");
	}

	private void findClosing() {
		this.closing = this.paragraphs.size();
		for (int i = this.body; i < this.paragraphs.size(); i++) {
			if (CLOSING.matcher(this.paragraphs.get(i).folded()).find()) {
				this.closing = i;
				return;
			}
		}
	}

	private void findSections() {
		this.preambleEnd = this.closing;
		for (int i = this.body; i < this.closing; i++) {
			Paragraph p = this.paragraphs.get(i);
			if (i == this.body && i + 1 < this.closing && !ROMAN_HEADING.matcher(p.text()).matches()
					&& BODY_START.matcher(this.paragraphs.get(i + 1).folded()).find()) {
				// A decision's authority ("ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG") above its
				// grounds: the preamble, not a section.
				continue;
			}
			if (isHeading(p)) {
				if (this.sections.isEmpty()) {
					this.preambleEnd = i;
				}
				else {
					Section last = this.sections.remove(this.sections.size() - 1);
					this.sections.add(new Section(last.title(), last.heading(), i));
				}
				this.sections.add(new Section(Words.fold(p.text()), i, this.closing));
			}
		}
	}

	static boolean isHeading(Paragraph p) {
		Matcher m = ROMAN_HEADING.matcher(p.text());
		if (m.matches()) {
			return Words.isUpper(m.group(2)) || Words.roman(m.group(1)) > 0 && upperShare(m.group(2)) > 0.6;
		}
		return Words.isUpper(p.text()) && p.text().length() > 8 && !p.folded().startsWith("t/m")
				&& !p.folded().matches("^(tm|kt|tl|q)\\..*");
	}

	private static double upperShare(String text) {
		long letters = text.chars().filter(Character::isLetter).count();
		long upper = text.chars().filter(Character::isUpperCase).count();
		return (letters == 0) ? 0 : (double) upper / letters;
	}

	/** The first section whose heading holds the folded phrase (a regex), or null. */
	@Nullable Section section(String foldedPhrase) {
		Pattern phrase = Pattern.compile(foldedPhrase);
		return this.sections.stream().filter((s) -> phrase.matcher(s.title()).find()).findFirst().orElse(null);
	}

	/** The paragraphs of the body, from the title to the closing, and an annex's. */
	List<Paragraph> text() {
		int from = (this.kind >= 0) ? this.kind : 0;
		List<Paragraph> text = new ArrayList<>(this.paragraphs.subList(from, Math.max(from, this.closing)));
		if (this.annex >= 0) {
			text.addAll(this.paragraphs.subList(this.annex, this.annexEnd));
		}
		return text;
	}

	/**
	 * The header block above the kind (at most {@link #HEADER_PARAGRAPHS}: what lies
	 * further up is a web page's menu or a news lead), or, without a kind, the paragraphs
	 * before the text begins.
	 */
	List<Paragraph> header() {
		int end = (this.kind >= 0) ? this.kind : Math.min(this.body, this.paragraphs.size());
		return this.paragraphs.subList((this.kind >= 0) ? Math.max(0, end - HEADER_PARAGRAPHS) : 0, end);
	}

	List<Paragraph> titleParagraphs() {
		return (this.kind >= 0) ? this.paragraphs.subList(this.kind, this.titleEnd) : List.of();
	}

	/** The title's paragraphs read as one, or null. */
	@Nullable Paragraph title() {
		List<Paragraph> parts = titleParagraphs();
		if (parts.isEmpty()) {
			return null;
		}
		Paragraph.Builder title = new Paragraph.Builder(parts.get(0).text(), parts.get(0).line());
		parts.subList(1, parts.size()).forEach((p) -> title.add(p.text(), p.line()));
		return title.build();
	}

	List<Paragraph> preamble() {
		return this.paragraphs.subList(Math.min(this.body, this.preambleEnd),
				Math.min(this.preambleEnd, this.body + 8));
	}

	/** The first paragraphs of a decision's annex: the plan's own grounds. */
	List<Paragraph> annexPreamble() {
		return (this.annex < 0) ? List.of()
				: this.paragraphs.subList(this.annex, Math.min(this.annexEnd, this.annex + ANNEX_PREAMBLE));
	}

	private static final int ANNEX_PREAMBLE = 12;

	List<Paragraph> in(Section section) {
		return this.paragraphs.subList(section.heading() + 1, section.end());
	}

	/**
	 * A Roman-numbered section.
	 *
	 * @param title the folded heading
	 * @param heading the heading's paragraph
	 * @param end the paragraph after its last
	 */
	record Section(String title, int heading, int end) {

	}

}
