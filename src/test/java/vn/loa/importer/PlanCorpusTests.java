package vn.loa.importer;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

import vn.loa.calendar.CalendarBook;
import vn.loa.text.PlainText;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The importer on documents it was not written against: news write-ups of a plan, saved
 * web pages, orientations, decisions with the plan in their annex, notices, official
 * letters, central guidance, and plans whose headers, dates and phases are written the
 * many ways people write them (see {@code corpus/README.md}). Every one gets a draft (no
 * readable text is refused), and the drafts' fields are scored against what a careful
 * reader takes from each: a point per scalar field and per expected phase, anniversary
 * and cited document, a point lost per value the draft invents. The table is printed; the
 * test fails when the score drops below what the importer reaches today.
 */
class PlanCorpusTests {

	/**
	 * The goal: 95 % of the fields right on documents the importer was not written
	 * against.
	 */
	static final double FLOOR = 0.95;

	private static final CalendarBook BOOK = PlanTexts.book();

	@Test
	void everyDocumentOfTheCorpusGetsADraftAndTheFieldsScoreAtLeastTheFloor() throws Exception {
		List<Path> documents = documents("corpus");
		assertThat(documents).as("documents in the corpus").hasSizeGreaterThanOrEqualTo(25);
		assertThat(table(documents)).isGreaterThanOrEqualTo(FLOOR);
	}

	/**
	 * The corpora written after the importer had been improved against the ones before,
	 * by hands that saw neither its code nor those corpora, each measured once as it came
	 * before anything was changed for it. What they scored then, and the floor that keeps
	 * each from sliding back now that its misses have been worked through:
	 * <ul>
	 * <li>{@code corpus-holdout}: 0.850 as it came, 1.000 now;</li>
	 * <li>{@code corpus-unseen}: 0.882 as it came, 1.000 now;</li>
	 * <li>{@code corpus-unseen-2}: 0.823 as it came, 0.971 now;</li>
	 * <li>{@code corpus-unseen-3}: 0.925 as it came, 0.991 now;</li>
	 * <li>{@code corpus-unseen-4}: 0.933 as it came, 0.992 now;</li>
	 * <li>{@code corpus-unseen-5}: 0.928 as it came, 0.993 now;</li>
	 * <li>{@code corpus-unseen-6}: 0.923 as it came, 0.986 now;</li>
	 * <li>{@code corpus-unseen-7}: 0.959 as it came, 1.000 now;</li>
	 * <li>{@code corpus-unseen-8}: 0.933 as it came, 0.996 now;</li>
	 * <li>{@code corpus-unseen-9}: 0.957 as it came, 0.996 now;</li>
	 * <li>{@code corpus-unseen-10}: 0.966 as it came, 0.995 now.</li>
	 * </ul>
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "corpus-holdout, 0.99", "corpus-unseen, 0.99", "corpus-unseen-2, 0.97", "corpus-unseen-3, 0.99",
			"corpus-unseen-4, 0.99", "corpus-unseen-5, 0.99", "corpus-unseen-6, 0.98", "corpus-unseen-7, 0.99",
			"corpus-unseen-8, 0.99", "corpus-unseen-9, 0.99", "corpus-unseen-10, 0.99" })
	void aCorpusWrittenLaterScoresAtLeastItsFloor(String folder, double floor) throws Exception {
		List<Path> documents = documents(folder);
		assertThat(documents).as("documents in %s", folder).hasSizeGreaterThanOrEqualTo(20);
		assertThat(table(documents)).isGreaterThanOrEqualTo(floor);
	}

	/** Scores the documents, prints the table, and returns the share of fields right. */
	private static double table(List<Path> documents) throws IOException {
		int right = 0;
		int total = 0;
		StringBuilder table = new StringBuilder(
				String.format(Locale.ROOT, "%-44s %-12s %6s  %s%n", "document", "form", "score", "missed or invented"));
		Map<String, Integer> warnings = new java.util.TreeMap<>();
		for (Path document : documents) {
			Score score = score(document);
			score.warnings().forEach((code) -> warnings.merge(code, 1, Integer::sum));
			right += score.right();
			total += score.total();
			table.append(String.format(Locale.ROOT, "%-44s %-12s %3d/%-3d %s%n", document.getFileName(), score.form(),
					score.right(), score.total(), String.join("; ", score.wrong())));
		}
		table.append("warnings (drafts with each): ").append(warnings).append(System.lineSeparator());
		double ratio = (double) right / total;
		table.append(String.format(Locale.ROOT, "fields right: %d of %d = %.3f (goal 0.95)%n", right, total, ratio));
		System.out.print(table);
		return ratio;
	}

	/** The documents of the corpus that have an expectation beside them. */
	static List<Path> documents(String folder) throws IOException, URISyntaxException {
		Path corpus = Path.of(Objects.requireNonNull(PlanCorpusTests.class.getResource(folder)).toURI());
		try (Stream<Path> files = Files.list(corpus)) {
			return files.filter((file) -> file.toString().endsWith(".txt") || file.toString().endsWith(".html"))
				.filter((file) -> Files.exists(expectation(file)))
				.sorted()
				.toList();
		}
	}

	private static Path expectation(Path document) {
		String name = document.getFileName().toString();
		return document.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expected.yaml");
	}

	/** How the draft of one document compares with its expectation. */
	@SuppressWarnings("unchecked")
	static Score score(Path document) throws IOException {
		Map<String, Object> expected = new Yaml().load(Files.readString(expectation(document)));
		PlanDraft draft = PlanImports.read(document.getFileName().toString(), Files.readAllBytes(document), BOOK);
		Tally tally = new Tally();
		tally.field("number", text(expected.get("number")), draft.number(), PlanCorpusTests::compact);
		tally.field("issuer", text(expected.get("issuer")), draft.issuer(), PlanCorpusTests::body);
		tally.field("place", text(expected.get("place")), draft.place(), PlanCorpusTests::body);
		tally.field("date", date(expected.get("date")), draft.date());
		phases(tally, (List<Map<String, Object>>) expected.getOrDefault("phases", List.of()), draft.phases());
		anniversaries(tally, (List<Map<String, Object>>) expected.getOrDefault("anniversaries", List.of()),
				draft.anniversaries());
		implemented(tally, (List<Object>) expected.getOrDefault("implements", List.of()), draft.implementsDocuments());
		return new Score(String.valueOf(expected.get("form")), tally.right, tally.total, tally.wrong,
				draft.warnings().stream().map(PlanDraft.Warning::code).distinct().toList());
	}

	private static void phases(Tally tally, List<Map<String, Object>> expected, List<PlanDraft.PhaseDraft> found) {
		List<PlanDraft.PhaseDraft> left = new ArrayList<>(found);
		for (Map<String, Object> phase : (expected != null) ? expected : List.<Map<String, Object>>of()) {
			LocalDate start = date(phase.get("start"));
			LocalDate end = date(phase.get("end"));
			String until = text(phase.get("until"));
			PlanDraft.PhaseDraft match = left.stream()
				.filter((p) -> Objects.equals(p.start(), start) && Objects.equals(p.end(), end)
						&& Objects.equals(p.until(), until))
				.findFirst()
				.orElse(null);
			tally.point(match != null, "phase " + start + ".." + ((until != null) ? until : end));
			left.remove(match);
		}
		left.forEach((p) -> tally.invented("phase " + p.start() + ".." + ((p.until() != null) ? p.until() : p.end())));
	}

	private static void anniversaries(Tally tally, List<Map<String, Object>> expected,
			List<PlanDraft.AnniversaryMention> found) {
		List<PlanDraft.AnniversaryMention> left = new ArrayList<>(found);
		for (Map<String, Object> anniversary : (expected != null) ? expected : List.<Map<String, Object>>of()) {
			Integer ordinal = (anniversary.get("ordinal") instanceof Number n) ? n.intValue() : null;
			boolean proposed = Boolean.TRUE.equals(anniversary.get("proposed"));
			String id = text(anniversary.get("id"));
			LocalDate origin = date(anniversary.get("origin"));
			PlanDraft.AnniversaryMention match = left.stream()
				.filter((a) -> proposed ? a.proposed() && Objects.equals(a.origin(), origin) : a.id().equals(id))
				.filter((a) -> Objects.equals(a.ordinal(), ordinal))
				.findFirst()
				.orElse(null);
			tally.point(match != null, "anniversary " + (proposed ? "new " + origin : id) + " " + ordinal);
			left.remove(match);
		}
		left.forEach((a) -> tally.invented("anniversary " + a.id() + " " + a.ordinal()));
	}

	private static void implemented(Tally tally, List<Object> expected, List<String> found) {
		List<String> left = new ArrayList<>(found);
		for (Object number : (expected != null) ? expected : List.of()) {
			String wanted = compact(String.valueOf(number));
			String match = left.stream().filter((d) -> compact(d).contains(wanted)).findFirst().orElse(null);
			tally.point(match != null, "implements " + number);
			left.remove(match);
		}
		left.forEach((d) -> tally.invented("implements " + d));
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value == null) ? null : value.toString();
	}

	private static @Nullable LocalDate date(@Nullable Object value) {
		if (value instanceof Date date) {
			return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
		}
		return (value == null) ? null : LocalDate.parse(value.toString());
	}

	/** A document number without its spaces. */
	private static String compact(String text) {
		return text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
	}

	/** A body or place as compared: no case, tone marks, punctuation or abbreviations. */
	static String body(String text) {
		String plain = " " + PlainText.withoutMarks(text).replaceAll("[^a-z0-9]+", " ") + " ";
		for (String[] abbreviation : new String[][] { { "ubnd", "uy ban nhan dan" }, { "hdnd", "hoi dong nhan dan" },
				{ "mttq", "mat tran to quoc" }, { "btg", "ban tuyen giao" }, { "btv", "ban thuong vu" } }) {
			plain = plain.replace(" " + abbreviation[0] + " ", " " + abbreviation[1] + " ");
		}
		return plain.strip().replaceAll("\\s+", " ");
	}

	/** The points of one document. */
	record Score(String form, int right, int total, List<String> wrong, List<String> warnings) {

	}

	private static final class Tally {

		int right;

		int total;

		final List<String> wrong = new ArrayList<>();

		void field(String name, @Nullable String expected, @Nullable String found,
				java.util.function.Function<String, String> normal) {
			boolean same = (expected == null) ? found == null
					: found != null && normal.apply(expected).equals(normal.apply(found));
			point(same, name + " " + found + " (expected " + expected + ")");
		}

		void field(String name, @Nullable LocalDate expected, @Nullable LocalDate found) {
			point(Objects.equals(expected, found), name + " " + found + " (expected " + expected + ")");
		}

		void point(boolean ok, String what) {
			this.total++;
			if (ok) {
				this.right++;
			}
			else {
				this.wrong.add("missed " + what);
			}
		}

		void invented(String what) {
			this.total++;
			this.wrong.add("invented " + what);
		}

	}

}
