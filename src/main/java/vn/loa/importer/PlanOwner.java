package vn.loa.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import vn.loa.organisations.Organisation;
import vn.loa.text.PlainText;

/**
 * Which known organisation issued a plan, read from its issuer line: the organisation
 * whose name the issuer is ("Ban Thường vụ Thành ủy Vũng Tàu"), or, failing that, the one
 * unit whose full name the issuer ends with ("Ủy ban nhân dân xã Bằng Thành" → Xã Bằng
 * Thành, "Tỉnh ủy Thái Nguyên" → Tỉnh Thái Nguyên). Tone marks and case do not matter;
 * two equally good candidates are no answer, so a plan is never given to the wrong
 * commune.
 */
final class PlanOwner {

	private PlanOwner() {
	}

	static Optional<String> of(String issuer, List<Organisation> organisations) {
		String wanted = fold(issuer);
		if (wanted.isEmpty()) {
			return Optional.empty();
		}
		List<Organisation> named = organisations.stream()
			.filter(Organisation::enabled)
			.filter((o) -> fold(o.name()).equals(wanted) || fold(withoutNote(o.name())).equals(wanted))
			.toList();
		if (named.size() == 1) {
			return Optional.of(named.get(0).id());
		}
		if (!named.isEmpty()) {
			return Optional.empty();
		}
		// "... xã Bằng Thành": the unit's own name, after its kind, ends the issuer.
		List<Organisation> ending = new ArrayList<>();
		for (Organisation organisation : organisations) {
			if (!organisation.enabled() || organisation.code() == null) {
				continue;
			}
			String unit = fold(organisation.name());
			String proper = fold(organisation.name().replaceFirst("^(Xã|Phường|Đặc khu|Tỉnh|Thành phố) ", ""));
			boolean province = organisation.parentId() == null;
			if (wanted.endsWith(" " + unit) || wanted.equals(unit)
					|| (province && (wanted.endsWith(" tinh uy " + proper) || wanted.endsWith(" thanh uy " + proper)
							|| wanted.equals("tinh uy " + proper) || wanted.equals("thanh uy " + proper)))) {
				ending.add(organisation);
			}
		}
		ending.sort(Comparator.comparingInt((Organisation o) -> -o.name().length()));
		if (ending.size() == 1
				|| (ending.size() > 1 && ending.get(0).name().length() > ending.get(1).name().length())) {
			return Optional.of(ending.get(0).id());
		}
		return Optional.empty();
	}

	private static String withoutNote(String name) {
		return name.replaceAll("\\s*\\([^)]*\\)\\s*$", "");
	}

	private static String fold(String text) {
		return PlainText.withoutMarks(text).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
	}

}
