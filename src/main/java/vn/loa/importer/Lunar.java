package vn.loa.importer;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.loa.calendar.LunarCalendar;
import vn.loa.calendar.LunarDate;

/**
 * The lunar calendar as plans write it: years of the sexagenary cycle (“Bính Ngọ”) and
 * lunar days turned into the solar days the calendar keeps.
 */
final class Lunar {

	/** The ten heavenly stems, folded, in order from Giáp. */
	static final List<String> STEMS = List.of("giap", "at", "binh", "dinh", "mau", "ky", "canh", "tan", "nham", "quy");

	/**
	 * The twelve earthly branches, folded, in order from Tý; “mèo” is how the Vietnamese
	 * also name Mão, and “Tỵ” folds to the same letters as “Tý”.
	 */
	static final List<String> BRANCHES = List.of("ty", "suu", "dan", "mao|meo", "thin", "ti", "ngo", "mui", "than",
			"dau", "tuat", "hoi");

	private Lunar() {
	}

	/**
	 * The solar year in which the lunar year of that stem and branch begins, the one
	 * nearest {@code near} (the cycle repeats every sixty years).
	 */
	static int yearOf(String stem, String branch, int near) {
		int s = STEMS.indexOf(stem);
		int best = near;
		int distance = Integer.MAX_VALUE;
		// 1984 was Giáp Tý, the cycle's first year.
		for (int year = near - 30; year <= near + 30; year++) {
			String named = BRANCHES.get(Math.floorMod(year - 1984, 12));
			boolean sameBranch = List.of(named.split("\\|")).contains(branch)
					|| "ty".equals(branch) && "ti".equals(named);
			if (Math.floorMod(year - 1984, 10) == s && sameBranch && Math.abs(year - near) < distance) {
				best = year;
				distance = Math.abs(year - near);
			}
		}
		return best;
	}

	/** The solar day of a lunar day, or {@code null} when that year has no such day. */
	static @Nullable LocalDate toSolar(int day, int month, int year) {
		return LunarCalendar.toSolar(new LunarDate(day, month, year, false)).orElse(null);
	}

}
