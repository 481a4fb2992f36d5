package vn.loa.organisations;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import vn.loa.text.PlainText;

/**
 * Reads the list of administrative units in the CSV format of the 2025 dataset
 * ({@code provinces.csv}: code, name, fullName, slug, type, isCentral;
 * {@code communes.csv}: code, name, fullName, slug, type, provinceCode) into the
 * organisations it describes, parents first.
 * <p>
 * Ids are derived so that reading the same list again, whole or one province at a time,
 * gives the same ids: a province is its slug ({@code thai-nguyen}); a commune, ward or
 * special zone is its province's slug and its own ({@code thai-nguyen-bang-thanh}). Two
 * units of one province whose names differ only in their tone marks (Cẩm Giang and Cẩm
 * Giàng) share a slug, so each of them also carries its code
 * ({@code hai-phong-cam-giang-01203}).
 */
final class AdministrativeUnits {

	/** The list Loa ships, from the 2025 dataset. */
	static final String SHIPPED = "organisations/don-vi-hanh-chinh-2025/";

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{1,20}");

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setTrim(true)
		.setIgnoreEmptyLines(true)
		.get();

	private AdministrativeUnits() {
	}

	/**
	 * A unit read from a list.
	 *
	 * @param id the organisation's id
	 * @param name its full name ({@code Xã Bằng Thành}, {@code Tỉnh Thái Nguyên})
	 * @param kind province, commune, ward or special zone
	 * @param parentId its province's id, {@code null} for a province
	 * @param code its code in the list
	 * @param file the file it was read from
	 * @param line its line there
	 */
	record Unit(String id, String name, OrganisationKind kind, @Nullable String parentId, String code, String file,
			long line) {

	}

	/**
	 * The units of both files, provinces first, limited to {@code provinces} (codes or
	 * slugs) unless that is empty.
	 * @throws InvalidOrganisationException naming the file and line that cannot be read,
	 * or a province asked for that the list does not have
	 */
	static List<Unit> read(String provincesCsv, String communesCsv, Collection<String> provinces) {
		Map<String, Unit> byCode = new LinkedHashMap<>();
		for (CSVRecord row : records("provinces.csv", provincesCsv, Set.of("code", "name", "fullName", "slug"))) {
			String code = code("provinces.csv", row);
			String slug = slug("provinces.csv", row);
			String name = name("provinces.csv", row);
			if (byCode.putIfAbsent(code, new Unit(slug, name, OrganisationKind.PROVINCE, null, code, "provinces.csv",
					row.getRecordNumber() + 1)) != null) {
				throw lineError("provinces.csv", row, "duplicate", "code " + code + " appears twice", code);
			}
		}
		Set<String> wanted = provinces.stream()
			.map((p) -> p.strip().toLowerCase(Locale.ROOT))
			.filter((p) -> !p.isEmpty())
			.collect(Collectors.toSet());
		List<Unit> chosen = byCode.values()
			.stream()
			.filter((p) -> wanted.isEmpty() || wanted.contains(p.code()) || wanted.contains(p.id()))
			.toList();
		for (String asked : wanted) {
			if (byCode.values().stream().noneMatch((p) -> p.code().equals(asked) || p.id().equals(asked))) {
				throw new InvalidOrganisationException("province", "unknownProvince",
						"provinces.csv has no province '" + asked + "'", asked);
			}
		}
		Map<String, Unit> provinceByCode = new HashMap<>();
		chosen.forEach((p) -> provinceByCode.put(p.code(), p));
		List<CSVRecord> communes = records("communes.csv", communesCsv,
				Set.of("code", "name", "fullName", "slug", "type", "provinceCode"));
		Map<String, Integer> slugs = new HashMap<>();
		for (CSVRecord row : communes) {
			slug("communes.csv", row);
			slugs.merge(row.get("provinceCode") + "/" + row.get("slug"), 1, Integer::sum);
		}
		List<Unit> units = new ArrayList<>(chosen);
		Set<String> seen = new java.util.HashSet<>(byCode.keySet());
		for (CSVRecord row : communes) {
			String code = code("communes.csv", row);
			if (!seen.add(code)) {
				throw lineError("communes.csv", row, "duplicate", "code " + code + " appears twice", code);
			}
			String provinceCode = row.get("provinceCode");
			if (!byCode.containsKey(provinceCode)) {
				throw lineError("communes.csv", row, "unknownParent",
						"province code '" + provinceCode + "' is not in provinces.csv", provinceCode);
			}
			Unit province = provinceByCode.get(provinceCode);
			if (province == null) {
				continue;
			}
			String slug = row.get("slug");
			boolean shared = slugs.getOrDefault(provinceCode + "/" + slug, 1) > 1;
			String id = province.id() + "-" + slug + (shared ? "-" + code.toLowerCase(Locale.ROOT) : "");
			units.add(new Unit(id, name("communes.csv", row), kind(row), province.id(), code, "communes.csv",
					row.getRecordNumber() + 1));
		}
		return units;
	}

	/** The list Loa ships, limited to {@code provinces} unless that is empty. */
	static List<Unit> shipped(Collection<String> provinces) {
		return read(resource("provinces.csv"), resource("communes.csv"), provinces);
	}

	private static String resource(String name) {
		try (InputStream in = AdministrativeUnits.class.getClassLoader().getResourceAsStream(SHIPPED + name)) {
			if (in == null) {
				throw new IllegalStateException("the shipped list " + SHIPPED + name + " is missing");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<CSVRecord> records(String file, String csv, Set<String> columns) {
		String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
		try {
			var parser = FORMAT.parse(new StringReader(text));
			List<String> missing = columns.stream()
				.filter((c) -> !parser.getHeaderMap().containsKey(c))
				.sorted()
				.toList();
			if (!missing.isEmpty()) {
				throw new InvalidOrganisationException(file, "columns",
						file + " lacks the column(s) " + String.join(", ", missing), file, String.join(", ", missing));
			}
			List<CSVRecord> records = parser.getRecords();
			for (CSVRecord row : records) {
				if (!row.isConsistent()) {
					throw lineError(file, row, "fields",
							"has " + row.size() + " fields, the header has " + parser.getHeaderMap().size());
				}
			}
			return records;
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			throw new InvalidOrganisationException(file, "unreadable",
					file + " is not readable CSV: " + ex.getMessage(), file, String.valueOf(ex.getMessage()));
		}
	}

	private static String code(String file, CSVRecord row) {
		String code = row.get("code");
		if (!CODE.matcher(code).matches()) {
			throw lineError(file, row, "code", "the code '" + code + "' is not 1 to 20 letters or digits", code);
		}
		return code;
	}

	private static String slug(String file, CSVRecord row) {
		String slug = row.get("slug");
		if (!SLUG.matcher(slug).matches() || slug.length() > 50) {
			throw lineError(file, row, "slug",
					"the slug '" + slug + "' is not lower-case ASCII letters and digits joined by '-'", slug);
		}
		return slug;
	}

	private static String name(String file, CSVRecord row) {
		String full = row.get("fullName");
		// "Xã Bằng Thành, Tỉnh Thái Nguyên": the commune's own name is before the comma.
		String name = (full.isBlank() ? row.get("name") : full.split(",", 2)[0]).strip();
		String normalised = PlainText.normaliseLine(name);
		if (normalised.isEmpty() || normalised.length() > 300 || PlainText.firstForbidden(normalised).isPresent()) {
			throw lineError(file, row, "name", "the name is empty, too long or holds a control character");
		}
		return normalised;
	}

	private static OrganisationKind kind(CSVRecord row) {
		if (row.get("fullName").startsWith("Đặc khu")) {
			return OrganisationKind.SPECIAL_ZONE;
		}
		return "ward".equalsIgnoreCase(row.get("type")) ? OrganisationKind.WARD : OrganisationKind.COMMUNE;
	}

	private static InvalidOrganisationException lineError(String file, CSVRecord row, String code, String message,
			Object... arguments) {
		long line = row.getRecordNumber() + 1;
		Object[] all = new Object[arguments.length + 2];
		all[0] = file;
		all[1] = line;
		System.arraycopy(arguments, 0, all, 2, arguments.length);
		return new InvalidOrganisationException(file, "line." + code, file + " line " + line + ": " + message, all);
	}

}
